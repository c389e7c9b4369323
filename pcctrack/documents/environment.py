"""The one place a Jinja environment is built.

Every document is rendered in a sandbox (ImmutableSandboxedEnvironment) with StrictUndefined,
so neither a template nor a record can reach Python internals, change the data it is given,
or print an empty string where a value is missing. HTML is autoescaped; in Markdown every
value printed is passed through `escape_markdown`, so record text can never become markup.

Templates are looked up first in `--templates DIR`, then in the `templates/` folder beside a
records repository's `records/`, then in the defaults shipped inside pcctrack. An override may extend or include the shipped
template it replaces by its "pcctrack/" name, e.g. `{% include "pcctrack/style.css" %}`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader, StrictUndefined
from jinja2.exceptions import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from pcctrack.choices import DocFormat
from pcctrack.dates import long_date
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


def is_web_url(value: object) -> bool:
    """Only http(s) addresses become links: a record's `javascript:` URL stays plain text."""
    return isinstance(value, str) and value.lower().startswith(("https://", "http://")) and " " not in value


def build(fmt: DocFormat, overrides: list[Path]) -> ImmutableSandboxedEnvironment:
    """The environment for ``fmt``, reading overrides before the shipped templates."""
    markdown = fmt is DocFormat.MARKDOWN
    shipped = PackageLoader("pcctrack", "templates")
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(
            [
                FileSystemLoader([str(p) for p in overrides]),
                shipped,
                PrefixLoader({SHIPPED_PREFIX: shipped}),
            ]
        ),
        undefined=StrictUndefined,
        autoescape=not markdown,
        finalize=escape_markdown if markdown else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(long_date=long_date, blocks=blocks, words=words)
    env.tests["web_url"] = is_web_url
    if markdown:
        env.filters["markdown"] = MarkdownSafe
    return env


def render(template: str, fmt: DocFormat, context: dict[str, Any], overrides: list[Path]) -> str:
    """Render ``template``.<fmt>.j2 with ``context``; a broken override is a usage error."""
    env = build(fmt, overrides)
    name = f"{template}.{fmt.template_suffix}.j2"
    try:
        text = env.get_template(name).render(context)
    except TemplateError as exc:
        where = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise UsageProblem(f"template {name}{where}: {exc}") from None
    return _BLANK_RUNS.sub("\n\n", text) if fmt is DocFormat.MARKDOWN else text


_BLANK_RUNS = re.compile(r"\n{3,}")
"""Markdown templates stay readable with generous spacing; the output keeps single blank lines."""
