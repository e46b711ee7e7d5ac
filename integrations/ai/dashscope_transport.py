"""Calls to Alibaba Cloud Model Studio through the `dashscope` SDK, with our error handling.

One module owns the SDK so the interpreter and the planner share: the key and base URL
(passed per call as `api_key` and `base_address`, rather than by setting the process-wide
`dashscope.api_key` / `dashscope.base_http_api_url`, so two configurations, such as a test
server and production, never leak into each other), the timeout (`request_timeout`: the
whole call, or while streaming the longest wait for the next chunk), retries with backoff on
429 and 5xx (tenacity; `Retry-After` honoured), and errors a user can act on.

The SDK's async calls share one aiohttp session per event loop; `close()` releases it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar, cast

import aiohttp
import dashscope
from dashscope.api_entities.aio_session import get_shared_aio_session
from dashscope.api_entities.dashscope_response import DashScopeAPIResponse
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from integrations.ai.errors import (
    AiAuthError,
    AiContentFilteredError,
    AiError,
    AiRateLimitedError,
    AiRequestError,
    AiResponseError,
    AiTimeoutError,
    AiUnavailableError,
)

T = TypeVar("T")

INTERNATIONAL_BASE_URL = "https://dashscope-intl.aliyuncs.com/api/v1"


class RetryPolicy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    attempts: int = Field(default=3, ge=1, le=10)
    initial_wait_seconds: float = Field(default=0.5, ge=0)
    max_wait_seconds: float = Field(default=8.0, ge=0)


class DashScopeConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    api_key: SecretStr
    base_url: str = Field(default=INTERNATIONAL_BASE_URL, pattern=r"^https?://")
    timeout_seconds: float = Field(default=30.0, gt=0)
    retry: RetryPolicy = RetryPolicy()


# --- What comes back (validated; the SDK hands over plain dicts) ---------------------------


class _Loose(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class _ContentPart(_Loose):
    text: str | None = None


class FunctionCall(_Loose):
    name: str = ""
    arguments: str = ""


class ToolCallOut(_Loose):
    id: str | None = None
    function: FunctionCall = FunctionCall()


class _Message(_Loose):
    content: str | list[_ContentPart] | None = None
    tool_calls: list[ToolCallOut] = Field(default_factory=list)

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(part.text or "" for part in self.content)
        return self.content or ""


class _Choice(_Loose):
    message: _Message = _Message()
    finish_reason: str | None = None


class _Output(_Loose):
    choices: list[_Choice] = Field(default_factory=list)
    text: str | None = None  # result_format="text"


class ModelReply(BaseModel):
    """The first choice: its text and any tool calls."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    tool_calls: list[ToolCallOut]
    finish_reason: str | None


def _reply(response: DashScopeAPIResponse) -> ModelReply:
    try:
        output = _Output.model_validate(response.output or {})
    except ValidationError as exc:
        raise AiResponseError(f"DashScope answered in an unexpected shape: {exc}") from None
    if not output.choices:
        return ModelReply(text=output.text or "", tool_calls=[], finish_reason=None)
    choice = output.choices[0]
    return ModelReply(
        text=choice.message.text(),
        tool_calls=choice.message.tool_calls,
        finish_reason=choice.finish_reason,
    )


# --- Errors --------------------------------------------------------------------------------


def _retry_after(headers: dict[Any, Any] | None) -> float | None:
    for name, value in (headers or {}).items():
        if str(name).lower() == "retry-after":
            try:
                return max(0.0, float(value))
            except (TypeError, ValueError):
                return None
    return None


def check(response: DashScopeAPIResponse) -> None:
    """Raise the `AiError` that a failed response stands for; return on success."""
    status = int(response.status_code)
    if status == 200:
        return
    code = str(response.code or "")
    message = str(response.message or "").strip() or "no message"
    if status in (401, 403) or code in ("InvalidApiKey", "Unauthorized"):
        raise AiAuthError
    if "DataInspectionFailed" in code or "data_inspection_failed" in code:
        raise AiContentFilteredError(
            "DashScope's content moderation refused this request (DataInspectionFailed); "
            "rephrase the question"
        )
    if status == 429 or code.startswith("Throttling"):
        raise AiRateLimitedError(
            f"DashScope is rate limiting this key ({code or status}): {message}",
            _retry_after(response.headers),
        )
    if status >= 500:
        raise AiUnavailableError(f"DashScope failed ({status} {code}): {message}")
    raise AiRequestError(f"DashScope refused the request ({status} {code}): {message}")


def _wait(policy: RetryPolicy) -> Callable[[RetryCallState], float]:
    backoff = wait_exponential_jitter(
        multiplier=policy.initial_wait_seconds,
        max=policy.max_wait_seconds,
        jitter=policy.initial_wait_seconds,
    )

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome is not None else None
        if isinstance(error, AiRateLimitedError) and error.retry_after_seconds is not None:
            return min(error.retry_after_seconds, policy.max_wait_seconds)
        return backoff(state)

    return wait


