"""`pcctrack show ID`: one finding or audit action in full, with its whole log; or a whole
audit or inspection with each item's standing; or a PCC response with its statutory steps."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from pcctrack.commands import targets
from pcctrack.commands.common import item_row, load_for_listing
from pcctrack.errors import EXIT_OK
from pcctrack.output import Output
from pcctrack.reporters.exports import ViewFormat
from pcctrack.reporters.item import ItemView, render
from pcctrack.reporters.record import RecordView, render_audit, render_inspection, render_response
from pcctrack.rules.items import Source, items


def run(root: Path, ident: str, as_of: date, fmt: ViewFormat, output: Output) -> int:
    loaded = load_for_listing(root, output)
    target = targets.find(loaded, ident)
    every = items(loaded.records)
    document = loaded.document(target.path)
    if target.located is not None:
        located = target.located
        item = next(i for i in every if i.id == ident)
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
            return _json(output, data)
        titles = {s.model.id: s.model.title for s in (*loaded.records.inspections, *loaded.records.audits)}
        output.write_for_people(render(ItemView(located.item, item, titles.get(item.record, ""), located.path, line), as_of))
        return EXIT_OK
    if target.named is targets.Named.RESPONSE:
        held = [i for i in every if i.id == ident]
        loc: tuple[str, ...] = ("milestones",) if "milestones" in target.model.model_fields_set else ()
    else:
        audit = target.named is targets.Named.AUDIT
        held = [i for i in every if i.record == target.model.id and (i.source is Source.AUDIT) == audit]
        loc = ()
    line = document.position(loc, key=True)[0] if document and loc else 1
    if fmt is ViewFormat.JSON:
        fields = (
            {"id": ident, "inspection": target.model.id, "milestones": target.model.milestones.model_dump(mode="json")}
            if target.named is targets.Named.RESPONSE
            else target.model.model_dump(mode="json")
        )
        return _json(output, {**fields, "items": [item_row(i, as_of) for i in held], "file": target.path, "line": line})
    renderer = {targets.Named.RESPONSE: render_response, targets.Named.AUDIT: render_audit}.get(target.named, render_inspection)
    output.write_for_people(renderer(RecordView(target.model, held, target.path, line), as_of))
    return EXIT_OK


def _json(output: Output, data: dict[str, Any]) -> int:
    output.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    return EXIT_OK
