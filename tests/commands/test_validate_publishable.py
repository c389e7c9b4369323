"""`pcctrack validate --publishable`: personal data and redaction markers, with positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, REPO, run

RECORD = """\
id: leaky
title: A report whose response leaks
published: 2025-01-10
types: [national]
summary: >-
  The PCC met the force on 3 March; contact
  analyst@example.org for the notes.
findings:
  - id: leaky-rec-1
    kind: recommendation
    text: "Ring 01642 301653 to discuss [REDACTED]."
    due: 2025-06-30
    internal:
      - 'Raised by [REDACTED] (07700 900123).'
internal:
  - 'FOI request from someone@example.org: [REDACTED].'
"""


def test_flags_published_fields_at_their_values(records: Path) -> None:
    (records / "inspections" / "leaky.yaml").write_text(RECORD, encoding="utf-8")
    result = run("validate", "--as-of", AS_OF, "--publishable")
    advice = "published text must not carry it; remove it, or move the note to an internal: list"
    assert result.stderr.splitlines()[:-1] == [
        f"records/inspections/leaky.yaml:5:10: error: an email address (analyst@example.org) in a published field: {advice}",
        f"records/inspections/leaky.yaml:11:11: error: a phone number (01642 301653) in a published field: {advice}",
        "records/inspections/leaky.yaml:11:11: error: a redaction marker ([REDACTED]) in a published field: a published"
        " document must read as finished; rewrite the passage, or move it to an internal: list",
    ]
    assert result.exit_code == 1


def test_only_asked_for(records: Path) -> None:
    """Plain `validate` is about structure; the publication check is opt-in."""
    (records / "inspections" / "leaky.yaml").write_text(RECORD, encoding="utf-8")
    assert run("validate", "--as-of", AS_OF).exit_code == 0


def test_bundled_records_are_publishable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Redacted meeting notes in the bundled records all sit in internal: lists."""
    monkeypatch.chdir(REPO)
    result = run("validate", "--records", "records", "--as-of", "2026-11-21", "--publishable")
    assert result.exit_code == 0, result.stderr
