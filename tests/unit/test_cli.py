"""The `financials` console script."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest
import typer.main
import typer.testing
from PIL import Image
from typer.testing import CliRunner
from yfinance.data import YfData

from analysis import Analysis
from analysis.charts.spec import Focus
from analysis.charts.theme import ThemeName
from analysis.models import Detector
from app import __version__
from app.cli import cli
from language.vocabulary import INTERVALS, LEGS, PERIODS
from tests.support.bars import sample_stock
from tests.support.dashscope_server import (
    API_KEY,
    JsonAnswer,
    running_dashscope,
    tool_calls_message,
)
from tests.unit.ai.planner_cases import CASES, Call

runner = CliRunner()


def test_version_prints_the_installed_version() -> None:
    result = runner.invoke(cli, ["version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == __version__


def test_settings_prints_effective_settings_as_json() -> None:
    result = runner.invoke(cli, ["settings"])
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed["env"] == "test"
    assert printed["data_dir"].endswith("data")


def test_unknown_command_is_refused_with_usage() -> None:
    result = runner.invoke(cli, ["frobnicate"])
    assert result.exit_code != 0
    assert "No such command" in result.output


def _csv(tmp_path: Path) -> Path:
    frame = sample_stock("MSFT").iloc[-300:]
    frame.index.name = "Date"
    path = tmp_path / "msft.csv"
    frame.rename(columns=str.title).to_csv(path)
    return path


def test_analyze_prints_a_readable_summary(tmp_path: Path) -> None:
    result = runner.invoke(cli, ["analyze", "msft", "--csv", str(_csv(tmp_path))])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("MSFT 1d: 300 bars")
    assert "Fibonacci (" in result.stdout
    assert "golden pocket" in result.stdout
    assert "Structure (swing, length 50)" in result.stdout


def test_analyze_json_is_the_analysis_and_out_writes_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        cli,
        [
            "analyze",
            "MSFT",
            "--csv",
            str(_csv(tmp_path)),
            "--json",
            "--out",
            str(out),
            "--interval",
            "1d",
            "--detector",
            "pivot",
        ],
    )
    assert result.exit_code == 0, result.output
    printed = Analysis.model_validate_json(result.stdout)
    assert printed.series.bars == 300
    assert printed.settings.detector == "pivot"
    (written,) = out.glob("MSFT_1d_*.json")
    assert Analysis.model_validate_json(written.read_text()) == printed
    (chart,) = out.glob("MSFT_1d_*.png")
    assert chart.stem == written.stem
    assert Image.open(chart).size == (1600, 900)


def test_analyze_bad_csv_is_a_one_line_error_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1\n2024-01-03,1,x,0.5,1\n")
    result = runner.invoke(cli, ["analyze", "X", "--csv", str(bad)])
    assert result.exit_code == 2
    assert "line 3, column High: 'x' is not a number" in result.stderr
    assert "Traceback" not in result.output


def test_analyze_too_few_bars_says_what_is_needed(tmp_path: Path) -> None:
    short = tmp_path / "short.csv"
    short.write_text("Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1\n2024-01-03,1,2,0.5,1\n")
    result = runner.invoke(cli, ["analyze", "X", "--csv", str(short)])
    assert result.exit_code == 2
    assert "2 bars is too few" in result.stderr


def test_analyze_refuses_an_unknown_interval(tmp_path: Path) -> None:
    result = runner.invoke(cli, ["analyze", "X", "--csv", str(_csv(tmp_path)), "--interval", "7d"])
    assert result.exit_code == 2
    assert "'7d' is not one of" in result.output


def test_bench_prints_ours_peer_and_the_ratio() -> None:
    result = runner.invoke(
        cli, ["bench", "--section", "analysis", "--sizes", "2000", "--repeat", "1"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("analysis: full analyze() vs smartmoneyconcepts")
    walk = next(line for line in lines if line.startswith("random walk 2,000"))
    assert walk.rstrip().endswith("x"), "a ratio is printed when the peer ran"
    assert any(line.startswith("AAPL daily") for line in lines)


def test_bench_refuses_bad_sizes() -> None:
    result = runner.invoke(cli, ["bench", "--sizes", "ten"])
    assert result.exit_code == 2
    assert "whole numbers separated by commas" in result.stderr


def _offline_yahoo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Yahoo reachable by the probe but failing with a connection error, deterministically."""

    async def reachable() -> bool:
        return True

    def no_network(*_args: object, **_kwargs: object) -> object:
        raise ConnectionError("[Errno 101] Network is unreachable")

    monkeypatch.setattr("app.wiring.market.tcp_probe", lambda: reachable)
    monkeypatch.setattr(YfData, "get", no_network)
    monkeypatch.setattr(YfData, "cache_get", no_network)


