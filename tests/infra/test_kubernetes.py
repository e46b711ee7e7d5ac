"""infra/k8s: valid against the Kubernetes schemas, and consistent with the app it runs.

The consistency checks ask the code rather than repeat it: probe paths are routes the API
serves, writable volumes cover every path the image tells the app to write, the ingress
routes Reflex's endpoints and keeps /metrics private.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from app.api.main import create_api
from tests.infra.conftest import (
    DOCKERFILE,
    K8S_DASK_DIR,
    K8S_DIR,
    KUBERNETES_VERSIONS,
    Manifest,
    k8s_manifest_files,
    k8s_objects,
    run,
    tool,
    validate_object,
)


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize(
    "path",
    [*k8s_manifest_files(), *k8s_manifest_files(K8S_DASK_DIR)],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_manifest_is_valid_against_the_kubernetes_schema(path: Any, version: str) -> None:
    with path.open() as handle:
        documents = [doc for doc in yaml.safe_load_all(handle) if doc]
    assert documents, f"{path.name} holds no object"
    for doc in documents:
        validate_object(doc, version)


def test_kustomization_lists_every_manifest_but_the_secret_template() -> None:
    kustomization = yaml.safe_load((K8S_DIR / "kustomization.yaml").read_text())
    listed = set(kustomization["resources"])
    files = {path.name for path in k8s_manifest_files()}
    assert listed == files - {"secret.template.yaml"}, (
        "kustomization.yaml must apply every manifest, and never the Secret template (applying "
        "it would blank the live secret)"
    )


def test_kustomize_builds_the_manifests() -> None:
    result = run([tool("kubectl"), "kustomize", K8S_DIR], timeout=60)
    assert result.returncode == 0, result.stderr
    documents = [doc for doc in yaml.safe_load_all(result.stdout) if doc]
    kinds = {doc["kind"] for doc in documents}
    assert "Secret" not in kinds
    assert {"Deployment", "Service", "Ingress", "HorizontalPodAutoscaler"} <= kinds
    deployment = next(doc for doc in documents if doc["kind"] == "Deployment")
    env = deployment["spec"]["template"]["spec"]["containers"][0]["env"]
    ai_key = next(item for item in env if item["name"] == "FINANCIALS_DASHSCOPE_API_KEY")
    assert ai_key["valueFrom"]["secretKeyRef"] == {
        "name": "financials-secrets",
        "key": "FINANCIALS_DASHSCOPE_API_KEY",
        "optional": True,
    }, "the AI key reaches the pod by reference to the Secret"
    template = k8s_objects()[("Secret", "financials-secrets")]["stringData"]
    assert "FINANCIALS_DASHSCOPE_API_KEY" in template


def _deployment() -> Manifest:
    return k8s_objects()[("Deployment", "financials-backend")]


def _container() -> Manifest:
    containers: list[Manifest] = _deployment()["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    return containers[0]


def _api_paths() -> set[str]:
    return set(create_api().openapi()["paths"])


def test_probes_call_routes_the_api_serves() -> None:
    container = _container()
    paths = _api_paths()
    liveness = container["livenessProbe"]["httpGet"]["path"]
    readiness = container["readinessProbe"]["httpGet"]["path"]
    assert liveness == "/api/health"
    assert liveness in paths
    assert readiness == "/api/health/ready"
    assert readiness in paths
    assert container["startupProbe"]["httpGet"]["path"] in paths


def _dockerfile_runtime_env() -> dict[str, str]:
    """ENV of the Dockerfile's last stage (the runtime image)."""
    runtime = DOCKERFILE.read_text().split("AS runtime", 1)[1]
    env: dict[str, str] = {}
    for block in re.findall(r"^ENV (.*?)(?<!\\)$", runtime, flags=re.M | re.S):
        for name, value in re.findall(r"([A-Z_][A-Z0-9_]*)=(\S+)", block):
            env[name] = value
    return env


def test_every_path_the_app_writes_is_a_writable_volume_under_a_read_only_root() -> None:
    container = _container()
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    volumes = {v["name"]: v for v in _deployment()["spec"]["template"]["spec"]["volumes"]}
    writable = {
        mount["mountPath"]
        for mount in container["volumeMounts"]
        if "emptyDir" in volumes[mount["name"]] and not mount.get("readOnly", False)
    }
    config = k8s_objects()[("ConfigMap", "financials-config")]["data"]
    image_env = _dockerfile_runtime_env()
    # What a backend-only production run writes (measured: data/, .web/backend/,
    # .states/), the workers' Prometheus files, and temporary files.
    needed = {
        config["FINANCIALS_DATA_DIR"],
        "/app/.web",
        "/app/.states",
        image_env["PROMETHEUS_MULTIPROC_DIR"],
        "/tmp",  # the container's own /tmp, an emptyDir
    }
    assert needed <= writable, f"not writable: {sorted(needed - writable)}"


