"""The `pcctrack` command and `python -m pcctrack`: start-up that Ctrl-C cannot turn into a traceback.

Loading typer and the commands is most of start-up; an interrupt then arrives before the
error handler exists, so it is caught here, before anything is imported.
"""

from __future__ import annotations

import sys


def main() -> int:
    """Run the command line; an interrupt at any point is one line and exit code 130."""
    if sys.argv[1:] == ["--version"]:
        # The answer needs no command line to be built: scripts ask it on every run.
        from pcctrack import version_line

        sys.stdout.write(version_line() + "\n")
        return 0
    try:
        from pcctrack.cli import main as command_line

        command_line()
    except KeyboardInterrupt:
        sys.stderr.write("pcctrack: interrupted\n")
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
