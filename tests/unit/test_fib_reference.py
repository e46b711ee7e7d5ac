"""The shipped reference table is exactly what `financials reference` makes from the
bundled series, and it says plainly where Fibonacci ratios show no edge."""

from __future__ import annotations

import json

from app.bench import fib_baseline_bench


def test_the_shipped_table_is_reproducible_from_the_bundled_series() -> None:
    shipped = json.loads(fib_baseline_bench.REFERENCE_FILE.read_text())
    rebuilt = json.loads(json.dumps(fib_baseline_bench.reference_document()))
    assert shipped == rebuilt, "run `financials reference` and commit the table"


def test_on_the_bundled_stocks_the_golden_ratio_has_no_edge_over_random_levels() -> None:
    table = json.loads(fib_baseline_bench.REFERENCE_FILE.read_text())
    levels = table["detectors"]["zigzag"]["levels"]
    golden = next(lv for lv in levels if lv["ratio"] == 0.618)
    assert golden["verdict"] == "no edge"
    assert golden["held"] + golden["broke"] >= 100
    low, high = golden["difference_interval"]
    assert low < 0 < high
    assert table["universe"] == ["AAPL", "FB", "GOOG", "IBM", "MSFT"]


def test_the_benchmark_prints_fibonacci_beside_random() -> None:
    text = fib_baseline_bench.report(fib_baseline_bench.run())
    assert "fibonacci" in text
    assert "random" in text
    assert "0.618 retracement" in text
    assert "null model:" in text
