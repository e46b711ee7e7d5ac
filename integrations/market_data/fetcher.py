"""The shape every source's history fetch takes, after OpenBB's provider fetchers.

Three small steps keep each concern testable on its own: `transform_query` turns the
caller's request into the source's own query (and refuses what the source cannot serve
before any I/O), `extract_data` does the I/O and nothing else, and `transform_data` turns the
raw answer into clean, validated `PriceHistory`.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from integrations.market_data.models import HistoryRequest, PriceHistory

Q = TypeVar("Q")
R = TypeVar("R")


class HistoryFetcher(Protocol[Q, R]):
    def transform_query(self, request: HistoryRequest) -> Q: ...

    async def extract_data(self, query: Q) -> R: ...

    def transform_data(self, query: Q, data: R) -> PriceHistory: ...


async def fetch_history(fetcher: HistoryFetcher[Q, R], request: HistoryRequest) -> PriceHistory:
    query = fetcher.transform_query(request)
    data = await fetcher.extract_data(query)
    return fetcher.transform_data(query, data)
