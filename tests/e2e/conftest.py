"""Start the real app (`reflex run`, as `make run` does) and drive it with headless Chromium.

The app gets its own free ports, data folder (`.data-e2e`) and web build folder (`.web-e2e`),
so the tests never collide with a `make run` the developer has open. The data folder sits in
the project and exists before the start, as `.data` does on a second `make run`: a run-time
write that the dev server's hot reload watches would restart the backend, and
`test_dev_server.py` counts the starts.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from tests.conftest import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
TIMINGS = pytest.StashKey[list[str]]()
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
START_TIMEOUT_S = 420  # a first run installs the frontend's npm packages


@dataclass(frozen=True)
class RunningApp:
    frontend_url: str
    backend_url: str
    log_path: Path
    data_dir: Path

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def log_count(self, text: str) -> int:
        """Lines of the server log containing `text` (e.g. one "started" per backend start)."""
        return sum(text in line for line in self.log_path.read_text(errors="replace").splitlines())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes], app: RunningApp) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the app exited with {process.returncode}:\n{app.log_tail()}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} did not answer within {START_TIMEOUT_S}s:\n{app.log_tail()}")


@pytest.fixture(scope="session")
def running_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    frontend_port, backend_port = _free_port(), _free_port()
    workdir = tmp_path_factory.mktemp("e2e")
    log_path = workdir / "reflex.log"
    data_dir = REPO_ROOT / ".data-e2e"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir()
    venv_bin = str(Path(sys.executable).parent)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FINANCIALS_")},
        "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}",
        "REFLEX_USE_NPM": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "false",
        "REFLEX_WEB_WORKDIR": ".web-e2e",
        "REFLEX_FRONTEND_PORT": str(frontend_port),
        "REFLEX_BACKEND_PORT": str(backend_port),
        # The tests write screenshots under tests/: without this, the dev server's hot reload
        # restarts the backend mid-test and an event sent meanwhile is lost.
        "REFLEX_HOT_RELOAD_EXCLUDE_PATHS": str(REPO_ROOT / "tests"),
        "NPM_CONFIG_REGISTRY": os.environ.get("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org"),
        "FINANCIALS_DATA_DIR": str(data_dir),
        "FINANCIALS_ENV": "test",
        # Offline and deterministic: the bundled sample answers, as it does on a laptop
        # without network (the `auto` fallback itself is tested without a browser).
        "FINANCIALS_MARKET_DATA_SOURCE": "sample",
    }
    app = RunningApp(
        frontend_url=f"http://localhost:{frontend_port}",
        backend_url=f"http://localhost:{backend_port}",
        log_path=log_path,
        data_dir=data_dir,
    )
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [f"{venv_bin}/reflex", "run", "--loglevel", "info"],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # so the node children stop with it
        )
        try:
            _wait_until_up(f"{app.backend_url}/api/health", process, app)
            _wait_until_up(app.frontend_url, process, app)
            yield app
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


def sign_in(page: Page, app: RunningApp, user: str) -> None:
    """The development login: one click as a local user (here, one request)."""
    page.goto(f"{app.backend_url}/api/auth/dev-login?user={user}&next=/")
    page.wait_for_url(f"{app.frontend_url}/**")


def watch_console(page: Page) -> list[str]:
    """Collects the page's console errors and warnings (React's warnings among them).

    A resource the browser could not load is logged by the browser, not by the page's
    code (a refused sign-in answers 401 on purpose), so those lines are left out."""
    problems: list[str] = []

    def seen(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning") and "Failed to load resource" not in message.text:
            problems.append(f"{message.type}: {message.text[:300]}")

    page.on("console", seen)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    return problems


@pytest.fixture
def page(browser: Browser, running_app: RunningApp) -> Iterator[Page]:
    """A fresh browser context, signed in as a user of its own; the test fails if the
    page logged a console error or warning."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.set_default_timeout(30_000)
    problems = watch_console(page)
    sign_in(page, running_app, f"user{uuid.uuid4().hex[:8]}")
    yield page
    context.close()
    assert not problems, "the browser console is not clean:\n" + "\n".join(problems)


@pytest.fixture
def timings(request: pytest.FixtureRequest) -> list[str]:
    """Lines of measured times, printed in the test summary (measured, never asserted)."""
    return request.config.stash.setdefault(TIMINGS, [])


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    lines = config.stash.get(TIMINGS, [])
    if lines:
        terminalreporter.write_sep("-", "e2e timings (printed, not asserted)")
        for line in lines:
            terminalreporter.write_line(line)