def _retrying(policy: RetryPolicy) -> AsyncRetrying:
    return AsyncRetrying(
        stop=stop_after_attempt(policy.attempts),
        wait=_wait(policy),
        retry=retry_if_exception(lambda error: isinstance(error, AiError) and error.retryable),
        reraise=True,
    )


async def _guarded(config: DashScopeConfig, call: Awaitable[T]) -> T:
    """Network failures as `AiError`s."""
    try:
        return await call
    except TimeoutError:
        raise AiTimeoutError(
            f"DashScope did not answer within {config.timeout_seconds:g} s "
            "(FINANCIALS_AI_TIMEOUT_SECONDS)"
        ) from None
    except aiohttp.ClientError as exc:
        raise AiUnavailableError(f"could not reach DashScope at {config.base_url}: {exc}") from None


# --- Calls ---------------------------------------------------------------------------------

Messages = list[dict[str, Any]]


class DashScopeTransport:
    """The SDK calls both adapters make, behind one configuration."""

    def __init__(self, config: DashScopeConfig) -> None:
        self.config = config

    def _common(self) -> dict[str, Any]:
        return {
            "api_key": self.config.api_key.get_secret_value(),
            "base_address": self.config.base_url,
            "request_timeout": self.config.timeout_seconds,
        }

    async def multimodal(self, model: str, messages: Messages, **params: Any) -> ModelReply:
        """One Qwen-VL answer (`MultiModalConversation`), retried on 429/5xx."""

        async def once() -> ModelReply:
            result: object = await _guarded(
                self.config,
                dashscope.AioMultiModalConversation.call(
                    model=model, messages=messages, **self._common(), **params
                ),
            )
            return _reply(_response(result))

        return await self._with_retries(once)

    async def generation(self, model: str, messages: Messages, **params: Any) -> ModelReply:
        """One Qwen text answer (`Generation`, `result_format="message"`), retried."""

        async def once() -> ModelReply:
            result: object = await _guarded(
                self.config,
                dashscope.AioGeneration.call(
                    model=model,
                    messages=messages,  # type: ignore[arg-type]  # the stub wants its Message class
                    result_format="message",
                    **self._common(),
                    **params,
                ),
            )
            return _reply(_response(result))

        return await self._with_retries(once)

    async def multimodal_stream(
        self, model: str, messages: Messages, **params: Any
    ) -> AsyncIterator[str]:
        """Qwen-VL text deltas as they arrive (SSE, `incremental_output`).

        Retries cover opening the stream, up to its first chunk; once text has been shown
        a failure is raised, since the user has already seen part of the answer.
        """

        async def first() -> tuple[AsyncIterator[DashScopeAPIResponse], ModelReply]:
            result: object = await _guarded(
                self.config,
                dashscope.AioMultiModalConversation.call(
                    model=model,
                    messages=messages,
                    stream=True,
                    incremental_output=True,
                    **self._common(),
                    **params,
                ),
            )
            chunks = _stream(result)
            try:
                return chunks, await self._next(chunks)
            except StopAsyncIteration:
                raise AiResponseError("DashScope closed the stream without an answer") from None

        chunks, reply = await self._with_retries(first)
        if reply.text:
            yield reply.text
        while True:
            try:
                reply = await self._next(chunks)
            except StopAsyncIteration:
                return
            if reply.text:
                yield reply.text

    async def _next(self, chunks: AsyncIterator[DashScopeAPIResponse]) -> ModelReply:
        response = await _guarded(self.config, anext(chunks))
        check(response)
        return _reply(response)

    async def _with_retries(self, once: Callable[[], Awaitable[T]]) -> T:
        async for attempt in _retrying(self.config.retry):
            with attempt:
                return await once()
        raise AssertionError("unreachable: tenacity re-raises the last error")  # pragma: no cover

    async def close(self) -> None:
        """Releases the SDK's pooled connections for this event loop."""
        await release_sdk_connections()


async def release_sdk_connections() -> None:
    """Closes the SDK's shared session of the running loop but leaves it in the SDK's table.

    The SDK's own `close_shared_aio_session` drops the session, and the session's GC
    finalizer later closes whichever live session has the same `id()`: once the memory is
    reused, that is another loop's session in use ("assert self._connector is not None"
    in aiohttp). Kept in the table, a closed session is never collected mid-run, and the
    SDK opens a fresh one if the loop asks again."""
    session = await get_shared_aio_session()
    await session.close()


def _response(result: object) -> DashScopeAPIResponse:
    if not isinstance(result, DashScopeAPIResponse):
        raise AiResponseError(f"the dashscope SDK returned {type(result).__name__}")
    check(result)
    return result


def _stream(result: object) -> AsyncIterator[DashScopeAPIResponse]:
    if isinstance(result, DashScopeAPIResponse):  # an error before the stream began
        check(result)
    if not hasattr(result, "__anext__"):
        raise AiResponseError(f"the dashscope SDK returned {type(result).__name__}, not a stream")
    return cast(AsyncIterator[DashScopeAPIResponse], result)
