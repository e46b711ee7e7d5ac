"""What the running app writes stays out of the folders Reflex's dev server watches."""

from __future__ import annotations

from pathlib import Path

import pytest
from reflex.utils.exec import get_reload_paths

from app.config import Settings
from tests.conftest import REPO_ROOT


def _watched(path: Path) -> list[Path]:
    return [p for p in get_reload_paths() if path.resolve().is_relative_to(p.resolve())]


def test_the_default_data_folder_is_not_watched_even_once_it_exists(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A second `make run` finds the data folder already there, which the first did not."""
    monkeypatch.delenv("FINANCIALS_DATA_DIR")
    monkeypatch.chdir(REPO_ROOT)
    data_dir = Settings(_env_file=None).data_dir
    data_dir.mkdir(exist_ok=True)
    assert _watched(data_dir) == []


@pytest.mark.parametrize("folder", [".states", ".web"])
def test_reflex_run_time_folders_are_not_watched(
    monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    monkeypatch.chdir(REPO_ROOT)
    (REPO_ROOT / folder).mkdir(exist_ok=True)
    assert _watched(REPO_ROOT / folder) == []


def test_a_visible_folder_is_watched_so_the_check_can_fail(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO_ROOT)
    assert _watched(REPO_ROOT / "docs") != []
