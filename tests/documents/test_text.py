"""Record text in Markdown renders exactly as written, and its shapes survive."""

from __future__ import annotations

import html

from hypothesis import given, strategies as st
from markdown_it import MarkdownIt

from pcctrack.documents.text import Block, MarkdownSafe, blocks, escape_markdown

GFM = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def rendered(markdown: str) -> str:
    return GFM.render(markdown)


def as_paragraph(text: str) -> str:
    """What a paragraph holding ``text`` verbatim renders to."""
    flat = " ".join(text.split())
    return f"<p>{html.escape(flat, quote=False)}</p>\n" if flat else ""


HOSTILE = [
    "<script>alert(1)</script>",
    "# heading",
    "## heading",
    "> quote",
    "- item",
    "+ item",
    "* item",
    "1. first",
    "12) twelfth",
    "=== setext",
    "[link](javascript:alert(1))",
    "![img](x.png)",
    "<http://example.invalid>",
    "**bold** __bold__ *em* _em_",
    "`code` ``code``",
    "~~strike~~",
    "&amp; &lt; &#60;",
    "a | b | c",
    "back\\slash \\* \\<",
    "    indented code",
]


def test_each_hostile_text_renders_as_plain_text() -> None:
    for text in HOSTILE:
        assert rendered(escape_markdown(text)) == as_paragraph(text), text


@given(st.text(alphabet=st.sampled_from(list("<>&#*_-+=[]()!`~|\\.:1 aZ\n\t>")), max_size=40))
def test_any_text_renders_as_itself(text: str) -> None:
    assert rendered(escape_markdown(text)) == as_paragraph(text)


def test_a_table_cell_cannot_split_into_columns() -> None:
    table = f"| A | B |\n| --- | --- |\n| {escape_markdown('x | y')} | z |\n"
    assert "<td>x | y</td>\n<td>z</td>" in rendered(table)


def test_text_already_marked_as_markdown_is_left_alone() -> None:
    assert escape_markdown(MarkdownSafe("## Heading")) == "## Heading"


def test_blocks_find_headings_lists_and_paragraphs() -> None:
    text = "**Progress**\n\nFirst line\nsame paragraph\n- one\n- two\nafter\n\n\n- three\n"
    assert blocks(text) == [
        Block("heading", ("Progress",)),
        Block("paragraph", ("First line same paragraph",)),
        Block("list", ("one", "two")),
        Block("paragraph", ("after",)),
        Block("list", ("three",)),
    ]


def test_no_text_is_no_blocks() -> None:
    assert blocks(None) == [] and blocks("\n\n  \n") == []
