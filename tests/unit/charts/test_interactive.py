"""The Plotly figure: one toggleable trace per layer, at the spec's prices."""

from __future__ import annotations

import pandas as pd

from analysis import Analysis
from analysis.charts.interactive import LAYER_TITLES, figure
from tests.unit.charts.conftest import spec_for


def test_every_layer_is_a_legend_entry(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    spec = spec_for(frame, result)
    fig = figure(spec)
    legend = {trace.name for trace in fig.data if trace.showlegend is not False}
    assert {"Price", "Volume", LAYER_TITLES["fibonacci"], LAYER_TITLES["swings"]} <= legend
    assert any(name.startswith("Last price") for name in legend)


def test_fibonacci_traces_sit_at_the_level_prices(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    spec = spec_for(frame, result)
    fib = [t for t in figure(spec).data if t.legendgroup == "fibonacci"]
    assert len(fib) == len(spec.levels)
    assert sorted(t.y[0] for t in fib) == sorted(lv.price for lv in spec.levels)
    assert {t.text[1] for t in fib} == {lv.label for lv in spec.levels}


def test_candles_and_boxes_carry_the_spec_values(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    spec = spec_for(frame, result)
    fig = figure(spec)
    candles = next(t for t in fig.data if t.type == "candlestick")
    assert list(candles.close) == spec.candles.close
    zones = next(t for t in fig.data if t.name == LAYER_TITLES["zones"])
    prices = {y for y in zones.y if y is not None}
    assert prices == {z.low for z in spec.zones} | {z.high for z in spec.zones}


def test_switched_off_layers_have_no_trace(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    fig = figure(spec_for(frame, result, layers=["fibonacci"]))
    names = {t.name for t in fig.data}
    assert names == {"Price", LAYER_TITLES["fibonacci"]}
