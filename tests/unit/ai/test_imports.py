"""The offline defaults must not load the cloud SDK, nor anything from `app`."""

from __future__ import annotations

from tests.conftest import REPO_ROOT
from tests.support.imports import loaded_by


def test_offline_ai_imports_neither_the_sdk_nor_the_app() -> None:
    offline = ["integrations.ai.offline_analyst", "integrations.ai.offline_planner"]
    watched = ("dashscope", "aiohttp", "app", "reflex", "fastapi")
    assert loaded_by([*offline, "integrations.ai.grounding"], watched) == []


def test_no_ai_module_imports_the_app() -> None:
    for path in (REPO_ROOT / "integrations" / "ai").glob("*.py"):
        text = path.read_text()
        assert "from app" not in text, path
        assert "import app" not in text, path
