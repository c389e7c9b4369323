"""`pcctrack report`: the tracker pack an audit committee reads, as of a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pcctrack.commands.common import display_row, load_for_listing, write_document
from pcctrack.documents import charts
from pcctrack.choices import DocFormat
from pcctrack.documents.environment import template_dirs
from pcctrack.documents.publish import produce
from pcctrack.errors import EXIT_OK
from pcctrack.output import Output
from pcctrack.records import RecordSet
from pcctrack.rules import selection, trends
from pcctrack.rules.items import Item, Source, items
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
) -> int:
    overrides = template_dirs(root, templates)
    loaded = load_for_listing(root, output)
    context = pack(loaded.records, as_of, since or as_of - timedelta(days=DEFAULT_SINCE_DAYS), due_within, filters)
    write_document(produce("report", fmt, context, overrides), out, output)
    return EXIT_OK


def pack(records: RecordSet, as_of: date, since: date, due_within: int, filters: selection.Filters) -> dict[str, Any]:
    """Everything the pack templates may read: derived items, never the records themselves."""
    everything = items(records)
    chosen = [i for i in everything if filters.accepts(i)]
    overdue = selection.overdue(everything, as_of, filters)
    still_open = [i for i in chosen if i.is_open]
    by_status = rollup(still_open, GroupBy.STATUS, as_of)
    by_owner = rollup([i for i in still_open if i.is_forces], GroupBy.OWNER, as_of)
    timeline = trends.timeline(chosen, as_of)
    ageing = trends.ageing(overdue, as_of)
    sources = _sources(records)

    def row(item: Item, **extra: Any) -> dict[str, Any]:
        return dict(display_row(item, as_of), report_title=sources.titles.get(item.record, item.record), **extra)

    tables = {
        "overdue": [row(i) for i in overdue],
        "due_soon": [row(i, days_left=-(i.days_overdue(as_of) or 0)) for i in selection.due_within(everything, as_of, due_within, filters)],
        "slippage": [row(s.item, days_slipped=s.days_slipped) for s in slipped(chosen)],
        "completed": [row(i, closed_on=i.closed_on) for i in trends.completed_since(chosen, since, as_of)],
    }
    return {
        "force": records.config.force,
        "as_of": as_of,
        "since": since,
        "due_within": due_within,
        "due_until": as_of + timedelta(days=due_within),
        "filters": _described(filters),
        "totals": _table(rollup(chosen, GroupBy.STATUS, as_of)),
        "open_by_status": _table(by_status),
        **tables,
        "owners": [r for r in _table(by_owner)["rows"] if r["open"]],
        "responses": [_response(i, as_of, sources.titles) for i in chosen if i.source is Source.RESPONSE],
        "in_full": _in_full([r for rows in tables.values() for r in rows], sources.texts),
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


@dataclass(frozen=True)
class _Sources:
    titles: dict[str, str]
    """Each record's id to the title its report is known by."""
    texts: dict[str, str]
    """Each item's id to its full wording, for the appendix a table's summary points to."""


def _sources(records: RecordSet) -> _Sources:
    """Report titles and full item texts: tables summarise, the pack's appendix prints them whole."""
    titles = {s.model.id: s.model.title for s in records.inspections}
    titles.update({s.model.id: f"{s.model.title} ({s.model.reference})" for s in records.audits})
    texts = {f.id: f.text for s in records.inspections for f in s.model.findings}
    texts.update({s.model.id: s.model.action for s in records.actions})
    return _Sources(titles, texts)


def _in_full(rows: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """Each item named in the pack's tables once, in order of first mention, with its full text.

    A statutory response has no text beyond its report's title, so it is not repeated here.
    """
    seen: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["id"] in texts and r["id"] not in seen:
            seen[r["id"]] = {"id": r["id"], "kind_label": r["kind_label"], "report_title": r["report_title"], "text": texts[r["id"]]}
    return list(seen.values())


def _table(result: Rollup) -> dict[str, Any]:
    rows = [{"key": r.key, "counts": r.counts, "total": r.total, "open": r.open, "overdue": r.overdue} for r in result.rows]
    t = result.totals
    return {"columns": result.columns, "rows": rows, "totals": {"key": t.key, "counts": t.counts, "total": t.total, "open": t.open, "overdue": t.overdue}}


def _response(item: Item, as_of: date, titles: dict[str, str]) -> dict[str, Any]:
    """A statutory response with how it stands against its 56-day deadline, in words."""
    deadline = item.due
    published = item.closed_on
    if published is not None:
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
        "late": published is None and deadline < as_of,  # type: ignore[operator]
    }


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _described(filters: selection.Filters) -> list[str]:
    return [f"{name}: {value}" for name, value in (("owner contains", filters.owner), ("priority", filters.priority), ("source", filters.source)) if value]


def _month_label(day: date, as_of: date) -> str:
    return f"{day.day} {day:%b}" if day == as_of else f"{day:%b %y}"
