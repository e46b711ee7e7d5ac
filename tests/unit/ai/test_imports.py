"""The offline defaults must not load the cloud SDK, nor anything from `app`, at run time.

Which package may import which is checked by the import-linter contracts in `make test`."""

from __future__ import annotations

from tests.support.imports import loaded_by


def test_offline_ai_imports_neither_the_sdk_nor_the_app() -> None:
    offline = ["integrations.ai.offline_analyst", "language.planner"]
    watched = ("dashscope", "aiohttp", "app", "reflex", "fastapi")
    assert loaded_by([*offline, "language.grounding"], watched) == []
