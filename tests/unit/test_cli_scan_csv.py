"""`financials scan --csv-dir`: a folder or a zip of the user's CSV files is the universe, one
symbol per file; a bad file is a failure row saying what is wrong with it, and the rest scan."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app.cli import cli
from tests.support.bars import sample_stock

runner = CliRunner()
BROKEN = b"Date,Open,High,Low,Close\n2020-01-02,1,2,0.5,1.5\n2020-01-03,1,2,x,1.5\n"


def _csv(ticker: str) -> bytes:
    frame = sample_stock(ticker)
    frame.index.name = "Date"
    frame.columns = [str(c).title() for c in frame.columns]
    return frame.to_csv().encode()


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return {"aapl.csv": _csv("AAPL"), "ibm.csv": _csv("IBM"), "broken.csv": BROKEN}


def _scan(path: Path) -> dict[str, Any]:
    result = runner.invoke(cli, ["scan", "--csv-dir", str(path), "--setup", "trend", "--json"])
    assert result.exit_code == 0, result.output
    view: dict[str, Any] = json.loads(result.stdout)
    return view


def test_a_folder_and_a_zip_of_csvs_scan_alike_with_the_bad_file_a_failure_row(
    tmp_path: Path, files: dict[str, bytes]
) -> None:
    folder = tmp_path / "prices"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "README.txt").write_text("ignored")
    archive = tmp_path / "prices.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
        z.writestr("__MACOSX/._aapl.csv", b"\x00junk")

    from_folder, from_zip = _scan(folder), _scan(archive)

    assert (from_folder["universe"], from_folder["status"]) == ("csv", "done")
    assert from_folder["progress"].startswith("3 / 3 scanned, 1 failed: BROKEN (")
    assert from_folder["failures"] == [
        {"symbol": "BROKEN", "reason": "broken.csv: line 3, column Low: 'x' is not a number"}
    ]
    assert {r["symbol"] for r in from_folder["rows"]} <= {"AAPL", "IBM"}
    # Both files were analysed: their legs are pooled (each series of 2000-2013 has many).
    assert from_folder["pooled"]["legs_total"] > 20
    for key in ("rows", "failures", "pooled", "total", "scanned"):
        assert from_zip[key] == from_folder[key], key


def test_csv_dir_problems_are_clear_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(cli, ["scan", "--csv-dir", str(empty)])
    assert result.exit_code != 0
    assert "holds no *.csv file" in result.output
    assert "a folder or a .zip of CSV files" in result.output
    both = runner.invoke(cli, ["scan", "--csv-dir", str(empty), "--universe", "sp500"])
    assert both.exit_code != 0
    assert "--csv-dir excludes --universe" in both.output
    assert "Traceback" not in result.output + both.output
