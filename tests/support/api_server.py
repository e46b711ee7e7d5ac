"""The backend as a real server process (granian on loopback), for contract and load tests.

It runs the Reflex-composed ASGI app with its lifespan on granian, the server Reflex uses
in production, minus the frontend build.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import REPO_ROOT

# Importing the app takes a few seconds on an idle machine and over a minute on a shared
# 2-core one under a full test run's load.
START_TIMEOUT_S = 150.0


def create() -> object:
    """granian's `--factory` entry point."""
    os.environ["__REFLEX_SKIP_COMPILE"] = "true"  # the API needs no frontend
    from app.app import app

    return app()


@dataclass(frozen=True)
class RunningServer:
    url: str
    data_dir: Path
    log: Path
    pid: int  # granian's main process, leader of its own process group


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def api_server(data_dir: Path, workers: int = 1, **settings: str) -> Iterator[RunningServer]:
    """Start the backend (`workers` granian workers) with `FINANCIALS_*` settings; stop it
    afterwards."""
    port = _free_port()
    log = data_dir.parent / f"server-{port}.log"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FINANCIALS_")},
        "FINANCIALS_DATA_DIR": str(data_dir),
        "FINANCIALS_ENV": "test",
        "FINANCIALS_MARKET_DATA_SOURCE": "sample",
        "FINANCIALS_LOG_LEVEL": "WARNING",
        **{f"FINANCIALS_{k.upper()}": v for k, v in settings.items()},
    }
    command = [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "asgi",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
        "tests.support.api_server:create",
    ]
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT_S * workers  # they start at once
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"the API server exited:\n{log.read_text()[-3000:]}")
                try:
                    if httpx.get(f"{url}/api/health/ready", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the API server did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.2)
            yield RunningServer(url=url, data_dir=data_dir, log=log, pid=process.pid)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
