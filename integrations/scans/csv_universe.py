"""A folder or a zip of CSV files as a scan universe: each `*.csv` one symbol, named by its
file stem (upper case).

Only names and bytes are read here. Each file's bars are parsed where it is scanned, by the
reader a single uploaded CSV goes through (`integrations.market_data.csv_file`), so a bad
file becomes a failure row with that reader's reason (line and column) and the scan goes on.
Other files, hidden files and macOS's `__MACOSX/` copies in a zip are ignored.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

_LABEL_OUTSIDE = re.compile(r"[^A-Z0-9.^=_/-]")
MAX_LABEL = 32


class CsvUniverseError(ValueError):
    """The path is not a folder or zip holding CSV files; the message says what is accepted."""


@dataclass(frozen=True, slots=True)
class CsvMember:
    """One file: its symbol, its name in the folder or zip, and its bytes, or why it has none."""

    symbol: str
    filename: str
    data: bytes | None
    error: str | None = None


ACCEPTED = (
    "a folder or a .zip of CSV files (Date,Open,High,Low,Close[,Volume]), one symbol per "
    "file, named by its file stem"
)


def label(stem: str) -> str:
    """A file stem as a symbol: upper case, characters a symbol cannot hold as `_`."""
    return _LABEL_OUTSIDE.sub("_", stem.strip().upper())[:MAX_LABEL] or "CSV"


def _wanted(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        path.suffix.lower() == ".csv"
        and not path.name.startswith(".")
        and "__MACOSX" not in path.parts
    )


def _too_large(filename: str, size: int, max_bytes: int) -> str | None:
    if size <= max_bytes:
        return None
    limit = max_bytes // 1_000_000
    return f"{filename}: the CSV is {size // 1_000_000} MB; at most {limit} MB is accepted"


def _from_folder(folder: Path, max_bytes: int) -> list[tuple[str, bytes | None, str | None]]:
    found = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and _wanted(p.name)):
        error = _too_large(path.name, path.stat().st_size, max_bytes)
        found.append((path.name, None if error else path.read_bytes(), error))
    return found


def _from_zip(archive: Path, max_bytes: int) -> list[tuple[str, bytes | None, str | None]]:
    try:
        with zipfile.ZipFile(archive) as opened:
            infos = sorted(
                (i for i in opened.infolist() if not i.is_dir() and _wanted(i.filename)),
                key=lambda i: i.filename,
            )
            found = []
            for info in infos:
                # Checked before inflating: a small zip can hold a huge file.
                error = _too_large(info.filename, info.file_size, max_bytes)
                found.append((info.filename, None if error else opened.read(info), error))
            return found
    except (zipfile.BadZipFile, OSError) as exc:
        raise CsvUniverseError(
            f"{archive} is not a readable zip file ({exc}); give {ACCEPTED}"
        ) from None


def read_csv_universe(
    path: Path, *, max_files: int, max_bytes: int | None = None
) -> list[CsvMember]:
    """The CSV files of the folder or zip at `path`, in name order.

    `CsvUniverseError` when `path` is neither, holds no CSV, or more than `max_files`. A file
    over `max_bytes` (default: the CSV reader's limit) and a second file with the same symbol
    are members with an `error` and no bytes, to be reported as failure rows.
    """
    if max_bytes is None:
        from integrations.market_data.csv_file import MAX_CSV_BYTES

        max_bytes = MAX_CSV_BYTES
    if path.is_dir():
        found = _from_folder(path, max_bytes)
    elif path.is_file() and zipfile.is_zipfile(path):
        found = _from_zip(path, max_bytes)
    elif path.is_file():
        raise CsvUniverseError(f"{path} is a file but not a zip; give {ACCEPTED}")
    else:
        raise CsvUniverseError(f"there is no folder or zip at {path}; give {ACCEPTED}")
    if not found:
        raise CsvUniverseError(f"{path} holds no *.csv file; give {ACCEPTED}")
    if len(found) > max_files:
        raise CsvUniverseError(
            f"{path} holds {len(found)} CSV files; at most {max_files} are scanned at once"
        )
    members: list[CsvMember] = []
    taken: dict[str, str] = {}
    for filename, data, error in found:
        symbol = label(PurePosixPath(filename).stem)
        if symbol in taken:
            data, error = (
                None,
                (f"{filename}: {taken[symbol]} is already scanned as {symbol}; rename one of them"),
            )
        else:
            taken[symbol] = filename
        members.append(CsvMember(symbol=symbol, filename=filename, data=data, error=error))
    return members
