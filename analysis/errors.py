"""The one error the analysis engine raises for bad input."""

from __future__ import annotations


class AnalysisInputError(ValueError):
    """The bars or settings cannot be analysed; the message says what and where.

    Callers (API, chat, CLI) show the message to the user as is, so it must name the problem,
    the first offending timestamp or column, and what would be accepted.
    """
