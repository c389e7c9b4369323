"""`--help` that reads like the README: plain names for values (TEXT, DAYS, a|b|c), never the
parser's notation (`<str>`, `<list[str]>`, `{ID}`); each command's whole summary in the
command list; an example in every command's help; and `new KIND --help` showing only what
that kind of record takes.

The commands in `cli` stay as Typer builds them; `readable` adjusts a command once, when the
command group first hands it out, so every command (and every one added later) gets the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Any

from typer._click import core as click_core  # Typer's own copy of Click (typer>=0.29)
from typer.core import TyperArgument, TyperCommand, TyperOption

EXAMPLES: dict[str, str] = {
    "validate": "pcctrack validate --publishable",
    "overdue": "pcctrack overdue --owner 'PVP Hub' --format csv",
    "status": "pcctrack status --by owner --as-of 2026-11-21",
    "schema": "pcctrack schema -o schema/",
    "render": "pcctrack render gbcse-progress-2025 --format html -o gbcse.html",
    "report": "pcctrack report --as-of 2026-11-21 --format html -o pack.html",
    "update": "pcctrack update rsm-vulnerability-2526-4 --status implemented --by 'PVP Hub Manager' --evidence 'Terms of reference v2'",
    "show": "pcctrack show rsm-vulnerability-2526-4",
    "history": "pcctrack history rsm-vulnerability-2526-4",
    "export": "pcctrack export --format xlsx -o items.xlsx",
    "import": "pcctrack import peel-2025-27.pdf --dry-run",
    "remind": "pcctrack remind --due-within 30 --out reminders/",
}
"""One example for each command, shown at the end of its help."""

NEW_KINDS: dict[str, tuple[str, str]] = {
    "inspection": (
        "Create an HMICFRS inspection record in inspections/, with no findings yet.",
        "pcctrack new inspection --title 'PEEL 2025-27' --published 2027-04-01 --types force-specific",
    ),
    "audit": (
        "Create an internal audit in audits/<id>/audit.yaml, with the firm's own priority scale.",
        "pcctrack new audit --auditor 'RSM UK' --reference 4.25/26 --title 'Missing persons' --priorities 'High, Medium, Low'",
    ),
    "action": (
        "Create an audit management action beside its audit, as action-<n>.yaml with the next number.",
        "pcctrack new action --audit rsm-vulnerability-2526 --priority Low --owner 'PVP Hub Manager' --due 2026-06-30 "
        "--action 'The Force will test the dashboard.'",
    ),
    "finding": (
        "Add a cause of concern, recommendation or area for improvement to an inspection's record.",
        "pcctrack new finding --inspection peel-2023-25 --kind afi --text 'Cleveland Police should improve how it answers 101 calls.'",
    ),
}
"""What `new KIND --help` says each kind creates, and an example of it."""

_LONGEST_CHOICES = 32
"""Past this, a closed list is named by its option (STATUS) and spelled out in the help text."""


def readable(command: Any) -> Any:
    """``command`` with help for people: plain value names, an example, per-kind `new` help."""
    if command is None or getattr(command, "_readable", False):
        return command
    for param in command.params:
        _name_values(param)
    if command.name == "new":
        command.__class__ = _NewCommand
    elif command.name in EXAMPLES:
        command.epilog = _example(EXAMPLES[command.name])
    command._readable = True
    return command


def _example(line: str) -> str:
    return f"Example:\n\n\b\n{_shown(line)}"


def _shown(line: str, width: int = 76) -> str:
    """An example command, continued with a backslash at an option where it is long, as a
    shell takes it and the README writes it."""
    lines = ["  " + line]
    while len(lines[-1]) > width and " --" in lines[-1][: width - 2]:
        cut = lines[-1].rindex(" --", 0, width - 2)
        lines[-1:] = [lines[-1][:cut] + " \\", "      " + lines[-1][cut + 1 :]]
    return "\n".join(lines)


def _name_values(param: Any) -> None:
    """A value's name as the README writes it: ID, TEXT, DAYS, table|json|csv."""
    descriptor = param.type_descriptor
    annotation = descriptor.annotation
    choices = [str(c.value) for c in annotation] if isinstance(annotation, type) and issubclass(annotation, Enum) else []
    if isinstance(param, TyperArgument):
        param.metavar = (param.metavar or param.name).upper()
        param.__class__ = _PlainArgument
        if choices:
            param.help = f"{param.help} One of: {', '.join(choices)}."
        return
    if param.min is not None or param.max is not None:
        param.__class__ = _PlainOption
    if param.metavar is not None or param.is_flag:
        return
    if choices and len("|".join(choices)) <= _LONGEST_CHOICES:
        param.metavar = "|".join(choices)
    elif choices:
        param.metavar = param.name.upper()
        param.help = f"{param.help} One of: {', '.join(choices)}."
    elif annotation is int:
        param.metavar = "N"
    elif isinstance(annotation, type) and issubclass(annotation, Path):
        param.metavar = "PATH"
    else:
        param.metavar = "TEXT"


