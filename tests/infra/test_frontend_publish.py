"""The frontend publish uploads the whole real export: every file `reflex export` makes (but
the precompressed copies), with each page folder's index.html also at its bare route, so a
direct visit to /history or /login finds a page instead of the 404.

The export is real: built once per session with the command `make export` runs (about
1.5 minutes on 2 cores), into its own web folder, and kept between runs until the app's
sources change (a hash of them is stored beside it), so the suite stays bounded.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.infra.conftest import INFRA, run

WEB_DIR = REPO_ROOT / ".web-export"
EXPORT = WEB_DIR / "build" / "client"
HASH_FILE = WEB_DIR / ".sources.sha256"
SOURCES = ("app", "assets", "reflex.lock", "rxconfig.py", "pyproject.toml", "uv.lock")
API_URL = "https://api.example.com"


def _sources_hash() -> str:
    digest = hashlib.sha256(API_URL.encode())
    for name in SOURCES:
        root = REPO_ROOT / name
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(REPO_ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def real_export() -> Path:
    """`reflex export --frontend-only --no-zip --env prod`, as `make export` runs it."""
    wanted = _sources_hash()
    if (EXPORT / "index.html").exists() and HASH_FILE.exists() and HASH_FILE.read_text() == wanted:
        return EXPORT
    venv_bin = Path(sys.executable).parent
    env = {
        "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}",
        "REFLEX_USE_NPM": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "false",
        "REFLEX_WEB_WORKDIR": WEB_DIR.name,
        "REFLEX_API_URL": API_URL,
        "NPM_CONFIG_REGISTRY": os.environ.get("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org"),
    }
    result = run(
        [venv_bin / "reflex", "export", "--frontend-only", "--no-zip", "--env", "prod"],
        env=env,
        timeout=900,
    )
    log = (result.stdout + result.stderr)[-3000:]
    assert result.returncode == 0, f"reflex export failed:\n{log}"
    assert (EXPORT / "index.html").exists(), f"no export in {EXPORT}:\n{log}"
    HASH_FILE.write_text(wanted)
    return EXPORT


def _publish(export: Path) -> tuple[int, str]:
    result = run(
        [INFRA / "scripts" / "build_and_push_frontend.sh"],
        env={
            "DRY_RUN": "1",
            "SKIP_BUILD": "1",
            "OUT_DIR": str(export),
            "REFLEX_API_URL": API_URL,
            "SITE_BUCKET": "site-bucket",
            "SITE_DOMAIN": "www.example.com",
            "OSS_REGION": "cn-hangzhou",
        },
        timeout=120,
    )
    return result.returncode, result.stdout + result.stderr


def _uploads(output: str) -> dict[str, set[str]]:
    """local file -> the objects it is uploaded as, from the publish's upload list."""
    uploads: dict[str, set[str]] = {}
    for local, key in re.findall(r"^upload (\S+) -> oss://site-bucket/(\S*) \(", output, re.M):
        uploads.setdefault(local, set()).add(key)
    return uploads


@pytest.mark.slow
def test_the_dry_run_publish_lists_every_file_of_the_real_export(real_export: Path) -> None:
    code, output = _publish(real_export)
    assert code == 0, output

    exported = {
        str(path.relative_to(real_export))
        for path in real_export.rglob("*")
        if path.is_file() and path.suffix != ".gz"
    }
    assert {"index.html", "history/index.html", "login/index.html"} <= exported
    assert any(name.startswith("assets/") for name in exported)
    assert set(_uploads(output)) == exported, "every exported file, and nothing else"
    assert ".gz" not in "".join(_uploads(output)), "precompressed copies stay behind"


@pytest.mark.slow
def test_page_folders_are_reachable_at_their_bare_routes(real_export: Path) -> None:
    code, output = _publish(real_export)
    assert code == 0, output

    uploads = _uploads(output)
    pages = [name for name in uploads if name.endswith("/index.html")]
    assert {"history/index.html", "login/index.html"} <= set(pages)
    for page in pages:
        route = page.removesuffix("/index.html")
        assert uploads[page] == {page, route}, page
    bare = re.findall(
        r"^\+ ossutil cp .*Content-Type:text/html.* oss://site-bucket/(\S+)$", output, re.M
    )
    assert {"history", "login"} <= set(bare), "bare routes are served as HTML"
    assert "--sign-version v4 --region cn-hangzhou" in output
    assert "docker buildx" not in output, "SKIP_BUILD uploads the export as it is"
