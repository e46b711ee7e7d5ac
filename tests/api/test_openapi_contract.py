"""Schemathesis with every check and every phase, over HTTP, against a real server process.

The same run an outside API vendor would do (`schemathesis run --checks all`): examples,
coverage (boundary values, undeclared methods such as TRACE), fuzzing and stateful link
following. It fails on any server error, undocumented status code or content type, response
that breaks its schema, schema-valid request refused, schema-invalid one accepted, or an
undeclared method not answered with 405 and `Allow`. Bounded by examples per operation and a
wall-clock timeout, with a fixed seed so a failure reproduces.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config import Settings
from app.wiring.auth import dev_issuer
from tests.support.api_server import RunningServer, api_server

pytestmark = pytest.mark.slow

EXAMPLES_PER_OPERATION = 8
SEED = 16
RUN_TIMEOUT_S = 300


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    data_dir = tmp_path_factory.mktemp("schemathesis") / "data"
    # A generous limit: the contract run is a burst of requests from one caller.
    with api_server(data_dir, rate_limit_per_minute="100000", rate_limit_burst="100000") as up:
        yield up


def test_schemathesis_full_checks_find_no_failure(server: RunningServer, tmp_path: Path) -> None:
    token = dev_issuer(Settings(_env_file=None, data_dir=server.data_dir)).mint(
        "schemathesis", ["charts:read", "charts:write"]
    )
    command = [
        *(sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/api/openapi.json"),
        *("--checks", "all", "--phases", "examples,coverage,fuzzing,stateful"),
        *("--max-examples", str(EXAMPLES_PER_OPERATION), "--seed", str(SEED)),
        *("--workers", "1", "--request-timeout", "30", "--generation-database", "none"),
        *("--suppress-health-check", "all", "--no-color"),
        *("-H", f"Authorization: Bearer {token}"),
    ]
    done = subprocess.run(
        command,
        cwd=tmp_path,  # its report folder and caches stay out of the repository
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )
    summary = done.stdout[-8000:]
    print(summary)  # the figures (cases generated, phases) are worth seeing with -s
    assert done.returncode == 0, f"schemathesis found failures:\n{summary}\n{done.stderr[-2000:]}"
    assert "No issues found" in done.stdout or " passed" in done.stdout, summary


def test_the_server_log_has_no_tracebacks(server: RunningServer) -> None:
    assert "Traceback" not in Path(server.log).read_text()
