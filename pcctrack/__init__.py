"""pcctrack: hold the force to account for every inspection finding and audit action."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pcctrack")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
