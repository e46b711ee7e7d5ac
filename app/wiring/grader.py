"""The app's background grader: grades stored calls whose horizon passed, every hour.

Started by the services lifespan task and cancelled on shutdown. A failed pass (the market
data source down, the database away) is logged and retried at the next tick; it never stops
the app. With several app replicas each runs it; a call graded twice gets the same grade
from the same bars, so the race is harmless.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from app.logging import get_logger
from app.services.container import Services

GRADE_EVERY = timedelta(hours=1)
FIRST_PASS_AFTER = timedelta(seconds=30)  # let the app finish starting first

log = get_logger("financials.wiring.grader")


async def grade_forever(
    services: Services,
    every: timedelta = GRADE_EVERY,
    first_after: timedelta = FIRST_PASS_AFTER,
) -> None:
    from app.services.track_record import grade_due

    await asyncio.sleep(first_after.total_seconds())
    while True:
        try:
            run = await grade_due(services.persistence.records, services.market.provider)
            log.info("graded calls", **run.model_dump())
        except Exception:
            log.exception("a grading pass failed; the next one retries")
        await asyncio.sleep(every.total_seconds())
