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


def test_one_label_per_level_none_overlapping(anchored: tuple[pd.DataFrame, Analysis]) -> None:
    frame, result = anchored
    spec = spec_for(frame, result)
    chart = render(spec, *VISION_SIZE)
    fib_labels = [label for label in chart.labels if label.layer == "fibonacci"]
    assert sorted(label.text for label in fib_labels) == sorted(lv.label for lv in spec.levels)
    for a, b in itertools.combinations(chart.labels, 2):
        if "axis" in (a.layer, b.layer) and {a.layer, b.layer} != {"axis"}:
            continue  # axis labels sit outside the plot; checked among themselves
        assert not _overlap(a.box, b.box), (a.text, b.text)


def test_close_levels_are_spread_apart_not_stacked() -> None:
    frame = sample_stock("AAPL").iloc[-2000:]  # a small leg on a long chart: levels crowd
    from analysis import analyze

    result = analyze(frame)
    chart = render(spec_for(frame, result), *VISION_SIZE)
    boxes = sorted((lb.box for lb in chart.labels if lb.layer == "fibonacci"), key=lambda b: b[1])
    assert len(boxes) >= 7
    for upper, lower in itertools.pairwise(boxes):
        assert upper[3] <= lower[1], "labels stacked on each other"


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
