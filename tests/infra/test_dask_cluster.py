"""infra/k8s-dask and the chart's `dask.enabled`: scans on a Dask cluster made by the Dask
Kubernetes operator, consistent with the app it serves.

The checks ask the other manifests and the code rather than repeat them: the app's scheduler
address is the Service the operator makes, the workers run the backend's image with its
settings and security, every path they write is writable, the network policies let exactly
the scan's traffic through, and the chart renders what the overlay applies. The last test
runs the manifests' own scheduler and worker commands on this machine and scans through them.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import Settings
from tests.conftest import REPO_ROOT
from tests.infra.conftest import (
    K8S_DASK_DIR,
    K8S_DIR,
    Manifest,
    by_kind_and_name,
    kustomize,
    load_documents,
    operator_objects,
    render_chart,
)
from tests.infra.test_helm import _without_labels
from tests.infra.test_kubernetes import _dockerfile_runtime_env

NAMESPACE = "financials"
OPERATOR_NAMESPACE = "dask-operator"
BACKEND = {"app.kubernetes.io/name": "financials", "app.kubernetes.io/component": "backend"}


def _overlay() -> dict[tuple[str, str], Manifest]:
    return by_kind_and_name(kustomize(K8S_DASK_DIR))


def _cluster(objects: dict[tuple[str, str], Manifest]) -> Manifest:
    return objects[("DaskCluster", "financials-scan")]


def _made(objects: dict[tuple[str, str], Manifest]) -> dict[str, Manifest]:
    """The operator's Deployments and Service, by component (one worker stands for all)."""
    made: dict[str, Manifest] = {}
    for doc in operator_objects(_cluster(objects)):
        component = doc["metadata"]["labels"]["dask.org/component"]
        made.setdefault(f"{component}-{doc['kind']}", doc)
    return made


def _pod(deployment: Manifest) -> Manifest:
    pod: Manifest = deployment["spec"]["template"]
    return pod


def _container(deployment: Manifest) -> Manifest:
    containers: list[Manifest] = _pod(deployment)["spec"]["containers"]
    assert len(containers) == 1
    return containers[0]


def _arg(container: Manifest, flag: str) -> str:
    args: list[str] = container["args"]
    return args[args.index(flag) + 1]


def test_the_app_is_pointed_at_the_scheduler_service_the_operator_makes() -> None:
    objects = _overlay()
    service = _made(objects)["scheduler-Service"]
    port = next(p for p in service["spec"]["ports"] if p["name"] == "tcp-comm")
    scheduler = _container(_made(objects)["scheduler-Deployment"])
    assert str(port["port"]) == _arg(scheduler, "--port"), "the Service forwards to the scheduler"
    address = objects[("ConfigMap", "financials-config")]["data"]["FINANCIALS_DASK_SCHEDULER"]
    assert address == f"tcp://{service['metadata']['name']}:{port['port']}"
    assert Settings(dask_scheduler=address).dask_scheduler == address
    base = by_kind_and_name(kustomize(K8S_DIR))[("ConfigMap", "financials-config")]["data"]
    assert "FINANCIALS_DASK_SCHEDULER" not in base, "without the overlay scans run in-process"


def test_scheduler_and_workers_run_the_backends_image_settings_and_security() -> None:
    objects = _overlay()
    backend = objects[("Deployment", "financials-backend")]
    made = _made(objects)
    images = {
        _container(made[key])["image"] for key in ("scheduler-Deployment", "worker-Deployment")
    }
    assert images == {_container(backend)["image"]}, "one image, one version of the code"
    worker = _container(made["worker-Deployment"])
    assert worker["envFrom"] == _container(backend)["envFrom"], "the app's settings and cache"
    assert "envFrom" not in _container(made["scheduler-Deployment"]), "no secrets it needs not"
    for key in ("scheduler-Deployment", "worker-Deployment"):
        pod = _pod(made[key])["spec"]
        assert pod["securityContext"] == _pod(backend)["spec"]["securityContext"], key
        assert pod["automountServiceAccountToken"] is False, key
        assert _container(made[key])["securityContext"] == _container(backend)["securityContext"]
        assert _container(made[key])["resources"]["limits"], key
    assert worker["resources"]["limits"]["cpu"] == _arg(worker, "--nthreads"), (
        "one thread per CPU: analysis is CPU-bound Python"
    )


