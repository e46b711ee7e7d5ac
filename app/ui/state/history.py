"""The history page: the user's past analyses as cards, searchable by symbol."""

from __future__ import annotations

import dataclasses

import reflex as rx

from app.services import history
from app.services.track_record import grade_label
from app.ui.services import services
from app.ui.state.session import LOGIN_ROUTE, SessionState

PAGE = 48


@dataclasses.dataclass
class HistoryCard:
    id: str
    symbol: str
    tool: str
    interval: str
    when: str
    status: str
    thumbnail: str
    error: str
    grade: str = ""


class HistoryState(SessionState):
    cards: list[HistoryCard] = []  # noqa: RUF012 - Reflex declares state vars this way
    search: str = ""
    loaded: bool = False

    @rx.event
    async def load(self) -> object:
        if not self._load_user():
            return rx.redirect(LOGIN_ROUTE)
        await self._fetch()
        return None

    @rx.event
    async def set_search(self, value: str) -> None:
        self.search = value
        await self._fetch()

    async def _fetch(self) -> None:
        symbol = self.search.strip().upper() or None
        page = await history.first_page(services(), owner=self.user_sub, symbol=symbol, limit=PAGE)
        self.cards = [
            HistoryCard(
                id=item.id,
                symbol=item.symbol,
                tool=item.tool,
                interval=item.interval,
                when=item.created_at.strftime("%Y-%m-%d %H:%M"),
                status=item.status,
                thumbnail=item.chart.url if item.chart else "",
                error=item.error or "",
                grade=grade_label(item.grade),
            )
            for item in page.items
        ]
        self.loaded = True

    @rx.event
    def reopen(self, analysis_id: str) -> object:
        return rx.redirect(f"/?analysis={analysis_id}")
