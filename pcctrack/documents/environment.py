"""The one place a Jinja environment is built.

Every document is rendered in a sandbox (ImmutableSandboxedEnvironment, within the bounds of
`documents.bounds`) with StrictUndefined,
so neither a template nor a record can reach Python internals, change the data it is given,
or print an empty string where a value is missing. HTML is autoescaped; in Markdown every
value printed is passed through `escape_markdown`, so record text can never become markup.

Templates are looked up first in `--templates DIR`, then in the `templates/` folder beside a
records repository's `records/` (only plain files inside those folders:
`boundary.templates`), then in the defaults shipped inside pcctrack. An override may extend or include the shipped
template it replaces by its "pcctrack/" name, e.g. `{% include "pcctrack/style.css" %}`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader, StrictUndefined
from jinja2.exceptions import TemplateError

from pcctrack.boundary.templates import OverrideLoader

from pcctrack.choices import DocFormat
from pcctrack.dates import long_date
from pcctrack.documents.bounds import Bounded, within_bounds
from pcctrack.documents.text import MarkdownSafe, blocks, escape_markdown
from pcctrack.errors import UsageProblem

OVERRIDES_FOLDER = "templates"
SHIPPED_PREFIX = "pcctrack"
"""An override can still reach the shipped template it replaces as "pcctrack/<name>"."""


def template_dirs(records_root: Path, option: Path | None) -> list[Path]:
    """Folders whose templates override the shipped ones, strongest first."""
    if option is not None and not option.is_dir():
        raise UsageProblem(f"--templates {option}: no such folder")
    beside = records_root.absolute().parent / OVERRIDES_FOLDER
    return [p for p in (option, beside) if p is not None and p.is_dir()]


def template_stamps(dirs: list[Path]) -> list[list[object]]:
    """Each override template's path, size and modification time: a document rendered with
    them is replayed (`boundary.answers`) only while they are as they were."""
    return [
        [str(path), st.st_size, st.st_mtime_ns]
        for folder in dirs
        for path in sorted(folder.rglob("*"))
        if path.is_file() and (st := path.stat())
    ]


def words(value: object) -> str:
    """A stored value as people write it: 'requires-improvement' -> 'Requires improvement'."""
    text = str(value).replace("-", " ")
    return text[:1].upper() + text[1:]


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """'1 item', '2 items': a count with its noun agreeing, as committee papers need."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def is_web_url(value: object) -> bool:
    """Only http(s) addresses become links: a record's `javascript:` URL stays plain text."""
    return isinstance(value, str) and value.lower().startswith(("https://", "http://")) and " " not in value


def build(fmt: DocFormat | None, overrides: list[Path]) -> Bounded:
    """The environment for ``fmt``, reading overrides before the shipped templates. ``None`` is
    plain text (an email's text part): neither HTML nor Markdown, so nothing is escaped."""
    markdown = fmt is DocFormat.MARKDOWN
    shipped = PackageLoader("pcctrack", "templates")
    env = Bounded(
        loader=ChoiceLoader(
            [
                OverrideLoader(overrides),
                shipped,
                PrefixLoader({SHIPPED_PREFIX: shipped}),
            ]
        ),
        undefined=StrictUndefined,
        autoescape=fmt is not None and not markdown,
        finalize=escape_markdown if markdown else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(long_date=long_date, blocks=blocks, words=words, counted=counted)
    env.tests["web_url"] = is_web_url
    if markdown:
        env.filters["markdown"] = MarkdownSafe
    return env


def render(template: str, fmt: DocFormat, context: dict[str, Any], overrides: list[Path]) -> str:
    """Render ``template``.<fmt>.j2 with ``context``; a broken override is a usage error."""
    text = compiled(f"{template}.{fmt.template_suffix}.j2", fmt, overrides)(context)
    return _BLANK_RUNS.sub("\n\n", text) if fmt is DocFormat.MARKDOWN else text


def compiled(name: str, fmt: DocFormat | None, overrides: list[Path]) -> Callable[[dict[str, Any]], str]:
    """The template ``name``, loaded and compiled once, as a function of its context: a
    command rendering hundreds of messages pays for the parse once. A broken override is a
    usage error naming the template and line, whether it breaks on loading or rendering."""
    try:
        loaded = build(fmt, overrides).get_template(name)
    except TemplateError as exc:
        raise _broken(name, exc) from None

    def rendered(context: dict[str, Any]) -> str:
        try:
            return within_bounds(loaded, context)
        except TemplateError as exc:
            raise _broken(name, exc) from None

    return rendered


def _broken(name: str, exc: TemplateError) -> UsageProblem:
    where = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
    return UsageProblem(f"template {name}{where}: {exc}")


_BLANK_RUNS = re.compile(r"\n{3,}")
"""Markdown templates stay readable with generous spacing; the output keeps single blank lines."""
