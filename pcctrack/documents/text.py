"""Record text made safe and shaped for documents.

Record text is data, never markup. Two things happen to it here: it is split into the few
block shapes the transcribed documents use (paragraphs, `- ` lists, `**Heading**` lines), and,
for Markdown output, every character that Markdown or inline HTML would act on is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<![\w.])(www)(\.)|(@)(?=\w)")
"""Where GitHub's Markdown turns bare text into a link: `https://`, `www.` and `name@host`."""
_BLOCK_START = re.compile(r"^(#|>|-|\+|=|(\d+)([.)]))")


class MarkdownSafe(str):
    """Text that is already Markdown and must not be escaped again."""


def escape_markdown(text: object) -> str:
    """``text`` as one line of inline Markdown that renders exactly as written.

    Whitespace is collapsed (so a value can never start a new block, a heading underline or
    an indented code block), every character with inline meaning (emphasis, code, links,
    images, tables, raw HTML and entities) is backslash-escaped, and a leading character that
    would start a heading, quote or list is escaped too, wherever the value is placed.
    """
    if isinstance(text, MarkdownSafe):
        return text
    flat = " ".join(str(text).split())
    flat = _INLINE_SPECIAL.sub(r"\\\1", flat)
    flat = _AUTOLINK.sub(_unlinked, flat)
    match = _BLOCK_START.match(flat)
    if match is None:
        return flat
    if match.group(2) is not None:
        return f"{match.group(2)}\\{match.group(3)}{flat[match.end():]}"
    return "\\" + flat


def _unlinked(found: re.Match[str]) -> str:
    """The escape that keeps an address from being linked; it still reads as written."""
    if found.group(2):
        return "www\\."
    return "\\" + found.group()


@dataclass(frozen=True)
class Block:
    kind: str
    """'paragraph', 'heading' or 'list'."""
    lines: tuple[str, ...]
    """One line for a paragraph or heading; one per item for a list."""

    @property
    def text(self) -> str:
        return " ".join(self.lines)


_HEADING = re.compile(r"^\*\*(?P<text>[^*]+)\*\*$")
_ITEM = re.compile(r"^[-*] +")


def blocks(text: str | None) -> list[Block]:
    """The blocks of a long text field, in order; text that is none of these is a paragraph.

    Within a paragraph, a run of `- ` lines is a list and the lines around it stay text.
    """
    out: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text or ""):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        heading = _HEADING.match(lines[0]) if len(lines) == 1 else None
        if heading:
            out.append(Block("heading", (heading.group("text").strip(),)))
            continue
        for is_item, run in _runs(lines):
            if is_item:
                out.append(Block("list", tuple(_ITEM.sub("", line) for line in run)))
            else:
                out.append(Block("paragraph", (" ".join(run),)))
    return out


def _runs(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """Consecutive lines grouped by whether they are list items."""
    runs: list[tuple[bool, list[str]]] = []
    for line in lines:
        is_item = bool(_ITEM.match(line))
        if runs and runs[-1][0] == is_item:
            runs[-1][1].append(line)
        else:
            runs.append((is_item, [line]))
    return runs
