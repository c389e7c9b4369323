"""The one error handler: every command runs inside it, so no user ever sees a traceback.

Exit codes, as yamllint and pre-commit use them: 0 all well, 1 findings (problems in the
records, or overdue items when asked to fail on them), 2 usage errors, 3 an internal error.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import typer

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
