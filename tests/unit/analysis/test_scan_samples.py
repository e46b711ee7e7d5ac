"""A scanned symbol's pooled samples are the ones its analysis summarised its hit-rates from,
measured once: the same as measuring the legs on their own, and summing to its own verdicts."""

from __future__ import annotations

import numpy as np
import pytest

from analysis import AnalysisSettings, analyze
from analysis.hitrates import summarize
from analysis.scan import GoldenPocketSetup, scan_frame, symbol_samples
from tests.support.bars import sample_stock


@pytest.mark.parametrize("ticker", ["AAPL", "IBM"])
def test_scan_samples_equal_the_legs_measured_on_their_own(ticker: str) -> None:
    frame = sample_stock(ticker)
    settings = AnalysisSettings()
    scanned = scan_frame(ticker, frame, (GoldenPocketSetup(),), settings)
    alone = symbol_samples(frame, settings)
    assert scanned.samples is not None
    assert scanned.samples.legs == alone.legs > 0
    assert len(scanned.samples.samples) == len(alone.samples)
    for ours, theirs in zip(scanned.samples.samples, alone.samples, strict=True):
        assert (ours.kind, ours.ratio, ours.own, ours.random) == (
            theirs.kind,
            theirs.ratio,
            theirs.own,
            theirs.random,
        )
        assert np.array_equal(ours.per_cluster, theirs.per_cluster)
    summarised = summarize(
        list(scanned.samples.samples),
        legs_total=scanned.samples.legs,
        detector=settings.detector,
        settings=settings,
    )
    assert summarised == analyze(frame, settings).hit_rates


def test_a_scan_that_does_not_measure_returns_no_samples() -> None:
    scanned = scan_frame("IBM", sample_stock("IBM"), (), measure=False)
    assert scanned.samples is None
    assert scanned.row is not None, "no setups keep every symbol"
