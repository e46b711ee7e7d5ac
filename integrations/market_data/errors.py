"""One error type per way a market-data request can fail, all `ValueError`s.

Callers (CLI, API, chat) show the message as is and map the type to a status (the API to
problem+json), so each message says what was wrong and what would be accepted.
"""

from __future__ import annotations


class MarketDataError(ValueError):
    """A request for bars or a quote cannot be answered; the message says why."""


class UnknownSymbolError(MarketDataError):
    """The symbol (or the text meant to name one) has no data at the source."""


class InvalidRangeError(MarketDataError):
    """The period, dates or interval are not accepted, alone or together."""


class SourceUnavailableError(MarketDataError):
    """The source cannot answer now (unreachable, or answered something unusable)."""


class NetworkUnreachableError(SourceUnavailableError):
    """The source's host cannot be reached at all: no network, DNS failure or timeout.

    Distinct from other `SourceUnavailableError`s because only this one means "offline", the
    case in which the `auto` source answers from the bundled sample instead.
    """


class RateLimitedError(SourceUnavailableError):
    """The source refused for now because of too many requests, even after backing off."""
