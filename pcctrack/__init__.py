"""pcctrack: hold the force to account for every inspection finding and audit action."""

__version__ = "0.1.0"
"""The one place the version is written: pyproject.toml reads it from here, and `--version`
prints it without importlib.metadata (slower to import than typer itself)."""


def version_line() -> str:
    """What `pcctrack --version` prints, however it is reached."""
    return f"pcctrack {__version__}"