def test_analyze_a_name_offline_says_where_the_bars_came_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _offline_yahoo(monkeypatch)
    result = runner.invoke(cli, ["analyze", "apple", "--period", "1y", "--json"])
    assert result.exit_code == 0, result.output
    printed = Analysis.model_validate_json(result.stdout)  # stdout stays pure JSON
    assert str(printed.series.last_time).startswith("2013-03-01")
    assert "source: sample, AAPL (Apple Inc.) 1d" in result.stderr
    assert "note: offline: bundled sample data, 2000–2013" in result.stderr


def test_analyze_offline_symbol_outside_the_sample_lists_what_is_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _offline_yahoo(monkeypatch)
    result = runner.invoke(cli, ["analyze", "tesla"])
    assert result.exit_code == 2
    assert "TSLA is not in the bundled sample data" in result.stderr
    assert "AAPL, FB, GOOG, IBM, MSFT" in result.stderr
    assert "Traceback" not in result.output


def test_analyze_from_the_sample_with_interval_and_dates() -> None:
    result = runner.invoke(
        cli,
        [
            "analyze",
            "msft",
            "--source",
            "sample",
            "--interval",
            "1wk",
            "--start",
            "2008-01-01",
            "--end",
            "2012-12-31",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("MSFT 1wk: ")
    assert (
        "source: sample, MSFT (Microsoft Corporation) 1wk, 262 bars 2007-12-31 to 2012-12-31"
        in (result.stderr)
    )


def test_source_setting_picks_the_default_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_MARKET_DATA_SOURCE", "sample")
    result = runner.invoke(cli, ["analyze", "IBM", "--period", "2y"])
    assert result.exit_code == 0, result.output
    assert "source: sample, IBM" in result.stderr


def test_csv_and_source_together_are_refused(tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["analyze", "MSFT", "--csv", str(_csv(tmp_path)), "--source", "sample"]
    )
    assert result.exit_code == 2
    assert "--csv and --source exclude each other" in result.stderr


def test_csv_source_is_named_and_period_counts_from_the_files_end(tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["analyze", "MSFT", "--csv", str(_csv(tmp_path)), "--period", "6mo"]
    )
    assert result.exit_code == 0, result.output
    assert "source: csv, MSFT 1d, 122 bars 2012-09-04 to 2013-03-01" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["what is this thing"], "nothing matches 'what is this thing'; type a ticker (AAPL"),
        (["AAPL", "--source", "sample", "--interval", "5m"], "daily bars only"),
        (
            ["AAPL", "--period", "1y", "--start", "2012-01-01"],
            "give either `period` or `start`/`end`, not both",
        ),
        (["AAPL", "--start", "2013-01-01", "--end", "2012-01-01"], "is before the start date"),
    ],
)
def test_analyze_bad_requests_are_one_line_errors(args: list[str], message: str) -> None:
    result = runner.invoke(cli, ["analyze", *args, "--source", "sample"])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def _accepted(option: str, value: str) -> bool:
    """Whether `analyze` takes `value` for `option`: a bad date range then refuses the
    request, after every choice has been read."""
    args = ["analyze", "AAPL", option, value, "--source", "sample", "--start", "2013-01-01"]
    # A period excludes dates, and an end before the start is refused: either way after
    # every choice has been read.
    args += [] if option == "--period" else ["--end", "2012-01-01"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    return "is not one of" not in result.output


def test_cli_choices_are_the_one_vocabulary() -> None:
    assert all(_accepted("--interval", interval) for interval in INTERVALS)
    assert all(_accepted("--period", period) for period in PERIODS)
    assert all(_accepted("--leg", leg) for leg in LEGS)
    assert all(_accepted("--theme", theme) for theme in get_args(ThemeName))
    assert all(_accepted("--focus", focus) for focus in get_args(Focus))
    assert all(_accepted("--detector", detector) for detector in get_args(Detector))
    assert not _accepted("--interval", "4x")
    assert not _accepted("--leg", "biggest")


def test_an_interval_outside_the_vocabulary_is_refused_with_the_choices() -> None:
    result = runner.invoke(cli, ["analyze", "AAPL", "--interval", "4x", "--source", "sample"])
    assert result.exit_code == 2
    assert "'4x' is not one of" in result.output
    assert "'1wk'" in result.output


def test_bench_charts_section_compares_with_mplfinance() -> None:
    result = runner.invoke(cli, ["bench", "--section", "charts", "--repeat", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("charts: PNG 1600x900")
    rows = [line.split() for line in lines if line.strip().startswith(("250", "2,000"))]
    assert [row[0] for row in rows] == ["250", "2,000"]
    assert all(row[-1].endswith("x") for row in rows), "the ratio is printed"


def test_bench_cache_section_prints_memory_and_redis_hits() -> None:
    result = runner.invoke(cli, ["bench", "--section", "cache", "--hits", "20", "--repeat", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("cache: hit latency for 10 years of daily bars (2,520 bars")
    memory = next(line for line in lines if line.startswith("memory"))
    redis = next(line for line in lines if line.startswith("redis"))
    assert memory.split()[2] == "ms"
    assert float(memory.split()[1]) > 0
    assert "throwaway redis-server" in redis, "a private server when no URL is set"
    assert "UNREACHABLE" not in redis
    assert any(line.startswith("decode: Arrow IPC") and "bars/s" in line for line in lines)


def test_parse_prints_the_offline_plan_as_json() -> None:
    result = runner.invoke(cli, ["parse", "do a Fibonacci retracement for TSLA over 3 months"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "tool": "fibonacci",
        "symbols": ["TSLA"],
        "period": "3mo",
        "start": None,
        "end": None,
        "interval": None,
        "leg": None,
        "ratio": None,
        "universe": None,
        "setups": [],
        "reply": None,
        "notes": [],
    }


def test_parse_prints_a_scan_plan_with_its_universe_and_setups() -> None:
    text = "scan the S&P 500 for stocks near their 0.618 with a support zone"
    result = runner.invoke(cli, ["parse", text])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert (plan["tool"], plan["universe"], plan["symbols"]) == ("scan", "sp500", [])
    assert plan["setups"] == [
        {"kind": "near-fib", "ratio": 0.618, "within_atr": 0.5},
        {"kind": "near-zone", "role": "support", "within_atr": 0.5},
    ]


def test_parse_plans_4h_bars_and_says_how_it_mapped_other_hours() -> None:
    four = runner.invoke(cli, ["parse", "support and resistance for tesla on the 4h chart"])
    three = runner.invoke(cli, ["parse", "support and resistance for tesla on the 3h"])
    assert four.exit_code == three.exit_code == 0, four.output + three.output
    plan = json.loads(four.stdout)
    assert (plan["tool"], plan["symbols"], plan["interval"]) == ("levels", ["TSLA"], "4h")
    assert plan["notes"] == []
    assert json.loads(three.stdout)["interval"] == "2h"
    assert json.loads(three.stdout)["notes"] == ["There are no 3h bars; using 2h bars instead."]


def test_parse_prints_the_ratio_asked_about() -> None:
    result = runner.invoke(cli, ["parse", "where is the 0.618 on NVDA weekly"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert (plan["tool"], plan["symbols"], plan["interval"], plan["ratio"]) == (
        "fibonacci", ["NVDA"], "1wk", 0.618,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("thanks!", "You're welcome."),
        ("ok cool", "Good."),
        ("hi", "Hello!"),
        ("what's the weather", "I can't help with that"),
    ],
)
def test_parse_prints_a_reply_as_json_with_no_tool(text: str, reply: str) -> None:
    result = runner.invoke(cli, ["parse", text])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert plan["reply"].startswith(reply)
    assert (plan["tool"], plan["symbols"]) == (None, [])


def test_parse_answers_the_planner_table_as_the_chat_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every one-message request of the table whose answer does not depend on today's date."""
    cases = [
        c
        for c in CASES
        if not c.history and c.message.strip()
        and not (isinstance(c.expect, Call) and (c.expect.start or c.expect.end))
    ]  # fmt: skip
    assert len(cases) >= 100
    command = typer.main.get_command(cli)  # built once: Typer rebuilds it on every invoke
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: command)
    wrong = []
    for case in cases:
        result = runner.invoke(cli, ["parse", case.message])
        plan = json.loads(result.stdout)
        if isinstance(case.expect, Call):
            expected = case.expect
            got = (plan["tool"], tuple(plan["symbols"]), plan["period"], plan["interval"],
                   plan["leg"], plan["ratio"], plan["universe"], plan["setups"])  # fmt: skip
            want = (expected.tool, expected.symbols, expected.period, expected.interval,
                    expected.leg, expected.ratio, expected.universe,
                    [s.model_dump(mode="json") for s in expected.setups])  # fmt: skip
            ok = got == want and plan["start"] is None
        else:
            ok = plan["tool"] is None and case.expect.contains.lower() in plan["reply"].lower()
        if result.exit_code != 0 or not ok:
            wrong.append((case.message, result.stdout))
    assert wrong == []


def test_parse_refuses_empty_input_with_one_line_and_exit_code_2() -> None:
    result = runner.invoke(cli, ["parse", "   "])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("error: give a request")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_parse_uses_dashscope_when_a_key_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    with running_dashscope() as server:
        monkeypatch.setenv("DASHSCOPE_API_KEY", API_KEY)
        monkeypatch.setenv("FINANCIALS_DASHSCOPE_BASE_URL", server.base_url)
        monkeypatch.setenv("FINANCIALS_CHAT_MODEL", "qwen-turbo")
        server.queue(
            JsonAnswer(200, tool_calls_message(("compare", {"symbols": ["AAPL", "MSFT"]})))
        )

        result = runner.invoke(cli, ["parse", "apple vs microsoft"])
        offline = runner.invoke(cli, ["parse", "--offline", "apple vs microsoft"])

        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["symbols"] == ["AAPL", "MSFT"]
        assert [r.body["model"] for r in server.requests] == ["qwen-turbo"]
        assert offline.exit_code == 0, offline.output
        assert json.loads(offline.stdout)["tool"] == "compare"
        assert len(server.requests) == 1, "--offline sends nothing"


def test_parse_reports_a_refused_key_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    with running_dashscope() as server:
        monkeypatch.setenv("FINANCIALS_DASHSCOPE_API_KEY", "sk-wrong")
        monkeypatch.setenv("FINANCIALS_DASHSCOPE_BASE_URL", server.base_url)

        result = runner.invoke(cli, ["parse", "fib on TSLA"])

    assert result.exit_code == 2
    assert result.stderr == (
        "error: dashscope planner: the DashScope API key was refused; check DASHSCOPE_API_KEY\n"
    )


def test_analyze_focus_draws_the_chart_that_answers_the_question(tmp_path: Path) -> None:
    csv = str(_csv(tmp_path))
    charts = {}
    for focus in ("fibonacci", "structure", "levels"):
        out = tmp_path / focus
        args = ["analyze", "MSFT", "--csv", csv, "--out", str(out), "--focus", focus]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        (chart,) = out.glob("MSFT_1d_*.png")
        charts[focus] = chart.read_bytes()
    assert len(set(charts.values())) == 3, "each question gets its own chart"
    refused = runner.invoke(cli, ["analyze", "MSFT", "--csv", csv, "--focus", "elliott"])
    assert refused.exit_code == 2
    assert "fibonacci" in refused.output
