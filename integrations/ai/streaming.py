"""A stream of text deltas that ends with the checked Interpretation.

The UI shows tokens as they arrive, but grounding needs the whole text; so the stream keeps
what it yielded and builds the result once the deltas run out.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Self

from language.models import Interpretation


class InterpretationNotReadyError(RuntimeError):
    def __init__(self) -> None:
        super().__init__("the interpretation is ready only after the stream is exhausted")


class InterpretationStream:
    """`async for delta in stream: ...` then `stream.result`; or `await stream.collect()`."""

    def __init__(self, deltas: AsyncIterator[str], finish: Callable[[str], Interpretation]) -> None:
        self._deltas = deltas
        self._finish = finish
        self._parts: list[str] = []
        self._result: Interpretation | None = None

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> str:
        try:
            delta = await anext(self._deltas)
        except StopAsyncIteration:
            if self._result is None:
                self._result = self._finish("".join(self._parts))
            raise
        self._parts.append(delta)
        return delta

    @property
    def text(self) -> str:
        """What has arrived so far."""
        return "".join(self._parts)

    @property
    def result(self) -> Interpretation:
        if self._result is None:
            raise InterpretationNotReadyError
        return self._result

    async def collect(self) -> Interpretation:
        async for _ in self:
            pass
        return self.result

    async def aclose(self) -> None:
        """Stops early (the user navigated away); no result is built."""
        close = getattr(self._deltas, "aclose", None)
        if close is not None:
            await close()