def _writable(deployment: Manifest) -> set[str]:
    pod = _pod(deployment)["spec"]
    volumes = {v["name"]: v for v in pod["volumes"]}
    return {
        mount["mountPath"]
        for mount in _container(deployment)["volumeMounts"]
        if "emptyDir" in volumes[mount["name"]] and not mount.get("readOnly", False)
    }


def test_every_path_a_dask_pod_writes_is_a_writable_volume_under_a_read_only_root() -> None:
    objects = _overlay()
    made = _made(objects)
    config = objects[("ConfigMap", "financials-config")]["data"]
    image_env = _dockerfile_runtime_env()
    worker = made["worker-Deployment"]
    local = Path(_arg(_container(worker), "--local-directory"))
    needed = {
        # A scan task is the app's code with the app's settings.
        config["FINANCIALS_DATA_DIR"],
        image_env["PROMETHEUS_MULTIPROC_DIR"],
        "/tmp",
    }
    writable = _writable(worker)
    assert needed <= writable, f"not writable: {sorted(needed - writable)}"
    assert any(local.is_relative_to(path) for path in writable), f"{local} is read-only"
    scheduler = _writable(made["scheduler-Deployment"])
    assert {"/tmp", image_env["PROMETHEUS_MULTIPROC_DIR"]} <= scheduler
    for key in ("scheduler-Deployment", "worker-Deployment"):
        assert _container(made[key])["securityContext"]["readOnlyRootFilesystem"] is True


def _selects(selector: Manifest, labels: dict[str, str]) -> bool:
    return all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items())


def _peer_matches(
    peer: Manifest, policy_namespace: str, namespace: str, labels: dict[str, str]
) -> bool:
    if "ipBlock" in peer:
        return False
    if "namespaceSelector" in peer:
        if not _selects(peer["namespaceSelector"], {"kubernetes.io/metadata.name": namespace}):
            return False
    elif namespace != policy_namespace:
        return False
    return "podSelector" not in peer or _selects(peer["podSelector"], labels)


def _rule_allows(
    rule: Manifest, side: str, policy_namespace: str, peer: tuple[str, dict[str, str]], port: int
) -> bool:
    ports = rule.get("ports")
    if ports and not any(p.get("port") == port for p in ports):
        return False
    peers = rule.get(side)
    return not peers or any(_peer_matches(p, policy_namespace, *peer) for p in peers)


def _allowed(
    policies: list[Manifest],
    source: tuple[str, dict[str, str]],
    target: tuple[str, dict[str, str]],
    port: int,
) -> bool:
    """Whether NetworkPolicy lets `source` (namespace, pod labels) open TCP `port` on `target`."""
    for direction, pod, other, side in (
        ("Egress", source, target, "to"),
        ("Ingress", target, source, "from"),
    ):
        selecting = [
            p
            for p in policies
            if p["metadata"]["namespace"] == pod[0]
            and direction in p["spec"]["policyTypes"]
            and _selects(p["spec"]["podSelector"], pod[1])
        ]
        key = direction.lower()
        if selecting and not any(
            _rule_allows(rule, side, p["metadata"]["namespace"], other, port)
            for p in selecting
            for rule in p["spec"].get(key, [])
        ):
            return False
    return True


