"""Fixtures every layer of tests shares."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config import get_settings

REPO_ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests run last: Playwright's sync API keeps an event loop running on the main
    thread until the session ends, and async tests collected after it could not start theirs.
    """
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Each test reads settings afresh, with its own data folder and no stray `.env`."""
    for name in list(__import__("os").environ):
        # DASHSCOPE_API_KEY is read too (the SDK's name), and ALIBABA_CLOUD_* by the cloud
        # credential chain: a developer's keys must not make the tests call the cloud.
        if name.startswith(("FINANCIALS_", "DASHSCOPE_", "ALIBABA_CLOUD_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("FINANCIALS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FINANCIALS_ENV", "test")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
