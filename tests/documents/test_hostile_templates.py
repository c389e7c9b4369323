"""A template override from a pull request can neither read files, fetch URLs nor hang a run."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

from pcctrack.documents import bounds
from tests.conftest import run
from tests.documents.test_pdf import inflated


def override(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / "templates").mkdir(exist_ok=True)
    (tmp_path / "templates" / name).write_text(text, encoding="utf-8")


def test_a_pdf_loads_nothing_from_the_disk_or_the_network(records: Path, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="pip install 'pcctrack[pdf]'")
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    web = f"http://127.0.0.1:{server.server_address[1]}"
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARKER-41\n")
    override(tmp_path, "response.html.j2", f"""<!DOCTYPE html><html><head>
<link rel="attachment" href="file://{secret}"><link rel="stylesheet" href="{web}/style.css">
<style>@import url("{web}/import.css"); body {{ background: url("{web}/bg.png") }}
@font-face {{ font-family: x; src: url("file://{secret}") }}</style></head>
<body><h1>{{{{ inspection.title }}}}</h1><img src="{web}/img.png" alt="x"><img src="file://{secret}" alt="y">
<object data="file://{secret}"></object></body></html>""")
    target = tmp_path / "out.pdf"
    try:
        result = run("render", "test-inspection", "--draft", "--format", "pdf", "-o", str(target))
    finally:
        server.shutdown()
    assert result.exit_code == 0, result.stderr
    assert hits == []
    assert b"SECRET-MARKER" not in inflated(target.read_bytes())


def test_a_template_linked_to_a_record_is_refused(records: Path, tmp_path: Path) -> None:
    override(tmp_path, "response.md.j2", '{% include "leak.txt" %}')
    (tmp_path / "templates" / "leak.txt").symlink_to(records / "inspections" / "test-inspection.yaml")
    result = run("render", "test-inspection", "--draft")
    assert result.exit_code == 2 and result.stdout == ""
    assert "leak.txt is a link, a folder or a special file: templates are read only from plain files inside the templates folder" in result.stderr


def test_a_template_in_a_linked_folder_outside_is_refused(records: Path, tmp_path: Path) -> None:
    override(tmp_path, "response.md.j2", '{% include "more/test-inspection.yaml" %}')
    (tmp_path / "templates" / "more").symlink_to(records / "inspections", target_is_directory=True)
    result = run("render", "test-inspection", "--draft")
    assert result.exit_code == 2 and "test-inspection" not in result.stdout


@pytest.mark.parametrize(
    "body, message",
    [
        ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "took over 1 seconds"),
        ("{% for a in range(100000) %}{% for b in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}", "would be over 1 MiB"),
        ("{{ 'x' * 1000000000 }}", "multiplies a value past"),
        ("{{ 10 ** 100000000 }}", "to a power over 1024"),
        ("{{ '%01000000000d' % 1 }}", "formats a value wider than"),
    ],
)
def test_a_template_cannot_hang_or_swamp_a_run(records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, message: str) -> None:
    monkeypatch.setattr(bounds, "MAX_SECONDS", 1.0)
    monkeypatch.setattr(bounds, "MAX_OUTPUT", 1024 * 1024)
    override(tmp_path, "response.md.j2", body)
    result = run("render", "test-inspection", "--draft")
    assert result.exit_code == 2 and result.stdout == ""
    assert "template response.md.j2" in result.stderr and message in result.stderr