def test_network_policies_let_the_scan_traffic_through_and_no_more() -> None:
    objects = _overlay()
    policies = [doc for (kind, _), doc in objects.items() if kind == "NetworkPolicy"]
    made = _made(objects)
    scheduler_labels = _pod(made["scheduler-Deployment"])["metadata"]["labels"]
    worker_labels = _pod(made["worker-Deployment"])["metadata"]["labels"]
    backend = (NAMESPACE, _pod(objects[("Deployment", "financials-backend")])["metadata"]["labels"])
    scheduler, worker = (NAMESPACE, scheduler_labels), (NAMESPACE, worker_labels)
    operator = (OPERATOR_NAMESPACE, {"app.kubernetes.io/name": "dask-kubernetes-operator"})
    scheduler_container = _container(made["scheduler-Deployment"])
    comm = int(_arg(scheduler_container, "--port"))
    dashboard = int(_arg(scheduler_container, "--dashboard-address").rsplit(":", 1)[1])
    worker_container = _container(made["worker-Deployment"])
    worker_port = int(_arg(worker_container, "--worker-port"))
    nanny_port = int(_arg(worker_container, "--nanny-port"))

    assert _allowed(policies, backend, scheduler, comm), "the app submits to the scheduler"
    assert _allowed(policies, worker, scheduler, comm), "workers register with the scheduler"
    assert _allowed(policies, scheduler, worker, worker_port)
    assert _allowed(policies, scheduler, worker, nanny_port)
    assert _allowed(policies, worker, worker, worker_port), "workers fetch each other's results"
    assert _allowed(policies, operator, scheduler, dashboard), "the operator retires workers"
    assert _allowed(policies, operator, scheduler, comm), "its fallback, the RPC"
    assert not _allowed(policies, backend, worker, worker_port), "results come via the scheduler"
    assert not _allowed(policies, operator, worker, worker_port)
    assert not _allowed(policies, (NAMESPACE, {}), scheduler, comm), "not any pod"
    # The backend's own objects must not take hold of the scan pods (nor the reverse).
    for kind, name in [
        ("NetworkPolicy", "financials-backend"),
        ("PodDisruptionBudget", "financials-backend"),
    ]:
        selector = (
            objects[(kind, name)]["spec"].get("podSelector")
            or objects[(kind, name)]["spec"]["selector"]
        )
        assert not _selects(selector, scheduler_labels), (kind, name)
        assert not _selects(selector, worker_labels), (kind, name)
    for name in ("financials-scan-scheduler", "financials-scan-worker"):
        assert not _selects(objects[("NetworkPolicy", name)]["spec"]["podSelector"], backend[1])


def test_the_chart_with_dask_enabled_renders_what_the_overlay_applies() -> None:
    overlay = _overlay()
    chart = by_kind_and_name(render_chart({"dask": {"enabled": True}}))
    for key in [
        ("DaskCluster", "financials-scan"),
        ("NetworkPolicy", "financials-scan-scheduler"),
        ("NetworkPolicy", "financials-scan-worker"),
        ("NetworkPolicy", "financials-backend"),
    ]:
        assert _without_labels(chart[key]) == _without_labels(overlay[key]), key
    config = ("ConfigMap", "financials-config")
    assert chart[config]["data"] == overlay[config]["data"]
    defaults = by_kind_and_name(render_chart({}))
    assert not [key for key in defaults if key[0] == "DaskCluster"], "off by default"
    assert "FINANCIALS_DASK_SCHEDULER" not in defaults[config]["data"]
    chosen = by_kind_and_name(
        render_chart(
            {
                "dask": {"enabled": True},
                "config": {"FINANCIALS_DASK_SCHEDULER": "tcp://elsewhere:8786"},
            }
        )
    )
    assert chosen[config]["data"]["FINANCIALS_DASK_SCHEDULER"] == "tcp://elsewhere:8786"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _command(container: Manifest, ports: dict[str, int], env: dict[str, str]) -> list[str]:
    """The container's args as this machine runs them: ports remapped to free ones, the
    kubelet's `$(VAR)` expansion done, the `dask` of this environment, loopback only."""
    command: list[str] = []
    for arg in container["args"]:
        for old, new in ports.items():
            arg = arg.replace(old, str(new))
        for name, value in env.items():
            arg = arg.replace(f"$({name})", value)
        command.append(arg)
    command[0] = str(Path(sys.executable).parent / command[0])
    return [*command, "--host", "127.0.0.1"]


