"""The record page: the signed-in user's graded calls and everyone's, beside baselines."""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx

from app.services import track_record
from app.ui.services import services
from app.ui.state.session import LOGIN_ROUTE, SessionState


@dataclasses.dataclass
class AccuracyBar:
    name: str
    accuracy_pct: float
    low_pct: float
    high_pct: float
    decided: int
    verdict: str


@dataclasses.dataclass
class MissRow:
    symbol: str
    interval: str
    provider: str
    bias: str
    as_of: str
    move_atr: str
    max_adverse_atr: str


@dataclasses.dataclass
class RecordView:
    """One scope's record as the page draws it (plain values: state is pickled)."""

    title: str = ""
    graded: int = 0
    summary: str = ""
    neutral: str = ""
    bars: list[AccuracyBar] = dataclasses.field(default_factory=list)
    chart: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    misses: list[MissRow] = dataclasses.field(default_factory=list)


def _view(title: str, record: track_record.TrackRecord) -> RecordView:
    rows = track_record.record_rows(record)
    return RecordView(
        title=title,
        graded=record.graded,
        summary=f"Directional calls: {record.directional.text()}"
        + (
            ""
            if record.directional.decided >= record.min_graded
            else f" (not enough graded calls: {record.min_graded} needed for a verdict)"
        ),
        neutral=f"Neutral calls: {record.neutral.text()}",
        bars=[AccuracyBar(**row.model_dump()) for row in rows],
        chart=[row.model_dump() for row in rows],
        misses=[
            MissRow(
                symbol=m.symbol,
                interval=m.interval,
                provider=m.provider,
                bias=m.bias,
                as_of=m.as_of.strftime("%Y-%m-%d %H:%M"),
                move_atr=f"{m.move_atr:+.2f}",
                max_adverse_atr=f"{m.max_adverse_atr:.2f}",
            )
            for m in record.worst_misses
        ],
    )


class RecordState(SessionState):
    mine: RecordView = RecordView()
    everyone: RecordView = RecordView()

    @rx.event
    async def load(self) -> object:
        if not self._load_user():
            return rx.redirect(LOGIN_ROUTE)
        records = services().persistence.records
        self.mine = _view("Your calls", await track_record.record_of(records, self.user_sub))
        self.everyone = _view("Everyone's calls", await track_record.record_of(records, None))
        return None
