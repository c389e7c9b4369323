"""`pcctrack show ID`: one finding or audit action in full, with its whole log."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pcctrack.commands.common import find_item, load_for_listing
from pcctrack.errors import EXIT_OK
from pcctrack.output import Output
from pcctrack.reporters.exports import ViewFormat
from pcctrack.reporters.item import ItemView, render
from pcctrack.rules.items import items


def run(root: Path, ident: str, as_of: date, fmt: ViewFormat, output: Output) -> int:
    loaded = load_for_listing(root, output)
    located = find_item(loaded, ident)
    item = next(i for i in items(loaded.records) if i.id == ident)
    document = loaded.document(located.path)
    line = document.position(located.loc)[0] if document else 1
    if fmt is ViewFormat.JSON:
        data = located.item.model_dump(mode="json")
        data |= {
            "current_due": item.due.isoformat() if item.due else None,
            "target_date": item.target.isoformat() if item.target else None,
            "state": item.state,
            "closed_by": item.closed_by,
            "closed_on": item.closed_on.isoformat() if item.closed_on else None,
            "record": item.record,
            "file": located.path,
            "line": line,
        }
        output.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    titles = {s.model.id: s.model.title for s in (*loaded.records.inspections, *loaded.records.audits)}
    view = ItemView(located.item, item, titles.get(item.record, ""), located.path, line)
    output.write_for_people(render(view, as_of))
    return EXIT_OK
