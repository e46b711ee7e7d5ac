"""Financials: the Reflex app, its REST API, use-case services and the CLI.

`app` is the outer layer: it may import `integrations` and `analysis`, never the reverse.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("financials")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
