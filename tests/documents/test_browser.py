"""Rendered pages in a real browser: headless Chromium loads each, axe-core finds no violations.

Needs Debian's `chromium` and the Python packages `playwright` and `axe-playwright-python`
(Playwright drives the system Chromium; it never downloads a browser). Without them these
tests are skipped with the reason, never passed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, run

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    pytest.importorskip("axe_playwright_python", reason="pip install axe-playwright-python")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every bundled response, the pack, and a hostile record, rendered to HTML files."""
    out = tmp_path_factory.mktemp("pages")
    hostile = out / "hostile" / "records"
    shutil.copytree(FIXTURES / "minimal" / "records", hostile)
    shutil.copyfile(FIXTURES / "documents" / "hostile.yaml", hostile / "inspections" / "hostile.yaml")
    jobs = {
        "peel": ["render", "peel-2023-25", "--draft"],
        "gbcse": ["render", "gbcse-progress-2025", "--draft"],
        "ncpi": ["render", "ncpi-2025", "--draft"],
        "report": ["report", "--as-of", "2026-11-21"],
        "hostile": ["render", "hostile", "--records", str(hostile)],
    }
    made = {}
    for name, args in jobs.items():
        target = out / f"{name}.html"
        if "--records" not in args:
            args = [*args, "--records", str(REPO / "records")]
        result = run(*args, "--format", "html", "-o", str(target))
        assert result.exit_code == 0, result.stderr
        made[name] = target
    return made


@pytest.mark.parametrize("name", ["peel", "gbcse", "ncpi", "report", "hostile"])
def test_page_has_no_axe_violations(browser, pages: dict[str, Path], name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(pages[name].as_uri())
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.lang") == "en-GB"
    assert page.evaluate("document.querySelectorAll('h1').length") == 1
    assert page.evaluate("document.querySelectorAll('main').length") == 1
    assert page.evaluate("document.scripts.length") == 0
    assert dialogs == []  # nothing in a record ran
    page.close()


def test_table_headers_repeat_when_printed(browser, pages: dict[str, Path]) -> None:
    page = browser.new_page()
    page.goto(pages["report"].as_uri())
    page.emulate_media(media="print")
    displays = page.evaluate("[...document.querySelectorAll('thead')].map(t => getComputedStyle(t).display)")
    assert displays and set(displays) == {"table-header-group"}
    assert page.pdf(format="A4")[:4] == b"%PDF"
    page.close()


def test_the_checker_does_find_violations(browser, tmp_path: Path) -> None:
    """A page with known faults fails, so a clean result above means something."""
    from axe_playwright_python.sync_playwright import Axe

    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><body><img src='x.png'><p style='color:#bbb'>faint</p></body></html>", encoding="utf-8")
    page = browser.new_page()
    page.goto(bad.as_uri())
    ids = {v["id"] for v in Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]}
    assert {"html-has-lang", "image-alt", "color-contrast", "document-title"} <= ids
    page.close()
