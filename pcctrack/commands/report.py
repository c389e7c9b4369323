"""`pcctrack report`: the tracker pack an audit committee reads, as of a date."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pcctrack.boundary.answers import answered
from pcctrack.boundary.listing import Tree
from pcctrack.commands.common import Listing, display_row, known_filters, listing_items, write_document
from pcctrack.documents import charts
from pcctrack.choices import DocFormat
from pcctrack.documents.environment import template_dirs, template_stamps
from pcctrack.documents.publish import produce
from pcctrack.errors import EXIT_FINDINGS, EXIT_OK, NotWritten
from pcctrack.output import Output
from pcctrack.rules import ledger, selection, trends
from pcctrack.rules.items import Item, Source
from pcctrack.rules.rollup import GroupBy, Rollup, rollup
from pcctrack.rules.slippage import slipped

DEFAULT_SINCE_DAYS = 90
"""Committees meet quarterly: by default the pack reports what was closed in the last quarter."""


def run(
    root: Path,
    as_of: date,
    since: date | None,
    due_within: int,
    filters: selection.Filters,
    fmt: DocFormat,
    out: Path | None,
    templates: Path | None,
    output: Output,
    draft: bool = False,
) -> int:
    overrides = template_dirs(root, templates)

    def render(tree: Tree | None, to: Output) -> int:
        listing = listing_items(root, to, tree)  # the cached items `overdue` reads
        missing = listing.left_out
        if missing and not draft:
            raise NotWritten(
                f"the pack would leave out {len(missing)} record file{'s' if len(missing) != 1 else ''} that could not be "
                f"read ({', '.join(missing)}): fix {'them' if len(missing) != 1 else 'it'} (see `pcctrack validate`), or "
                "render with --draft, which names the missing files on the pack"
            )
        known_filters(filters, listing.items, listing.roles, listing.scales.values())
        context = pack(listing, as_of, since or as_of - timedelta(days=DEFAULT_SINCE_DAYS), due_within, filters)
        write_document(produce("report", fmt, context, overrides), out, to)
        return EXIT_FINDINGS if missing else EXIT_OK

    if out is not None:
        return render(None, output)
    # A pack on standard output is replayed while nothing it was made from has changed.
    question = ["report", as_of.isoformat(), since and since.isoformat(), due_within, [filters.owner, filters.priority, filters.source]]
    question += [fmt.value, draft, template_stamps(overrides)]
    return answered(root, question, output, render)


def pack(listing: Listing, as_of: date, since: date, due_within: int, filters: selection.Filters) -> dict[str, Any]:
    """Everything the pack templates may read: derived items, never the records themselves.

    The pack is the tracker as it stood on ``as_of``: the listing's items (as `rules.items`
    resolves them, from the cache `overdue` reads) replayed from the records' dated history, so
    a pack for a past committee date shows what that committee saw.
    """
    filters = filters.with_roles(listing.roles)
    everything = listing.as_of(as_of)
    chosen = [i for i in everything if filters.accepts(i)]
    overdue = selection.overdue(everything, as_of, filters)
    still_open = [i for i in chosen if i.is_open and i.is_forces]
    by_status = rollup(still_open, GroupBy.STATUS, as_of)
    by_owner = rollup([i for i in still_open if i.is_forces], GroupBy.OWNER, as_of)
    timeline = trends.timeline(chosen, as_of)
    ageing = trends.ageing(overdue, as_of)
    titles = listing.titles

    def row(item: Item, **extra: Any) -> dict[str, Any]:
        return dict(_row(item, as_of), report_title=titles.get(item.record, item.record), **extra)

    tables = {
        "overdue": [row(i) for i in overdue],
        "awaiting": [row(i) for i in selection.awaiting_verification(everything, filters)],
        "undated": [row(i) for i in selection.undated(everything, filters)],
        "due_soon": [row(i) for i in selection.due_within(everything, as_of, due_within, filters)],
        "slippage": [row(s.item, days_slipped=s.days_slipped) for s in slipped(chosen)],
        "completed": [row(i) for i in trends.completed_since(chosen, since, as_of)],
    }
    return {
        "force": listing.declared.force,
        "missing_files": listing.left_out,
        "as_of": as_of,
        "since": since,
        "due_within": due_within,
        "due_until": as_of + timedelta(days=due_within),
        "filters": _described(filters),
        "totals": _table(rollup(chosen, GroupBy.STATUS, as_of)),
        "addressed_to_others": sum(not i.is_forces for i in chosen),
        "open_by_status": _table(by_status),
        **tables,
        "owners": [r for r in _table(by_owner)["rows"] if r["open"]],
        "responses": [_response(i, as_of, titles) for i in chosen if i.source is Source.RESPONSE],
        "in_full": _in_full([r for rows in tables.values() for r in rows]),
        "ageing": ageing,
        "timeline": timeline,
        "charts": {
            "status": charts.stacked_bars([(r.key, r.counts) for r in by_status.rows], by_status.columns),
            "ageing": charts.stacked_bars([(band, {"Overdue": n}) for band, n in ageing], ["Overdue"]),
            "timeline": charts.lines(
                [(_month_label(p.on, as_of), {"Open": p.open, "Closed": p.closed}) for p in timeline.points],
                ["Open", "Closed"],
            ),
        },
    }


RESTRICTED = "Action of a restricted audit report: its text is not published."


def _row(item: Item, as_of: date) -> dict[str, Any]:
    """An item as the pack shows it: a restricted audit's actions keep their dates and owner
    but never their text."""
    row = display_row(item, as_of)
    if item.restricted:
        row.update(title=RESTRICTED, title_short=RESTRICTED, text=RESTRICTED, latest_note=None)
    return row


def _in_full(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each item named in the pack's tables once, in order of first mention, with its full text
    as its row holds it (`_row`: a restricted action's never).

    A statutory response has no text beyond its report's title, so it is not repeated here.
    """
    seen: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["source"] != Source.RESPONSE.value and r["id"] not in seen:
            seen[r["id"]] = {"id": r["id"], "kind_label": r["kind_label"], "report_title": r["report_title"], "text": r["text"]}
    return list(seen.values())


