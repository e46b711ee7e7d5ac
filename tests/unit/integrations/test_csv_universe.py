"""A folder or zip of CSV files read as a scan universe: one symbol per `*.csv`, named by its
stem; what cannot be scanned is said per file or, for the whole path, with what is accepted."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from integrations.scans import CsvUniverseError, read_csv_universe
from integrations.scans.csv_universe import label

CSV = b"Date,Open,High,Low,Close\n2020-01-02,1,2,0.5,1.5\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "aapl.csv").write_bytes(CSV)
    (folder / "BTC-USD.CSV").write_bytes(CSV)
    (folder / "my prices (1).csv").write_bytes(CSV)
    (folder / "notes.txt").write_text("not a CSV")
    (folder / ".hidden.csv").write_bytes(CSV)
    (folder / "sub").mkdir()
    (folder / "sub" / "deep.csv").write_bytes(CSV)
    return folder


def test_a_folder_gives_one_symbol_per_csv_named_by_its_stem(tmp_path: Path) -> None:
    members = read_csv_universe(_folder(tmp_path), max_files=10)
    assert [(m.symbol, m.filename) for m in members] == [
        ("BTC-USD", "BTC-USD.CSV"),
        ("AAPL", "aapl.csv"),
        ("MY_PRICES__1_", "my prices (1).csv"),
    ]
    assert all(m.data == CSV and m.error is None for m in members)


def test_a_zip_gives_the_same_ignoring_folders_and_macos_copies(tmp_path: Path) -> None:
    archive = tmp_path / "files.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("prices/aapl.csv", CSV)
        z.writestr("prices/", "")
        z.writestr("__MACOSX/prices/._aapl.csv", b"\x00\x05junk")
        z.writestr("prices/._ibm.csv", b"\x00junk")
        z.writestr("prices/readme.md", "hello")
        z.writestr("ibm.csv", CSV)
    members = read_csv_universe(archive, max_files=10)
    assert [(m.symbol, m.filename, m.data) for m in members] == [
        ("IBM", "ibm.csv", CSV),
        ("AAPL", "prices/aapl.csv", CSV),
    ]


def test_a_huge_file_in_a_small_zip_is_not_inflated_but_reported(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.csv", b"0" * 2_000_001)
        z.writestr("ok.csv", CSV)
    assert archive.stat().st_size < 100_000
    big, ok = read_csv_universe(archive, max_files=10, max_bytes=2_000_000)
    assert (big.symbol, big.data) == ("BIG", None)
    assert big.error == "big.csv: the CSV is 2 MB; at most 2 MB is accepted"
    assert ok.data == CSV


def test_two_files_with_one_symbol_keep_the_first_and_report_the_second(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "AAPL.csv").write_bytes(CSV)
    (folder / "aapl.csv").write_bytes(CSV)
    first, second = read_csv_universe(folder, max_files=10)
    assert (first.symbol, first.error) == ("AAPL", None)
    assert (second.symbol, second.data) == ("AAPL", None)
    assert second.error == "aapl.csv: AAPL.csv is already scanned as AAPL; rename one of them"


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p / "missing", "there is no folder or zip at"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "holds no *.csv file"),
        (lambda p: (p / "a.csv").write_bytes(CSV) and p / "a.csv", "is a file but not a zip"),
    ],
    ids=["missing", "no-csv", "not-a-zip"],
)
def test_a_path_that_is_no_csv_universe_says_what_is_accepted(
    tmp_path: Path, make: object, says: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(CsvUniverseError) as raised:
        read_csv_universe(path, max_files=10)
    assert says in str(raised.value)
    assert "a folder or a .zip of CSV files" in str(raised.value)


def test_a_broken_zip_and_too_many_files_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w") as z:
        for name in ("a", "b", "c"):
            z.writestr(f"{name}.csv", CSV)
    broken.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    with pytest.raises(CsvUniverseError):
        read_csv_universe(broken, max_files=10)
    with pytest.raises(CsvUniverseError, match="holds 3 CSV files; at most 2"):
        read_csv_universe(good, max_files=2)


def test_labels_are_symbols_the_scan_accepts() -> None:
    assert label(" eur=x ") == "EUR=X"
    assert label("^gspc") == "^GSPC"
    assert label("") == "CSV"
    assert len(label("x" * 50)) == 32
