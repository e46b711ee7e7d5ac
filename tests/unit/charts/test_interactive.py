"""The Plotly figure: one toggleable trace per layer, at the spec's prices."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from analysis import Analysis
from analysis.charts.interactive import LAYER_TITLES, figure
from tests.support.bars import sample_stock
from tests.unit.charts.conftest import spec_for


@pytest.mark.parametrize(
    ("focus", "layers"),
    [
        ("fibonacci", {"fibonacci", "anchors"}),
        ("structure", {"swings", "structure"}),
        ("levels", {"zones"}),
    ],
)
def test_every_layer_of_the_question_is_a_legend_entry(
    msft: tuple[pd.DataFrame, Analysis], focus: str, layers: set[str]
) -> None:
    frame, result = msft
    fig = figure(spec_for(frame, result, focus=focus))
    legend = {trace.name for trace in fig.data if trace.showlegend is not False}
    assert {"Price", "Volume", *(LAYER_TITLES[layer] for layer in layers)} <= legend
    assert any(name.startswith("Last price") for name in legend)
    if focus != "fibonacci":
        assert LAYER_TITLES["fibonacci"] not in legend, "no Fibonacci ladder unless asked"


def test_fibonacci_traces_sit_at_the_level_prices(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    spec = spec_for(frame, result)
    fig = figure(spec)
    fib = [t for t in fig.data if t.legendgroup == "fibonacci"]
    assert len(fib) == len(spec.levels)
    assert sorted(t.y[0] for t in fib) == sorted(lv.price for lv in spec.levels)
    # Labels live in the right margin, each pointing (arrow) at its level's price.
    notes = [a for a in fig.layout.annotations if a.name == "fibonacci"]
    texts = " ".join(a.text for a in notes)
    for level in spec.levels:
        assert f"{level.ratio:g}" in texts
        assert f"{level.price:,.3f}" in texts
    assert {a.xanchor for a in notes} == {"left"}
    assert all(a.ax > 0 for a in notes if a.xref == "x"), "text right of the last bar"


@pytest.mark.parametrize("device", ["laptop", "phone"])
@pytest.mark.parametrize("focus", ["fibonacci", "structure", "levels"])
@pytest.mark.parametrize(("ticker", "bars"), [("AAPL", 2000), ("GOOG", 250), ("MSFT", 250)])
def test_margin_labels_are_at_least_a_row_apart(
    device: str, focus: str, ticker: str, bars: int
) -> None:
    from analysis import analyze
    from analysis.charts.interactive import LAPTOP, PHONE, _pixel_y

    layout = {"laptop": LAPTOP, "phone": PHONE}[device]
    frame = sample_stock(ticker).iloc[-bars:]
    spec = spec_for(frame, analyze(frame), symbol=ticker, focus=focus)
    fig = figure(spec, frame=layout)
    rows = sorted(
        _pixel_y(spec, a.y, layout) + a.ay for a in fig.layout.annotations if a.xref == "x"
    )
    assert rows, "the question's labels are drawn"
    for upper, lower in itertools.pairwise(rows):
        assert lower - upper >= layout.label_row - 1e-6


def test_a_phone_chart_fits_a_phone(msft: tuple[pd.DataFrame, Analysis]) -> None:
    """390 px wide: the title wraps instead of running off the right edge, the subtitle is
    left to the answer's text, the legend lies over the plot, and a few level date labels
    sit under the volume panel."""
    from analysis.charts.interactive import PHONE

    frame, result = msft
    fig = figure(spec_for(frame, result), frame=PHONE)
    lines = fig.layout.title.text.split("<br>")
    assert "<sup>" not in fig.layout.title.text
    assert all(len(line) <= PHONE.title_width for line in lines)
    assert fig.layout.height == PHONE.height
    legend = fig.layout.legend
    assert 0 <= legend.x <= 1, "the legend is inside the plot"
    assert 0 <= legend.y <= 1, "the legend is inside the plot"
    assert fig.layout.xaxis.anchor == "y2"
    assert fig.layout.xaxis.tickangle == 0
    assert fig.layout.xaxis.nticks == PHONE.x_ticks
    laptop = figure(spec_for(frame, result))
    assert "<sup>" in laptop.layout.title.text
    assert laptop.layout.legend.y < 0


def test_candles_and_boxes_carry_the_spec_values(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    spec = spec_for(frame, result, focus="levels")
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
