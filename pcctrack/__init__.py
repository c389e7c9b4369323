"""pcctrack: hold the force to account for every inspection finding and audit action."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`__version__`, looked up only when asked for: importlib.metadata is slow to import."""
    if name != "__version__":
        raise AttributeError(f"module 'pcctrack' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pcctrack")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+unknown"