class _PlainArgument(TyperArgument):
    """An argument shown as ID or [PATH]..., without the parser's braces or type."""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    def _rich_display_name(self) -> str:
        return self.display_name_raw

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class _PlainOption(TyperOption):
    """An option whose bounds its help already states in words (DAYS), not as '[x>=0]'."""

    def _get_number_range_help_str(self) -> str | None:
        return None


def command_list(group: Any, ctx: Any, formatter: Any) -> None:
    """The commands, each with the whole first sentence of its help, wrapped, never cut."""
    rows = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        first = (command.help or "").strip().split("\n\n")[0]
        rows.append((name, " ".join(first.split())))
    if rows:
        with formatter.section("Commands"):
            formatter.write_dl(rows)


class _NewCommand(TyperCommand):
    """`new`, whose help shows the options of the kind asked about (`new action --help`).

    An option belongs to the kinds its help starts with ("action: the agreed date"); the
    others (--id, --records...) to every kind.
    """

    def parse_args(self, ctx: click_core.Context, args: list[str]) -> list[str]:
        kinds = [a.casefold() for a in args if a.casefold() in NEW_KINDS]
        ctx.meta["pcctrack.kind"] = kinds[0] if kinds else None
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click_core.Context, formatter: Any) -> None:
        kind = ctx.meta.get("pcctrack.kind")
        if kind is None:
            super().format_usage(ctx, formatter)
        else:
            formatter.write_usage(ctx.command_path, f"{kind} [OPTIONS]")

    def format_help_text(self, ctx: click_core.Context, formatter: Any) -> None:
        kind = ctx.meta.get("pcctrack.kind")
        super().format_help_text(ctx, formatter)
        if kind is not None:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(NEW_KINDS[kind][0])

    def format_options(self, ctx: click_core.Context, formatter: Any) -> None:
        kind = ctx.meta.get("pcctrack.kind")
        if kind is None:
            super().format_options(ctx, formatter)
            return
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx) if _for_kind(param, kind) else None
            if record is not None:
                name, text = record
                rest = text.partition(": ")[2] if _kinds_named(text) else text
                rows.append((name, rest[:1].upper() + rest[1:]))
        with formatter.section("Options"):
            formatter.write_dl(rows)

    def format_epilog(self, ctx: click_core.Context, formatter: Any) -> None:
        kind = ctx.meta.get("pcctrack.kind")
        examples: Sequence[str] = [NEW_KINDS[kind][1]] if kind else [example for _, example in NEW_KINDS.values()]
        self.epilog = "Examples:\n\n\b\n" + "\n".join(map(_shown, examples)) if len(examples) > 1 else _example(examples[0])
        super().format_epilog(ctx, formatter)


def _for_kind(param: Any, kind: str) -> bool:
    """Whether ``param`` is one ``new KIND`` takes: its help names the kinds it is for."""
    if isinstance(param, TyperArgument):
        return False
    named = _kinds_named(param.help or "")
    return not named or kind in named


def _kinds_named(text: str) -> set[str]:
    """The kinds a `new` option's help starts with ("inspection, audit: the report's title")."""
    head, sep, _ = text.partition(": ")
    named = {k.strip() for k in head.split(",")} if sep else set()
    return named if named and named <= set(NEW_KINDS) else set()
