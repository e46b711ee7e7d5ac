"""The port a scan fans out through: run one function over many items, results as they come.

The function runs where the adapter puts it (another process, a Dask worker), so it and its
items must pickle; it should return its own failures as values. An exception that still
escapes (a worker lost, a function that raised) becomes a `TaskResult` with its reason, so
one symbol never fails the scan. Closing the iterator early (a cancelled scan) cancels every
task not yet finished.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class TaskResult(Generic[R]):
    """The value for `items[index]`, or why there is none."""

    index: int
    value: R | None
    error: str | None = None


def describe(exc: BaseException) -> str:
    """An escaped exception as a reason a user can read."""
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class ScanExecutor(Protocol):
    name: str

    @property
    def workers(self) -> int:
        """How many tasks run at once."""
        ...

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> AsyncGenerator[TaskResult[R], None]:
        """`fn` over `items`, each result as soon as its task finishes (any order); `aclose`
        (or leaving an `aclosing` block) stops every task not yet finished."""
        ...
