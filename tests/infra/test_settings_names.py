"""The deployment's environment names only settings that exist, and sets every required one.

Names are read from the code at test time: FINANCIALS_* from `Settings.model_fields` (more
settings land in parallel; this keeps the ConfigMap honest whenever it runs), REFLEX_* from
Reflex's Config and environment variables, GRANIAN_WORKERS from the Reflex source that reads it.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from typing import Any

import pytest
import reflex.utils.exec as reflex_exec
import yaml
from reflex.config import Config as ReflexConfig
from reflex_base.environment import EnvironmentVariables

from app.config import Settings
from tests.infra.conftest import INFRA, k8s_objects

PREFIX = str(Settings.model_config.get("env_prefix", ""))


def _financials_names() -> set[str]:
    return {f"{PREFIX}{name}".upper() for name in Settings.model_fields}


def _required_names() -> set[str]:
    return {
        f"{PREFIX}{name}".upper()
        for name, field in Settings.model_fields.items()
        if field.is_required()
    }


def _reflex_names() -> set[str]:
    config = {f"REFLEX_{field.name.upper()}" for field in dataclasses.fields(ReflexConfig)}
    environment = {name for name in dir(EnvironmentVariables) if name.startswith("REFLEX_")}
    return config | environment


def _configmap() -> dict[str, str]:
    data: dict[str, str] = k8s_objects()[("ConfigMap", "financials-config")]["data"]
    return data


def _secret_keys() -> set[str]:
    return set(k8s_objects()[("Secret", "financials-secrets")]["stringData"])


def _chart_config(path: str) -> dict[str, Any]:
    values = yaml.safe_load((INFRA / "helm" / path).read_text()) or {}
    config: dict[str, Any] = values.get("config", {})
    return config


def _chart_defaults() -> set[str]:
    return set(_chart_config("financials/values.yaml"))


def _chart_staging() -> set[str]:
    return set(_chart_config("values-staging.yaml"))


def _chart_production() -> set[str]:
    return set(_chart_config("values-production.yaml"))


def _configmap_names() -> set[str]:
    return set(_configmap())


SOURCES: dict[str, Callable[[], set[str]]] = {
    "infra/k8s/configmap.yaml": _configmap_names,
    "infra/k8s/secret.template.yaml": _secret_keys,
    "infra/helm/financials/values.yaml": _chart_defaults,
    "infra/helm/values-staging.yaml": _chart_staging,
    "infra/helm/values-production.yaml": _chart_production,
}


@pytest.mark.parametrize("source", SOURCES)
def test_every_name_is_a_setting_the_app_or_reflex_reads(source: str) -> None:
    names = SOURCES[source]()
    unknown_financials = {
        n for n in names if n.startswith("FINANCIALS_") and n not in _financials_names()
    }
    assert not unknown_financials, (
        f"{source} sets {sorted(unknown_financials)}, which app/config.py does not define"
    )
    unknown_reflex = {n for n in names if n.startswith("REFLEX_") and n not in _reflex_names()}
    assert not unknown_reflex, f"{source} sets {sorted(unknown_reflex)}, unknown to Reflex"
    others = {n for n in names if not n.startswith(("FINANCIALS_", "REFLEX_"))}
    assert others <= {"GRANIAN_WORKERS"}, f"{source} sets unexpected {sorted(others)}"


def test_granian_workers_is_the_variable_this_reflex_reads() -> None:
    assert "GRANIAN_WORKERS" in inspect.getsource(reflex_exec.run_granian_backend_prod)


def test_every_required_setting_is_provided() -> None:
    provided = set(_configmap()) | _secret_keys()
    missing = _required_names() - provided
    assert not missing, f"required settings missing from the ConfigMap and Secret: {missing}"


def test_secrets_are_not_in_the_configmap() -> None:
    secret_fields = {
        f"{PREFIX}{name}".upper()
        for name, field in Settings.model_fields.items()
        if "SecretStr" in str(field.annotation)
    }
    in_config = secret_fields & (set(_configmap()) | set(_chart_config("financials/values.yaml")))
    assert not in_config, f"secret settings belong in the Secret, not the ConfigMap: {in_config}"
    assert "REFLEX_REDIS_URL" not in _configmap(), "the Redis URL carries its password"


def test_production_configuration_is_valid_for_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ConfigMap plus a filled Secret is a configuration `Settings` accepts."""
    for name, value in _configmap().items():
        monkeypatch.setenv(name, value)
    for name in _secret_keys():
        monkeypatch.setenv(name, "x" * 40)
    settings = Settings(_env_file=None)
    assert settings.is_production
    assert settings.oidc_issuer is not None, "production refuses the dev token issuer"
    assert settings.uses_oss, "several replicas need shared image storage"
    assert settings.uses_tablestore
    assert settings.uses_mongodb
    assert settings.json_logs


def test_chart_values_match_the_manifests() -> None:
    assert _chart_config("financials/values.yaml") == _configmap()
