"""One source for names: what Terraform names (from the committed per-environment tfvars) is
what the Helm names files, the chart's defaults and the manifests say.

No cloud account here, so `terraform output` cannot run: the outputs are worked out from the
HCL itself (outputs -> resources -> locals -> tfvars), following each reference, and handed to
scripts/helm_names_from_terraform.py exactly as `terraform output -json` would be.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import hcl2
import pytest
import yaml

from tests.conftest import REPO_ROOT
from tests.infra.conftest import CHART_DIR, INFRA, TERRAFORM_DIR, k8s_objects, run

SCRIPT = REPO_ROOT / "scripts" / "helm_names_from_terraform.py"
ENVIRONMENTS = ("staging", "production")
OPTIONS = hcl2.SerializationOptions(
    strip_string_quotes=True, with_comments=False, explicit_blocks=False
)
NAME_OUTPUTS = (
    "charts_bucket",
    "oss_endpoint",
    "oss_region",
    "tablestore_instance",
    "tablestore_endpoint",
    "pod_ram_role_name",
)


def _load(path: Path) -> dict[str, Any]:
    with path.open() as handle:
        loaded: dict[str, Any] = hcl2.load(handle, serialization_options=OPTIONS)
    return loaded


class _Terraform:
    """Just enough of Terraform's evaluation for the naming expressions, and no more: an
    expression it does not know fails the test, so a new naming rule gets looked at."""

    def __init__(self, tfvars: dict[str, Any]) -> None:
        self.vars = tfvars
        self.locals: dict[str, Any] = {}
        self.resources: dict[str, dict[str, Any]] = {}
        self.outputs: dict[str, Any] = {}
        for path in TERRAFORM_DIR.glob("*.tf"):
            parsed = _load(path)
            for block in parsed.get("locals", []):
                self.locals.update(block)
            for block in parsed.get("resource", []):
                for kind, named in block.items():
                    for name, body in named.items():
                        self.resources[f"{kind}.{name}"] = body
            for block in parsed.get("output", []):
                self.outputs.update({name: body["value"] for name, body in block.items()})

    def reference(self, ref: str) -> str:
        if match := re.fullmatch(r"var\.(\w+)", ref):
            return str(self.vars[match[1]])
        if match := re.fullmatch(r"local\.(\w+)", ref):
            return self.evaluate(self.locals[match[1]])
        if match := re.fullmatch(r"(\w+\.\w+)(?:\[0\])?\.(\w+)", ref):
            return self.evaluate(self.resources[match[1]][match[2]])
        if match := re.fullmatch(r'substr\(replace\((.+), "(.)", "(.)"\), (\d+), (\d+)\)', ref):
            text = self.reference(match[1]).replace(match[2], match[3])
            return text[int(match[4]) : int(match[4]) + int(match[5])]
        if match := re.fullmatch(r"local\.has_oidc \? (.+) : null", ref):
            return self.reference(match[1])  # ACK with RRSA: the case the chart is for
        raise AssertionError(f"the names test cannot evaluate ${{{ref}}}: teach it")

    def evaluate(self, expression: str) -> str:
        return re.sub(r"\$\{([^{}]+)\}", lambda m: self.reference(m[1]), expression)

    def output_json(self) -> dict[str, Any]:
        """What `terraform output -json` prints for the naming outputs."""
        return {
            name: {"sensitive": False, "type": "string", "value": self.evaluate(self.outputs[name])}
            for name in NAME_OUTPUTS
        }


def _tfvars(environment: str) -> dict[str, Any]:
    return _load(TERRAFORM_DIR / "environments" / f"{environment}.tfvars")


def _outputs(environment: str) -> dict[str, Any]:
    return _Terraform(_tfvars(environment)).output_json()


def _script(*args: str, stdin: str) -> tuple[int, str]:
    result = run([sys.executable, SCRIPT, *args], input=stdin, timeout=60)
    return result.returncode, result.stdout + result.stderr


def _effective_config(environment: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """config and serviceAccount as Helm merges them: defaults, names file, environment file."""
    config: dict[str, Any] = {}
    account: dict[str, Any] = {}
    for path in (
        CHART_DIR / "values.yaml",
        INFRA / "helm" / f"names-{environment}.yaml",
        INFRA / "helm" / f"values-{environment}.yaml",
    ):
        values = yaml.safe_load(path.read_text()) or {}
        config.update(values.get("config", {}))
        account.update(values.get("serviceAccount", {}))
    return config, account


def test_terraform_names_the_buckets_after_the_committed_account() -> None:
    outputs = _outputs("production")
    assert outputs["charts_bucket"]["value"] == "financials-prod-charts-1234567890123456"
    assert outputs["tablestore_instance"]["value"] == "financials-prod"
    staging = _outputs("staging")
    assert staging["tablestore_instance"]["value"] == "financials-stagi", "16 characters at most"


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_the_committed_helm_names_agree_with_terraform(environment: str) -> None:
    code, output = _script(
        "--environment", environment, "--check", stdin=json.dumps(_outputs(environment))
    )
    assert code == 0, output


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_what_helm_deploys_carries_terraforms_names(environment: str) -> None:
    outputs = {name: body["value"] for name, body in _outputs(environment).items()}
    config, account = _effective_config(environment)
    assert config["FINANCIALS_OSS_BUCKET"] == outputs["charts_bucket"]
    assert config["FINANCIALS_OSS_ENDPOINT"] == outputs["oss_endpoint"]
    assert config["FINANCIALS_OSS_REGION"] == outputs["oss_region"]
    assert config["FINANCIALS_TABLESTORE_INSTANCE"] == outputs["tablestore_instance"]
    assert config["FINANCIALS_TABLESTORE_ENDPOINT"] == outputs["tablestore_endpoint"]
    assert account["ramRoleName"] == outputs["pod_ram_role_name"]


def test_the_manifests_carry_productions_names() -> None:
    outputs = {name: body["value"] for name, body in _outputs("production").items()}
    config = k8s_objects()[("ConfigMap", "financials-config")]["data"]
    assert config["FINANCIALS_OSS_BUCKET"] == outputs["charts_bucket"]
    assert config["FINANCIALS_TABLESTORE_INSTANCE"] == outputs["tablestore_instance"]
    assert config["FINANCIALS_TABLESTORE_ENDPOINT"] == outputs["tablestore_endpoint"]
    assert config["FINANCIALS_OSS_REGION"] == outputs["oss_region"]
    account = k8s_objects()[("ServiceAccount", "financials-backend")]["metadata"]
    role = account["annotations"]["pod-identity.alibabacloud.com/role-name"]
    assert role == outputs["pod_ram_role_name"]


def test_a_renamed_bucket_is_caught_and_the_script_says_what_it_should_be() -> None:
    outputs = _outputs("production")
    outputs["charts_bucket"]["value"] = "financials-prod-charts-6543210987654321"

    code, output = _script("--environment", "production", "--check", stdin=json.dumps(outputs))

    assert code == 1
    assert "disagrees with Terraform" in output
    assert "financials-prod-charts-6543210987654321" in output


def test_the_script_writes_the_names_file_from_the_outputs(tmp_path: Path) -> None:
    outputs = _outputs("staging")
    (tmp_path / "outputs.json").write_text(json.dumps(outputs))
    target = INFRA / "helm" / "names-staging.yaml"
    before = target.read_text()
    try:
        target.unlink()
        code, output = _script(
            "--environment", "staging", "--outputs", str(tmp_path / "outputs.json"), stdin=""
        )
        assert code == 0, output
        assert target.read_text() == before, "regenerating from the same outputs changes nothing"
    finally:
        target.write_text(before)


def test_the_secret_template_names_the_hosts_and_leaves_the_passwords_out() -> None:
    outputs = _outputs("production")
    outputs["redis_host"] = {"value": "r-bp1.redis.rds.aliyuncs.com"}
    outputs["mongodb_replica_set"] = {
        "value": {"name": "mgset-1", "hosts": ["dds-a.mongodb.rds.aliyuncs.com:3717"]}
    }

    code, output = _script(
        "--environment", "production", "--check", "--secret-template", stdin=json.dumps(outputs)
    )

    assert code == 0, output
    assert "REFLEX_REDIS_URL=redis://:<redis_password>@r-bp1.redis.rds.aliyuncs.com:6379/0" in (
        output
    )
    assert "@dds-a.mongodb.rds.aliyuncs.com:3717/admin?replicaSet=mgset-1" in output


def test_bad_outputs_get_a_clear_error_not_a_traceback() -> None:
    code, output = _script("--environment", "staging", "--check", stdin='{"charts_bucket": {}}')
    assert code == 2
    assert "missing" in output
    assert "Traceback" not in output