def _table(result: Rollup) -> dict[str, Any]:
    def row(r: Any) -> dict[str, Any]:
        return {"key": r.key, "counts": r.counts, "total": r.total, "open": r.open, "awaiting": r.awaiting, "overdue": r.overdue, "undated": r.undated}

    return {"columns": result.columns, "rows": [row(r) for r in result.rows], "totals": row(result.totals)}


def _response(item: Item, as_of: date, titles: dict[str, str]) -> dict[str, Any]:
    """A statutory response with how it stands against its 56-day deadline, in words.

    "Published, date not recorded" is not "not published": only a response with no record of
    publication can be late.
    """
    deadline = item.due
    published = item.closed_on
    if item.is_closed and published is None:
        standing = "Published (date not recorded)"
    elif published is not None:
        late = (published - deadline).days  # type: ignore[operator]
        standing = "Published on time" if late <= 0 else f"Published {_days(late)} late"
    else:
        days = (as_of - deadline).days  # type: ignore[operator]
        standing = f"Not published: {_days(days)} past the deadline" if days > 0 else f"Not published: {_days(-days)} left"
    return {
        "record": item.record,
        "report_title": titles.get(item.record, item.record),
        "report_published": item.opened_on,
        "deadline": deadline,
        "published": published,
        "standing": standing,
        "late": not item.is_closed and deadline < as_of,  # type: ignore[operator]
    }


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _described(filters: selection.Filters) -> list[str]:
    return [f"{name}: {value}" for name, value in (("owner contains", filters.owner), ("priority", filters.priority), ("source", filters.source)) if value]


def _month_label(day: date, as_of: date) -> str:
    return f"{day.day} {day:%b}" if day == as_of else f"{day:%b %y}"
