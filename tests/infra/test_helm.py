"""infra/helm/financials renders (with Helm's own library, offline) to valid objects: the same
ones as infra/k8s with the default values, and the right ones for each option."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.infra.conftest import (
    INFRA,
    KUBERNETES_VERSIONS,
    Manifest,
    by_kind_and_name,
    k8s_objects,
    render_chart,
    validate_object,
)

VARIANTS: dict[str, dict[str, Any]] = {
    "defaults": {},
    "staging": {"__file__": "values-staging.yaml"},
    "production": {"__file__": "values-production.yaml"},
    "digest-without-autoscaling": {
        "image": {"digest": "sha256:" + "a" * 64},
        "autoscaling": {"enabled": False},
        "replicaCount": 3,
    },
    "everything-optional": {
        "namespace": {"create": True},
        "deployerRbac": {
            "create": True,
            "subjects": [
                {"kind": "User", "name": "2000000000", "apiGroup": "rbac.authorization.k8s.io"}
            ],
        },
        "imagePullSecrets": [{"name": "acr"}],
        "nodeSelector": {"workload": "web"},
    },
    "dask": {"dask": {"enabled": True}},
    "everything-off": {
        "ingress": {"enabled": False},
        "autoscaling": {"enabled": False},
        "podDisruptionBudget": {"enabled": False},
        "networkPolicy": {"enabled": False},
        "serviceAccount": {"create": False, "name": "existing"},
    },
}


def _values(variant: str) -> dict[str, Any]:
    values = dict(VARIANTS[variant])
    if "__file__" in values:
        loaded: dict[str, Any] = yaml.safe_load((INFRA / "helm" / values["__file__"]).read_text())
        return loaded
    return values


_RENDERED: dict[str, list[Manifest]] = {}


def _render(variant: str) -> list[Manifest]:
    if variant not in _RENDERED:
        _RENDERED[variant] = render_chart(_values(variant))
    return _RENDERED[variant]


@pytest.mark.parametrize("variant", VARIANTS)
def test_chart_renders_objects_valid_against_the_kubernetes_schema(variant: str) -> None:
    documents = _render(variant)
    assert documents
    for version in KUBERNETES_VERSIONS:
        for doc in documents:
            validate_object(doc, version)


def test_defaults_render_the_same_objects_as_the_manifests() -> None:
    rendered = by_kind_and_name(_render("defaults"))
    manifests = {
        key: doc
        for key, doc in k8s_objects().items()
        # Made outside the chart: the namespace (labels, before the release), the Secret
        # (never in a chart), the deployer Role (by an admin, once).
        if key[0] not in {"Namespace", "Secret", "Role", "RoleBinding"}
    }
    assert rendered.keys() == manifests.keys()
    for key, manifest in manifests.items():
        chart = rendered[key]
        assert chart["apiVersion"] == manifest["apiVersion"], key
        if key[0] == "ConfigMap":
            assert chart["data"] == manifest["data"]
        elif key[0] == "Deployment":
            _assert_same_pod(chart, manifest)
        else:
            body = {k: v for k, v in chart.items() if k != "metadata"}
            expected = {k: v for k, v in manifest.items() if k != "metadata"}
            assert _without_labels(body) == _without_labels(expected), key
        assert chart["metadata"].get("annotations") == manifest["metadata"].get("annotations")


RELEASE_LABELS = {
    "helm.sh/chart",
    "app.kubernetes.io/instance",
    "app.kubernetes.io/managed-by",
    "app.kubernetes.io/version",
}


def _without_labels(value: Any) -> Any:
    """Helm adds release labels to every object; the rest must be identical."""
    if isinstance(value, dict):
        return {k: _without_labels(v) for k, v in value.items() if k not in RELEASE_LABELS}
    if isinstance(value, list):
        return [_without_labels(item) for item in value]
    return value


def _assert_same_pod(chart: Manifest, manifest: Manifest) -> None:
    chart_pod = chart["spec"]["template"]["spec"]
    manifest_pod = manifest["spec"]["template"]["spec"]
    for field in ("securityContext", "serviceAccountName", "automountServiceAccountToken"):
        assert chart_pod[field] == manifest_pod[field], field
    chart_container, manifest_container = chart_pod["containers"][0], manifest_pod["containers"][0]
    for field in (
        "ports",
        "env",
        "envFrom",
        "resources",
        "securityContext",
        "startupProbe",
        "livenessProbe",
        "readinessProbe",
        "lifecycle",
        "imagePullPolicy",
    ):
        assert chart_container[field] == manifest_container[field], field
    mounts = {m["mountPath"]: m.get("readOnly", False) for m in chart_container["volumeMounts"]}
    assert mounts == {
        m["mountPath"]: m.get("readOnly", False) for m in manifest_container["volumeMounts"]
    }
    assert sorted(chart_pod["volumes"], key=lambda v: v["name"]) == sorted(
        manifest_pod["volumes"], key=lambda v: v["name"]
    )
    assert chart["spec"]["template"]["metadata"]["annotations"].items() >= (
        manifest["spec"]["template"]["metadata"]["annotations"].items()
    )


def _kinds(variant: str) -> set[str]:
    return {doc["kind"] for doc in _render(variant)}


def test_image_digest_pins_the_image_and_autoscaling_off_sets_replicas() -> None:
    rendered = by_kind_and_name(_render("digest-without-autoscaling"))
    deployment = rendered[("Deployment", "financials-backend")]
    image = deployment["spec"]["template"]["spec"]["containers"][0]["image"]
    assert image.endswith("@sha256:" + "a" * 64)
    assert deployment["spec"]["replicas"] == 3
    assert "HorizontalPodAutoscaler" not in _kinds("digest-without-autoscaling")


def test_with_autoscaling_the_hpa_owns_the_replica_count() -> None:
    deployment = by_kind_and_name(_render("defaults"))[("Deployment", "financials-backend")]
    assert "replicas" not in deployment["spec"], "a fixed count would fight the autoscaler"


def test_optional_objects_appear_only_when_asked() -> None:
    assert {"Namespace", "Role", "RoleBinding"} <= _kinds("everything-optional")
    assert not {"Namespace", "Role", "RoleBinding"} & _kinds("defaults")
    off = _kinds("everything-off")
    assert not {"Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget"} & off
    assert not {"NetworkPolicy", "ServiceAccount"} & off
    deployment = by_kind_and_name(_render("everything-off"))[("Deployment", "financials-backend")]
    assert deployment["spec"]["template"]["spec"]["serviceAccountName"] == "existing"


def test_environment_values_change_only_what_they_name() -> None:
    staging = by_kind_and_name(_render("staging"))
    config = staging[("ConfigMap", "financials-config")]["data"]
    assert config["REFLEX_API_URL"].startswith("https://api.staging.")
    assert config["FINANCIALS_ENV"] == "production", "staging runs the production code paths"
    ingress = staging[("Ingress", "financials-backend")]
    assert ingress["spec"]["rules"][0]["host"] == config["REFLEX_API_URL"].removeprefix("https://")
    production = by_kind_and_name(_render("production"))
    hpa = production[("HorizontalPodAutoscaler", "financials-backend")]["spec"]
    pdb = production[("PodDisruptionBudget", "financials-backend")]["spec"]
    assert pdb["minAvailable"] < hpa["minReplicas"]


def test_settings_change_rolls_the_pods() -> None:
    def checksum(values: dict[str, Any]) -> str:
        rendered = by_kind_and_name(render_chart(values))
        pod = rendered[("Deployment", "financials-backend")]["spec"]["template"]
        annotation: str = pod["metadata"]["annotations"]["checksum/config"]
        return annotation

    assert checksum({}) != checksum({"config": {"FINANCIALS_LOG_LEVEL": "DEBUG"}})


DASHSCOPE_KEY_REF = {
    "name": "FINANCIALS_DASHSCOPE_API_KEY",
    "valueFrom": {
        "secretKeyRef": {
            "name": "financials-secrets",
            "key": "FINANCIALS_DASHSCOPE_API_KEY",
            "optional": True,
        }
    },
}


@pytest.mark.parametrize("variant", ["defaults", "staging", "production"])
def test_the_dashscope_key_comes_from_the_secret_by_reference(variant: str) -> None:
    rendered = by_kind_and_name(_render(variant))
    container = rendered[("Deployment", "financials-backend")]["spec"]["template"]["spec"][
        "containers"
    ][0]
    assert DASHSCOPE_KEY_REF in container["env"]
    config = rendered[("ConfigMap", "financials-config")]["data"]
    assert "FINANCIALS_DASHSCOPE_API_KEY" not in config, "a key is never a plain value"


def test_the_dashscope_key_reference_follows_the_values() -> None:
    values = {"ai": {"apiKeySecretRef": {"name": "ai-keys", "key": "qwen", "optional": False}}}
    rendered = by_kind_and_name(render_chart(values))
    container = rendered[("Deployment", "financials-backend")]["spec"]["template"]["spec"][
        "containers"
    ][0]
    reference = container["env"][0]["valueFrom"]["secretKeyRef"]
    assert reference == {"name": "ai-keys", "key": "qwen", "optional": False}


def test_the_hpa_scales_on_cpu_and_requests_in_flight_unless_told_cpu_alone() -> None:
    def metrics(values: dict[str, Any]) -> list[str]:
        hpa = by_kind_and_name(render_chart(values))[
            ("HorizontalPodAutoscaler", "financials-backend")
        ]
        return [m["type"] for m in hpa["spec"]["metrics"]]

    assert metrics({}) == ["Resource", "Pods"]
    assert metrics({"autoscaling": {"inFlightRequestsPerPod": 0}}) == ["Resource"]
