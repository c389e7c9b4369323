"""The one error handler: every command runs inside it, so no user ever sees a traceback.

Exit codes, as yamllint and pre-commit use them: 0 all well, 1 findings (problems in the
records, or overdue items when asked to fail on them), 2 usage errors, 3 an internal error.
"""

from __future__ import annotations

import ast
import difflib
import functools
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Any, TypeVar

import typer
from typer._click import exceptions as click_errors  # Typer's own copy of Click (typer>=0.29)
from typer.core import TyperGroup

from pcctrack.choices import did_you_mean

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class PcctrackError(Exception):
    """An error the user can fix; its message says how."""

    exit_code = EXIT_USAGE


class UsageProblem(PcctrackError):
    """Bad options or arguments: a missing records folder, an unknown id."""


class NotWritten(PcctrackError):
    """An edit that was refused or could not be written; the file is as it was."""

    exit_code = EXIT_FINDINGS


def say_error(message: str) -> None:
    """Write one error line to stderr, control characters escaped (messages quote records)."""
    from pcctrack.reporters.diagnostics import for_people

    sys.stderr.write(f"pcctrack: error: {for_people(message)}\n")


@contextmanager
def handler() -> Iterator[None]:
    """Map every exception to a message and an exit code."""
    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except PcctrackError as exc:
        say_error(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        sys.stderr.write("pcctrack: interrupted\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; there is nobody left to tell.
        _discard_stdout()
        raise typer.Exit(EXIT_OK) from None
    except OSError as exc:
        # The machine, not pcctrack: a full disk, a folder that cannot be written, a device.
        if exc.filename:
            say_error(f"cannot use {exc.filename}: {exc.strerror or exc}")
        else:  # no file named: writing to stdout (a full disk, /dev/full) failed
            _discard_stdout()
            say_error(f"cannot write the output: {exc.strerror or exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except Exception as exc:  # the last resort: a bug, reported without a traceback
        if os.environ.get("PCCTRACK_DEBUG"):
            traceback.print_exc()
        say_error(
            f"internal error ({type(exc).__name__}: {exc}). This is a bug in pcctrack, not in "
            "your records; set PCCTRACK_DEBUG=1 to see the details and report them."
        )
        raise typer.Exit(EXIT_INTERNAL) from None


def _discard_stdout() -> None:
    """Point stdout at the null device, so the exit's own flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


F = TypeVar("F", bound=Callable[..., Any])


def guarded(func: F) -> F:
    """Run a command inside the handler and turn its integer result into the exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        with handler():
            code = func(*args, **kwargs)
        if code:
            raise typer.Exit(code)

    return wrapper  # type: ignore[return-value]


class Cli(TyperGroup):
    """The command group, answering a mistyped command line as every other error is answered:
    one `pcctrack: error:` line on stderr saying what to do, exit 2; not Click's usage block.
    Its help reads like the README (`reporters.help`)."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """Each command with help for people (see `reporters.help`)."""
        from pcctrack.reporters.help import readable

        return readable(super().get_command(ctx, cmd_name))

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list with each summary whole, not cut short with '...'."""
        from pcctrack.reporters.help import command_list

        command_list(self, ctx, formatter)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.NoArgsIsHelpError as exc:
            exc.show()
            code = EXIT_USAGE
        except click_errors.UsageError as exc:
            say_error(command_line_problem(exc))
            code = EXIT_USAGE
        except click_errors.Abort:
            sys.stderr.write("pcctrack: interrupted\n")
            code = EXIT_INTERRUPTED
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else EXIT_OK)


_NOT_ONE_OF = re.compile(r"^(?:Value error, )?(?P<value>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\") is not one of ")


def command_line_problem(exc: click_errors.UsageError) -> str:
    """What was wrong with the command line and how to put it right, in pcctrack's words."""
    ctx = exc.ctx
    path = ctx.command_path if ctx is not None else "pcctrack"
    help_hint = f" (`{path} --help` shows what it takes)"
    if isinstance(exc, click_errors.NoSuchOption):
        close = difflib.get_close_matches(exc.option_name, list(exc.possibilities or ()), n=1)
        hint = f": did you mean {close[0]}?" if close else ""
        return f"`{path}` has no option {exc.option_name}{hint}{help_hint}"
    if isinstance(exc, click_errors.MissingParameter) and exc.param is not None:
        return f"`{path}` needs {_param_name(exc.param)}{help_hint}"
    if isinstance(exc, click_errors.BadParameter) and exc.param is not None:
        return f"{_param_name(exc.param)} {_bad_value(exc.param, exc.message)}{help_hint}"
    message = exc.message.rstrip(".")
    if message.startswith("Got unexpected extra argument"):
        extra = message.rsplit("(", 1)[-1].rstrip(")")
        return f"`{path}` was given more than it takes ({extra}): put a value with spaces in quotes, e.g. --owner \"PVP Hub\"{help_hint}"
    unknown = re.match(r"No such command '(.*?)'", message)
    if unknown and isinstance(ctx.command if ctx else None, TyperGroup):
        names = ctx.command.list_commands(ctx)  # type: ignore[union-attr]
        return f"there is no command '{unknown[1]}'{did_you_mean(unknown[1], names)} (`pcctrack --help` lists them)"
    return f"{message[:1].lower()}{message[1:]}{help_hint}"


def _param_name(param: Any) -> str:
    return param.opts[0] if param.param_type_name == "option" else (param.metavar or param.name).strip("{}")


def _bad_value(param: Any, message: str) -> str:
    """The reason a value was refused: the choices (with the nearest) for a closed list,
    'a whole number' for a count, else the parser's own words."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    found = _NOT_ONE_OF.match(message)
    if found and isinstance(annotation, type) and issubclass(annotation, Enum):
        value = ast.literal_eval(found["value"])
        choices = [str(c.value) for c in annotation]
        return f"'{value}' is not one of {', '.join(choices)}{did_you_mean(value, choices)}"
    if annotation is int:
        low = re.search(r"greater than or equal to (\d+)", message)
        high = re.search(r"less than or equal to (\d+)", message)
        if high:
            return f"takes a whole number of at most {high[1]}"
        return f"takes a whole number{f' of at least {low[1]}' if low else ''}, e.g. 30"
    cleaned = message.removeprefix("Value error, ").rstrip(".")
    return f"is not valid: {cleaned[:1].lower()}{cleaned[1:]}"
