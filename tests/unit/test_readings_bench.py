"""`financials bench --section readings`: the analyst and the baselines on the same cuts."""

from __future__ import annotations

import asyncio

from app.bench.readings_bench import BASELINES, _row, _series, report
from tests.support.bars import random_walk


def test_every_baseline_is_graded_on_the_analysts_cuts_and_the_report_compares_them() -> None:
    frame = random_walk(400, seed=3)
    record = asyncio.run(_series("WALK", frame, window=120, step=10, threshold=0.5, seed=0))

    # Cuts at bars 119, 129, ... while ten bars still follow the cut.
    assert record.cuts == len(range(119, 400 - 10, 10))
    assert len(record.analyst) == record.cuts - record.neutral
    for name in BASELINES:
        assert len(record.baselines[name]) == len(record.analyst)
    flats = [i for i, outcome in enumerate(record.analyst) if outcome == "flat"]
    for name in BASELINES:  # a flat move is flat for every call made at that cut
        assert [i for i, o in enumerate(record.baselines[name]) if o == "flat"] == flats

    text = report([_row("WALK", [record]), _row("all", [record])], window=120, step=10)
    assert "analyst vs random:" in text
    assert "QuantAgent" in text
    assert "random 46%" in text
