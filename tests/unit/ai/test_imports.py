"""The offline defaults must not load the cloud SDK, nor anything from `app`."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_offline_ai_imports_neither_the_sdk_nor_the_app() -> None:
    code = (
        "import sys\n"
        "import integrations.ai.offline_analyst, integrations.ai.offline_planner\n"
        "import integrations.ai.grounding, integrations.ai.offline_planner\n"
        "print(','.join(m for m in ('dashscope', 'aiohttp', 'app', 'reflex', 'fastapi')"
        " if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""


def test_no_ai_module_imports_the_app() -> None:
    for path in (REPO_ROOT / "integrations" / "ai").glob("*.py"):
        text = path.read_text()
        assert "from app" not in text, path
        assert "import app" not in text, path
