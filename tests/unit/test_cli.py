"""The `financials` console script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from analysis import Analysis
from app import __version__
from app.cli import cli
from tests.support.bars import sample_stock
from tests.support.dashscope_server import (
    API_KEY,
    JsonAnswer,
    running_dashscope,
    tool_calls_message,
)

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
    result = runner.invoke(cli, ["bench", "--sizes", "2000", "--repeat", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("analysis: full analyze() vs smartmoneyconcepts")
    walk = next(line for line in lines if line.startswith("random walk 2,000"))
    assert walk.rstrip().endswith("x"), "a ratio is printed when the peer ran"
    assert any(line.startswith("AAPL daily") for line in lines)


def test_bench_charts_section_compares_with_mplfinance() -> None:
    result = runner.invoke(cli, ["bench", "--section", "charts", "--repeat", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("charts: PNG 1600x900")
    rows = [line.split() for line in lines if line.strip().startswith(("250", "2,000"))]
    assert [row[0] for row in rows] == ["250", "2,000"]
    assert all(row[-1].endswith("x") for row in rows), "the ratio is printed"


def test_bench_refuses_bad_sizes() -> None:
    result = runner.invoke(cli, ["bench", "--sizes", "ten"])
    assert result.exit_code == 2
    assert "whole numbers separated by commas" in result.stderr


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
        "notes": [],
    }


def test_parse_says_how_it_mapped_what_yahoo_lacks() -> None:
    result = runner.invoke(cli, ["parse", "support and resistance for tesla on the 4h"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert (plan["tool"], plan["symbols"], plan["interval"]) == ("levels", ["TSLA"], "1h")
    assert plan["notes"] == ["Yahoo Finance has no 4h bars; using 1h bars instead."]


def test_parse_refuses_what_is_not_a_request_with_exit_code_2() -> None:
    for text in ["what's the weather", "   "]:
        result = runner.invoke(cli, ["parse", text])
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert result.stderr.startswith("error: ")
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
