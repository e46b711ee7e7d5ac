"""Why an AI call failed, in words a user can act on.

The messages are shown as they are (UI, API problem details, CLI), so they name the setting
or the condition to fix and never include the key.
"""

from __future__ import annotations


class AiError(Exception):
    """Base of every AI failure; `retryable` says whether trying again later may help."""

    retryable = False


class AiAuthError(AiError):
    def __init__(self) -> None:
        super().__init__("the DashScope API key was refused; check DASHSCOPE_API_KEY")


class AiRateLimitedError(AiError):
    retryable = True

    def __init__(self, message: str, retry_after_seconds: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class AiUnavailableError(AiError):
    """A 5xx or a connection failure: the service, not the request, is the problem."""

    retryable = True


class AiTimeoutError(AiError):
    """No answer (or, while streaming, no next token) within the configured time."""


class AiContentFilteredError(AiError):
    """DashScope's content moderation (`DataInspectionFailed`) refused the input or output."""


class AiRequestError(AiError):
    """Any other refusal (bad model name, oversized input): the request must change."""


class AiResponseError(AiError):
    """The service answered, but not in a shape we can use (no text, malformed tool call)."""