def test_pods_run_as_the_images_non_root_user_with_nothing_extra() -> None:
    pod = _deployment()["spec"]["template"]["spec"]
    user = re.search(r"^USER (\d+):(\d+)$", DOCKERFILE.read_text(), flags=re.M)
    assert user is not None, "the runtime image must name a numeric user"
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == int(user.group(1))
    assert pod["automountServiceAccountToken"] is False
    context = _container()["securityContext"]
    assert context["allowPrivilegeEscalation"] is False
    assert context["capabilities"]["drop"] == ["ALL"]


def test_the_container_port_is_the_one_the_image_serves() -> None:
    exposed = re.findall(r"^EXPOSE (\d+)", DOCKERFILE.read_text(), flags=re.M)
    ports = {p["name"]: p["containerPort"] for p in _container()["ports"]}
    assert [str(ports["http"])] == exposed
    service = k8s_objects()[("Service", "financials-backend")]
    assert service["spec"]["ports"][0]["targetPort"] == "http"
    assert service["spec"]["selector"].items() <= (
        _deployment()["spec"]["template"]["metadata"]["labels"].items()
    )


def test_granian_workers_are_pinned_and_share_state_through_redis() -> None:
    config = k8s_objects()[("ConfigMap", "financials-config")]["data"]
    secret = k8s_objects()[("Secret", "financials-secrets")]["stringData"]
    workers = int(config["GRANIAN_WORKERS"])
    assert workers >= 1
    limit = _container()["resources"]["limits"]["cpu"]
    assert workers <= int(float(limit)) + 1, "more workers than the CPU limit can run"
    if workers > 1:
        assert "REFLEX_REDIS_URL" in secret, "more than one worker needs Reflex state in Redis"


def _ingress_paths() -> dict[str, tuple[str, Manifest]]:
    paths: dict[str, tuple[str, Manifest]] = {}
    for (kind, name), doc in k8s_objects().items():
        if kind != "Ingress":
            continue
        for rule in doc["spec"]["rules"]:
            for entry in rule["http"]["paths"]:
                paths[entry["path"]] = (name, doc)
    return paths


def test_ingress_routes_the_api_and_reflex_but_not_metrics() -> None:
    paths = _ingress_paths()
    # The exported frontend calls these on REFLEX_API_URL (see .web/env.json after an export).
    assert {"/api", "/_event", "/_upload", "/ping"} <= paths.keys()
    assert "/metrics" not in paths
    assert "/" not in paths


def test_event_websocket_gets_long_proxy_timeouts() -> None:
    _, events = _ingress_paths()["/_event"]
    annotations = events["metadata"]["annotations"]
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"]) >= 3600
    _, api = _ingress_paths()["/api"]
    assert api is not events, "only the websocket route should keep idle connections an hour"


def test_autoscaler_pdb_and_network_policy_target_the_backend_pods() -> None:
    objects = k8s_objects()
    labels = _deployment()["spec"]["template"]["metadata"]["labels"]
    hpa = objects[("HorizontalPodAutoscaler", "financials-backend")]["spec"]
    assert hpa["scaleTargetRef"]["name"] == "financials-backend"
    assert hpa["minReplicas"] >= 2, "one pod is a single point of failure"
    assert hpa["metrics"][0]["resource"]["name"] == "cpu"
    pdb = objects[("PodDisruptionBudget", "financials-backend")]["spec"]
    assert pdb["selector"]["matchLabels"].items() <= labels.items()
    assert pdb["minAvailable"] < hpa["minReplicas"], "the PDB must let nodes drain"
    policy = objects[("NetworkPolicy", "financials-backend")]["spec"]
    assert policy["podSelector"]["matchLabels"].items() <= labels.items()
    ingress_ports = {p["port"] for rule in policy["ingress"] for p in rule["ports"]}
    assert ingress_ports == {_container()["ports"][0]["containerPort"]}


def test_service_account_carries_the_rrsa_role_and_no_token() -> None:
    account = k8s_objects()[("ServiceAccount", "financials-backend")]
    assert account["automountServiceAccountToken"] is False
    assert account["metadata"]["annotations"]["pod-identity.alibabacloud.com/role-name"]
    namespace = k8s_objects()[("Namespace", "financials")]["metadata"]["labels"]
    assert namespace["pod-identity.alibabacloud.com/injection"] == "on"
    assert namespace["pod-security.kubernetes.io/enforce"] == "restricted"


def test_deployer_role_cannot_grant_itself_more() -> None:
    role = k8s_objects()[("Role", "financials-deployer")]
    for rule in role["rules"]:
        assert "rbac.authorization.k8s.io" not in rule["apiGroups"]
        assert not {"bind", "escalate", "impersonate", "*"} & set(rule["verbs"])
        assert "*" not in rule["resources"]