@contextmanager
def _running(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[Any]]:
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ok(url: str, process: subprocess.Popen[Any], log: Path) -> httpx.Response:
    """The first 200 from `url` (a process still starting is waited for, one that died is not)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{log.stem} exited {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            response = httpx.get(url, timeout=2)
            if response.status_code == 200:
                return response
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    pytest.fail(f"{url} never answered 200:\n{log.read_text()[-3000:]}")


async def _scan_on_both(request: Any, address: str, database: Path) -> dict[str, Any]:
    """The same scan through the Dask cluster at `address` and in this process's thread."""
    from app.services import scans
    from app.services.scans import ScanJobs, ScanPorts
    from app.wiring.scans import scan_symbol
    from integrations.records.scans_sql import SqlScanRepository
    from integrations.scans import ScanExecutor
    from integrations.scans.dask_cluster import DaskScanExecutor
    from integrations.scans.inprocess import ThreadScanExecutor
    from integrations.sql import create_sql_engine, sqlite_url

    repo = SqlScanRepository(create_sql_engine(sqlite_url(database)))
    await repo.start()
    views: dict[str, Any] = {}
    executors: list[ScanExecutor] = [DaskScanExecutor(address), ThreadScanExecutor(1)]
    try:
        for executor in executors:
            await executor.start()
            try:
                ports = ScanPorts(executor, repo, scan_symbol, ScanJobs())
                views[executor.name] = await scans.run_scan(ports, request, "alice")
            finally:
                await executor.close()
    finally:
        await repo.close()
    return views


def test_the_manifests_scheduler_and_worker_commands_run_a_scan(tmp_path: Path) -> None:
    from app.services import scans
    from app.services.scan_schemas import ScanRequest

    made = _made(by_kind_and_name(load_documents(K8S_DASK_DIR / "daskcluster.yaml")))
    scheduler = _container(made["scheduler-Deployment"])
    worker = _container(made["worker-Deployment"])
    ports = {str(p): _free_port() for p in (8786, 8787, 8788, 8789, 8790)}
    image_env = _dockerfile_runtime_env()
    base_env = {
        **os.environ,
        # The worktree's code, not whichever checkout the environment was installed from.
        "PYTHONPATH": str(REPO_ROOT),
        "FINANCIALS_MARKET_DATA_SOURCE": "sample",
        "FINANCIALS_DATA_DIR": str(tmp_path / "data"),
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
    }
    assert "PROMETHEUS_MULTIPROC_DIR" in image_env, "the image sets it; the test mirrors it"
    (tmp_path / "metrics").mkdir()
    scheduler_env = base_env | {e["name"]: e["value"] for e in scheduler.get("env", [])}
    address = f"tcp://127.0.0.1:{ports['8786']}"
    worker_env = base_env | {"DASK_SCHEDULER_ADDRESS": address, "DASK_WORKER_NAME": "w0"}
    worker_command = [
        arg.replace("/tmp/dask", str(tmp_path / "dask"))
        for arg in _command(worker, ports, worker_env)
    ]
    with (
        _running(_command(scheduler, ports, {}), scheduler_env, tmp_path / "scheduler.log") as sp,
        _running(worker_command, worker_env, tmp_path / "worker.log") as wp,
    ):
        # The probes' path, and the API the operator scales through.
        scheduler_http = f"http://127.0.0.1:{ports['8787']}"
        _wait_ok(f"{scheduler_http}/health", sp, tmp_path / "scheduler.log")
        assert (
            "idle_since"
            in _wait_ok(
                f"{scheduler_http}/api/v1/check_idle", sp, tmp_path / "scheduler.log"
            ).json()
        )
        _wait_ok(f"http://127.0.0.1:{ports['8788']}/health", wp, tmp_path / "worker.log")

        request = ScanRequest(symbols=("AAPL", "IBM", "NOPE"), setups=(), source="sample")
        views = asyncio.run(_scan_on_both(request, address, tmp_path / "scans.db"))
    dask, local = views["dask"], views["in-thread"]
    assert [r.symbol for r in dask.rows] == ["AAPL", "IBM"]
    assert scans.rows_json(dask) == scans.rows_json(local)
    assert [f.symbol for f in dask.failures] == ["NOPE"]
