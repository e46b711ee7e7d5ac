"""Analyses, chats and charts are still there after a restart or a crash: a NEW process
starts the app's persistence the way the app does and finds what the last one stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT
from tests.integration.conftest import SQL_BACKENDS

pytestmark = pytest.mark.slow  # each case starts two Python processes


def _run(command: list[str], data_dir: Path, database_url: str | None) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FINANCIALS_")}
    env |= {"FINANCIALS_DATA_DIR": str(data_dir), "FINANCIALS_ENV": "test"}
    if database_url is not None:
        env["FINANCIALS_DATABASE_URL"] = database_url
    done = subprocess.run(
        [sys.executable, "-m", "tests.integration.restart_worker", *command],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    last_line = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    assert last_line.startswith("{"), f"worker failed ({done.returncode}):\n{done.stderr}"
    return json.loads(last_line)


@pytest.mark.parametrize("sql_url", SQL_BACKENDS, indirect=True)
@pytest.mark.parametrize("how", ["clean shutdown", "crash"])
def test_a_new_process_finds_everything_the_last_one_stored(
    sql_url: str, how: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    database_url = None if sql_url.startswith("sqlite") else sql_url  # SQLite: the default file

    written = _run(["write", *(["--crash"] if how == "crash" else [])], data_dir, database_url)
    found = _run(["read"], data_dir, database_url)

    assert found["records"] == [
        {"id": written["record_id"], "status": "done", "result": '{"levels": [0.382, 0.618]}'}
    ]
    assert found["conversations"] == [written["conversation_id"]]
    assert found["messages"] == ["TSLA?", "Held 61.8%."]
    assert found["charts"] == ["\x89PNG-restart"]
    if database_url is None:
        assert (data_dir / "financials.db").is_file(), "the embedded default location"
