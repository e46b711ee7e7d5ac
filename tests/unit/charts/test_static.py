"""The PNG: right size, every level labelled once, labels apart and readable."""

from __future__ import annotations

import io
import itertools

import pandas as pd
import pytest
from PIL import Image

from analysis import Analysis
from analysis.charts.static import VISION_SIZE, render, render_png
from tests.conftest import REPO_ROOT
from tests.support.bars import sample_stock
from tests.unit.charts.conftest import spec_for

ARTIFACTS = REPO_ROOT / "tests" / "artifacts"


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("size", [(1600, 900), VISION_SIZE])
def test_png_has_the_requested_size(
    msft: tuple[pd.DataFrame, Analysis], size: tuple[int, int]
) -> None:
    frame, result = msft
    png = render_png(spec_for(frame, result), *size)
    assert png.startswith(b"\x89PNG")
    assert Image.open(io.BytesIO(png)).size == size


def test_every_level_is_named_in_exactly_one_label(
    anchored: tuple[pd.DataFrame, Analysis],
) -> None:
    frame, result = anchored
    spec = spec_for(frame, result)
    chart = render(spec, *VISION_SIZE)
    labels = [label.text for label in chart.labels if label.layer == "fibonacci"]
    # Extensions beyond the price axis are named at its edge (▲ above, ▼ below).
    fib_labels = [text for text in labels if text[0] not in "▲▼"]
    assert all(text[0] in "▲▼" or text in fib_labels for text in labels)
    for level in spec.levels:
        price = f"{level.price:,.{spec.price_decimals}f}"
        assert sum(price in text for text in fib_labels) == 1, price
    assert len(fib_labels) <= len(spec.levels)


def test_close_levels_are_merged_into_one_label() -> None:
    from analysis import AnalysisSettings, analyze

    frame = sample_stock("AAPL").iloc[-2000:]
    # A small leg on a long chart: its 0.5 and 0.618 are a few pixels apart.
    high = float(frame["high"].iloc[-20:].max())
    result = analyze(frame, AnalysisSettings(anchor_prices=(high - 6, high)))
    chart = render(spec_for(frame, result), *VISION_SIZE)
    texts = [lb.text for lb in chart.labels if lb.layer == "fibonacci"]
    assert any(" / " in text for text in texts), texts
    assert any(text.startswith("0.5 / 0.618") or "/ 0.5 / 0.618" in text for text in texts)


CROWDED = [("AAPL", 2000), ("AAPL", 250), ("GOOG", 250), ("IBM", 600), ("MSFT", 250)]


@pytest.mark.parametrize("size", [(1600, 900), VISION_SIZE])
@pytest.mark.parametrize("focus", ["fibonacci", "structure", "levels"])
@pytest.mark.parametrize(("ticker", "bars"), CROWDED)
def test_no_label_overlaps_another_or_the_latest_bars(
    ticker: str, bars: int, focus: str, size: tuple[int, int]
) -> None:
    from analysis import analyze

    frame = sample_stock(ticker).iloc[-bars:]
    spec = spec_for(frame, analyze(frame), symbol=ticker, focus=focus)
    chart = render(spec, *size)
    assert chart.labels
    assert chart.protected
    for a, b in itertools.combinations(chart.labels, 2):
        if "axis" in (a.layer, b.layer) and {a.layer, b.layer} != {"axis"}:
            continue  # axis labels sit outside the plot; checked among themselves
        assert not _overlap(a.box, b.box), (a.text, b.text)
    for label in chart.labels:
        for candle in chart.protected:
            assert not _overlap(label.box, candle), f"{label.text!r} covers a latest bar"
        assert label.box[0] >= 0, f"{label.text!r} is cut off"
        assert label.box[2] <= size[0], f"{label.text!r} is cut off"
    layers = {label.layer for label in chart.labels}
    if focus == "fibonacci":
        assert {"fibonacci", "anchors"} <= layers
    else:
        assert "fibonacci" not in layers, "no Fibonacci ladder unless asked"
    if focus == "levels":
        assert "zones" in layers


def test_fibonacci_chart_marks_a_provisional_end_with_its_note() -> None:
    from analysis import analyze

    frame = sample_stock("AAPL").iloc[-250:]
    result = analyze(frame)
    assert result.fibonacci is not None
    assert result.fibonacci.provisional is not None
    spec = spec_for(frame, result, symbol="AAPL")
    chart = render(spec, *VISION_SIZE)
    anchors = [lb.text for lb in chart.labels if lb.layer == "anchors"]
    assert any(text.startswith("start") and "confirmed" in text for text in anchors)
    assert any(text.startswith("provisional end") for text in anchors)
    subtitle = " ".join(lb.text for lb in chart.labels if lb.layer == "subtitle")
    assert result.fibonacci.provisional.note in subtitle


def test_labels_stay_readable_at_vision_size(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    chart = render(spec_for(frame, result), *VISION_SIZE)
    for label in chart.labels:
        height = label.box[3] - label.box[1]
        assert height >= 8, f"{label.text!r} is {height}px tall"
        assert label.box[0] >= 0, f"{label.text!r} is cut off on the left"
        assert label.box[2] <= VISION_SIZE[0], f"{label.text!r} is cut off on the right"


def test_candles_are_drawn_in_the_theme_colours(msft: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = msft
    for theme in ("light", "dark"):
        spec = spec_for(frame, result, theme=theme, layers=["volume"])
        image = Image.open(io.BytesIO(render_png(spec))).convert("RGB")
        colours = {rgb for _, rgb in image.getcolors(maxcolors=1 << 16) or []}
        up = tuple(int(spec.palette.up[i : i + 2], 16) for i in (1, 3, 5))
        down = tuple(int(spec.palette.down[i : i + 2], 16) for i in (1, 3, 5))
        background = tuple(int(spec.palette.background[i : i + 2], 16) for i in (1, 3, 5))
        assert {up, down, background} <= colours


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("ticker", ["AAPL", "IBM"])
def test_save_sample_charts_for_people_to_look_at(ticker: str, theme: str) -> None:
    from analysis import analyze

    frame = sample_stock(ticker).iloc[-250:]
    png = render_png(spec_for(frame, analyze(frame), symbol=ticker, theme=theme))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"chart-{ticker}-{theme}.png").write_bytes(png)
    assert Image.open(io.BytesIO(png)).size == (1600, 900)
