"""What changed in one item between two versions of its file: the substance of `history`.

Old versions need not validate against today's models, so an item is read leniently from
the parsed data (dates stay as written) rather than through the models.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Snapshot:
    """The fields of an item that committees ask about, as one version of the file had them."""

    owner: str | None
    status: str | None
    hmicfrs_status: str | None
    """Older records' single HMICFRS status (verdicts now go in the log)."""
    national_status: str | None
    due: str | None
    revised: tuple[tuple[str, str, str], ...]
    """(date, reason, agreed by) for each revision."""
    targets: tuple[tuple[str, str, str], ...]
    """(date, reason, set by) for each of the force's own target dates."""
    log: tuple[tuple[str, str | None, str], ...]
    """(date, status or verdict, note) for each entry."""
    closure: str | None
    """Older records' closure block (closure is now a log entry)."""


def snapshot(data: Any, ident: str) -> Snapshot | None:
    """The item ``ident`` in one version's parsed data, or None if that version lacks it."""
    found = _find(data, ident)
    if found is None:
        return None
    closure = found.get("closure")
    return Snapshot(
        owner=_text(found.get("owner")),
        status=_text(found.get("status")),
        hmicfrs_status=_text(found.get("hmicfrs_status")),
        national_status=_text(found.get("national_status")),
        due=_text(found.get("due")),
        revised=tuple(
            (_text(r.get("date")) or "?", _text(r.get("reason")) or "", _text(r.get("agreed_by")) or "")
            for r in _entries(found.get("revised_due"))
        ),
        targets=tuple(
            (_text(t.get("date")) or "?", _text(t.get("reason")) or "", _text(t.get("agreed_by")) or "")
            for t in _entries(found.get("targets"))
        ),
        log=tuple((_text(e.get("date")) or "?", _moved(e), " ".join(str(e.get("note", "")).split())) for e in _entries(found.get("log"))),
        closure=(
            f"{_text(closure.get('date'))} as {_text(closure.get('status'))}" if isinstance(closure, dict) else None
        ),
    )


def _find(data: Any, ident: str) -> dict[str, Any] | None:
    if not isinstance(data, dict):
        return None
    if data.get("id") == ident and "findings" not in data:
        return data
    for finding in data.get("findings") or []:
        if isinstance(finding, dict) and finding.get("id") == ident:
            return finding
    return None


def _moved(entry: dict[str, Any]) -> str | None:
    """What a log entry moved: the owner's status, or the verifier's verdict and who gave it."""
    if entry.get("verdict") is not None:
        by = f" by {_text(entry.get('by'))}" if entry.get("by") else ""
        return f"verdict {_text(entry.get('verdict'))}{by}"
    return _text(entry.get("status"))


def _entries(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def changes(before: Snapshot | None, after: Snapshot | None) -> list[str]:
    """One line per change from ``before`` to ``after``; empty when the item did not change."""
    if after is None:
        return [] if before is None else ["removed from the file"]
    if before is None:
        first = [f"added: status {after.status or '(none stated)'}, due {after.due or '(none)'}, owner {after.owner or '(none)'}"]
        return first + [_revision(r) for r in after.revised] + [_entry(e) for e in after.log]
    out = []
    for label, old, new in (
        ("status", before.status, after.status),
        ("HMICFRS status", before.hmicfrs_status, after.hmicfrs_status),
        ("national status", before.national_status, after.national_status),
        ("owner", before.owner, after.owner),
        ("original due date", before.due, after.due),
    ):
        if old != new:
            out.append(f"{label}: {old or '(none)'} -> {new or '(none)'}")
    out += _appended(before.revised, after.revised, _revision, "revised due dates")
    out += _appended(before.targets, after.targets, _target, "target dates")
    out += _appended(before.log, after.log, _entry, "log entries")
    if before.closure != after.closure:
        out.append(f"closure: {after.closure}" if after.closure else "closure removed")
    return out


def _appended(old: tuple[Any, ...], new: tuple[Any, ...], describe: Any, what: str) -> list[str]:
    """New entries at the end; a changed or removed earlier entry is flagged, since the
    log and revisions are append-only."""
    kept = len(old) <= len(new) and new[: len(old)] == old
    if kept:
        return [describe(e) for e in new[len(old):]]
    rewritten = sum(1 for a, b in zip(old, new) if a != b) + max(len(old) - len(new), 0)
    return [f"{what} rewritten: {rewritten} earlier entr{'y' if rewritten == 1 else 'ies'} changed or removed"] + [
        describe(e) for e in new if e not in old
    ]


def _revision(r: tuple[str, str, str]) -> str:
    return f"due date revised to {r[0]}: {r[1]} (agreed by {r[2]})"


def _target(t: tuple[str, str, str]) -> str:
    return f"target date set to {t[0]}: {t[1]} (set by {t[2]})"


def _entry(e: tuple[str, str | None, str]) -> str:
    status = f" [{e[1]}]" if e[1] else ""
    return f"log {e[0]}{status}: {e[2]}"
