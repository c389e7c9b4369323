"""A follow-up report's grades as verdicts on the action records they grade.

Each graded row is matched to one action in records/: the original audit by its reference
(or, where the report prints none, its title), then the action by its number as printed.
Its outcome word becomes the internal auditor's verdict through `followup.OUTCOMES`, dated
the follow-up's final issue date, given by the follow-up, with the auditor's assessment as
its note. A row that matches no action or several, an audit that cannot be identified, a
word not in the table, or a report without a final issue date writes nothing: it is listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pcctrack.choices import Status
from pcctrack.importers import followup
from pcctrack.importers.found import Extraction, Item
from pcctrack.records import RecordSet, Sourced
from pcctrack.rules import publishable
from pcctrack.rules.editing import EditRefused, UpdateRequest, plan_update

_MAPPED = ", ".join(w.capitalize() for w in followup.OUTCOMES)


@dataclass(frozen=True)
class Verdict:
    """One log entry to write on an action: the verifier's verdict, or (for "not yet due") a
    dated note only."""

    path: str
    action: str
    verdict: Status | None
    printed: str
    """The outcome word as the report prints it."""
    on: date
    by: str
    note: str | None
    """The auditor's assessment, verbatim; None where the report gives none."""
    where: str

    def request(self) -> UpdateRequest:
        """What `pcctrack update ID --verdict V --by B --note N` would be asked to record."""
        note = self.note if self.verdict is not None or self.note else f"{self.printed} at the follow-up audit."
        return UpdateRequest(self.on, verdict=self.verdict, by=self.by, note=note)

    def as_json(self) -> dict[str, object]:
        """The verdict as plain data, for `--format json`."""
        return {
            "file": self.path, "action": self.action, "verdict": self.verdict.value if self.verdict else None,
            "outcome": self.printed, "date": self.on.isoformat(), "by": self.by, "note": self.note, "where": self.where,
        }


def plan(found: Extraction, records: RecordSet, as_of: date) -> tuple[list[Verdict], list[str]]:
    """The verdicts ``found`` (a follow-up report) gives on recorded actions, and one review
    line for every graded row it cannot write: checked as `update` checks a verdict, so a
    verdict that would be refused (dated before the action's latest entry, or after
    ``as_of``) is listed instead, and one already in the action's log is not written twice."""
    if not found.outcomes:
        return [], []
    dates = found.get("dates") or {}
    on = dates.get("final_issued")
    if on is None:
        return [], [f"not written: the {len(found.outcomes)} graded actions: the report gives no final issue date (\"Final report issued ...\") to date them by; record them with `pcctrack update ID --verdict ... --by ...`"]
    by = " ".join(str(p) for p in (found.get("auditor"), "follow-up audit", found.get("reference")) if p)
    verdicts: list[Verdict] = []
    review: list[str] = []
    graded: set[str] = set()
    for row in found.outcomes:
        printed_outcome = str(row.get("outcome") or "")
        label = f"{row.earlier or 'an unnamed audit'} action {row.get('number') or '?'} \"{printed_outcome}\" ({row.where})"
        known, verdict = followup.outcome(printed_outcome)
        action, problem = _action(row, records, str(found.get("auditor") or ""))
        if not known:
            problem = f"the outcome is not one the import maps ({_MAPPED}): record it with `pcctrack update ID --verdict ... --by ...`"
        if action is None or problem:
            review.append(f"not written: {label}: {problem}")
            continue
        if action.model.id in graded:
            verdicts = [v for v in verdicts if v.action != action.model.id]
            review.append(f"not written: {label}: the report grades {action.model.id} more than once, so no grade is written for it; record the right one by hand")
            continue
        graded.add(action.model.id)
        personal = publishable.personal_data(row.get("assessment") or "")
        if personal:
            review.append(f"not written: {label}: the auditor's assessment holds {personal[0].split(' (')[0]}, which is never published; record the verdict by hand without it")
            continue
        planned = Verdict(action.path, action.model.id, verdict, printed_outcome, on, by, row.get("assessment"), row.where)
        if any(e.date == on and e.verdict == verdict and e.by == by for e in action.model.log):
            review.append(f"already recorded: {label} is in {action.model.id}'s log")
            continue
        try:
            plan_update(action.model, planned.request(), as_of)
        except EditRefused as exc:
            review.append(f"not written: {label}: {action.model.id}: {exc}")
            continue
        verdicts.append(planned)
    return verdicts, review


def _action(row: Item, records: RecordSet, auditor: str) -> tuple[Sourced | None, str]:
    """The one action ``row`` grades, or None and why."""
    title, ref = row.get("audit_title"), row.get("audit_reference")
    if title is None and ref is None:
        return None, "the report does not name the original audit above its table: record it by hand"
    if ref is not None:
        audits = [s.model for s in records.audits if _same(s.model.reference, ref)]
        if len(audits) > 1 and auditor:
            audits = [a for a in audits if a.auditor == auditor] or audits
        named = f"the reference {ref}"
    else:
        audits = [s.model for s in records.audits if _same(s.model.title, title)]
        named = f'the title "{title}"'
    if len(audits) != 1:
        return None, f"{'no audit' if not audits else f'{len(audits)} audits'} in records/ {'has' if len(audits) < 2 else 'have'} {named}"
    number = str(row.get("number") or "")
    actions = [s for s in records.actions if s.model.audit == audits[0].id and _same(s.model.number, number)]
    if len(actions) != 1:
        return None, f"{audits[0].id} has {'no action' if not actions else f'{len(actions)} actions'} numbered {number or '(none printed)'}"
    return actions[0], ""


def _same(recorded: str, printed: str) -> bool:
    return "".join(recorded.split()).casefold() == "".join(printed.split()).casefold()
