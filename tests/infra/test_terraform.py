"""infra/terraform parses, declares what it uses, and agrees with the app it provisions.

No cloud account here: `terraform validate` and `plan` need the provider and credentials, so
.github/workflows/infra-ci.yml runs `terraform validate`; this checks what can be checked
offline, with the HCL parser.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from unittest.mock import create_autospec

import hcl2
import pytest
from tablestore import OTSClient, SSEKeyType, TableMeta

from app.config import Settings
from integrations.chat_history.tablestore import TablestoreChatHistoryStore
from tests.infra.conftest import TERRAFORM_DIR, WORKFLOWS_DIR, run

TF_FILES = sorted(TERRAFORM_DIR.glob("*.tf"))


OPTIONS = hcl2.SerializationOptions(
    strip_string_quotes=True, with_comments=False, explicit_blocks=False
)


def _parse(path: Path) -> dict[str, Any]:
    with path.open() as handle:
        parsed: dict[str, Any] = hcl2.load(handle, serialization_options=OPTIONS)
    return parsed


def _all() -> dict[str, list[Any]]:
    merged: dict[str, list[Any]] = {}
    for path in TF_FILES:
        for key, value in _parse(path).items():
            if not key.startswith("__"):
                merged.setdefault(key, []).extend(value)
    return merged


def _blocks(kind: str) -> dict[str, Any]:
    """`variable`/`output`/`resource`... blocks by name (resources as type.name)."""
    found: dict[str, Any] = {}
    for block in _all().get(kind, []):
        for name, body in block.items():
            if kind in {"resource", "data"}:
                for inner, inner_body in body.items():
                    found[f"{name}.{inner}"] = inner_body
            else:
                found[name] = body
    return found


@pytest.mark.parametrize(
    "path", [*TF_FILES, *sorted(TERRAFORM_DIR.glob("*.example"))], ids=lambda p: p.name
)
def test_file_parses(path: Path) -> None:
    assert _parse(path), f"{path.name} is empty"


def test_every_variable_is_typed_described_and_used() -> None:
    variables = _blocks("variable")
    source = "\n".join(path.read_text() for path in TF_FILES)
    for name, body in variables.items():
        assert body.get("description"), f"variable {name} needs a description"
        assert body.get("type"), f"variable {name} needs a type"
        used_here = re.search(rf"\bvar\.{name}\b", source)
        assert used_here, f"variable {name} is declared but never used"
    used = set(re.findall(r"\bvar\.([a-z0-9_]+)", source))
    assert used <= variables.keys(), f"undeclared variables: {sorted(used - variables.keys())}"


def test_every_output_is_described() -> None:
    for name, body in _blocks("output").items():
        assert body.get("description"), f"output {name} needs a description"


def test_secrets_are_variables_marked_sensitive_without_defaults() -> None:
    variables = _blocks("variable")
    for name in ("redis_password", "mongodb_password"):
        assert variables[name].get("sensitive") is True
        assert "default" not in variables[name], f"{name} must be passed, never defaulted"
    assert _blocks("output")["app_access_key_secret"].get("sensitive") is True


def test_provider_is_pinned_to_a_major_version() -> None:
    providers = _all()["terraform"][0]["required_providers"][0]["alicloud"]
    assert providers["source"] == "aliyun/alicloud"
    assert "< 2.0.0" in providers["version"]


def test_data_services_admit_only_the_vpc() -> None:
    resources = _blocks("resource")
    redis = resources["alicloud_kvstore_instance.sessions"]
    mongo = resources["alicloud_mongodb_instance.records"]
    assert redis["security_ips"] == ["${var.vpc_cidr}"]
    assert mongo["security_ip_list"] == ["${var.vpc_cidr}"]
    assert resources["alicloud_ots_instance.main"]["accessed_by"] == "Vpc"


def test_buckets_are_private() -> None:
    resources = _blocks("resource")
    acl = resources["alicloud_oss_bucket_acl.private"]
    assert acl["acl"] == "private"
    block = resources["alicloud_oss_bucket_public_access_block.private"]
    assert block["block_public_access"] is True
    buckets = {k for k in resources if k.startswith("alicloud_oss_bucket.")}
    assert set(re.findall(r"alicloud_oss_bucket\.(\w+)\.bucket", str(acl["for_each"]))) == {
        name.split(".")[1] for name in buckets
    }


def _app_tablestore_schemas() -> dict[str, list[tuple[Any, ...]]]:
    """The tables the app creates on start, captured from a client that has none yet."""
    client = create_autospec(OTSClient, instance=True)
    client.list_table.return_value = []
    prefix = Settings.model_fields["tablestore_table_prefix"].default
    store = TablestoreChatHistoryStore(client, table_prefix=prefix)
    store._ensure_tables()
    schemas: dict[str, list[tuple[Any, ...]]] = {}
    for call in client.create_table.call_args_list:
        meta: TableMeta = call.args[0]
        schemas[meta.table_name] = list(meta.schema_of_primary_key)
    return schemas


def test_terraform_tables_have_the_schema_the_app_creates() -> None:
    app_tables = _app_tablestore_schemas()
    prefix_default = _blocks("variable")["tablestore_table_prefix"]["default"]
    assert prefix_default == Settings.model_fields["tablestore_table_prefix"].default
    declared = {
        body["table_name"].replace("${var.tablestore_table_prefix}", prefix_default): body
        for key, body in _blocks("resource").items()
        if key.startswith("alicloud_ots_table.")
    }
    assert declared, "terraform declares no Tablestore table"
    for name, body in declared.items():
        expected = [(column[0], column[1].capitalize()) for column in app_tables[name]]
        assert [(pk["name"], pk["type"]) for pk in body["primary_key"]] == expected, name
        assert body["max_version"] == 1
    # The tables left to the app are exactly those with an auto-increment key, which
    # alicloud_ots_table cannot declare.
    left_to_app = set(app_tables) - set(declared)
    assert all(len(app_tables[name][-1]) == 3 for name in left_to_app), left_to_app


def test_the_app_role_may_touch_only_its_own_tables_and_bucket() -> None:
    policy = _blocks("data")["alicloud_ram_policy_document.app"]
    for statement in policy["statement"]:
        assert statement["effect"] == "Allow"
        for action in statement["action"]:
            assert not action.endswith("*"), f"wildcard action {action}"
        for resource in statement["resource"]:
            assert resource != "*", "a grant on every resource"
            assert (
                "alicloud_oss_bucket.charts" in resource
                or "alicloud_ots_instance.main" in resource
                or "alicloud_kms_key.storage" in resource
            ), resource


def test_terraform_fmt_is_clean() -> None:
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.skip(
            "terraform is not installed (no package registry here ships it): infra-ci runs "
            "`terraform fmt -check -recursive` with the version it pins"
        )
    result = run([terraform, "fmt", "-check", "-diff", "-recursive", TERRAFORM_DIR])
    assert result.returncode == 0, (
        f"run `terraform fmt -recursive infra/terraform`:\n{result.stdout}"
    )


def test_the_workflow_pins_the_terraform_version_it_formats_with() -> None:
    workflow = (WORKFLOWS_DIR / "infra-ci.yml").read_text()
    pinned = re.findall(r'terraform_version: "(\d+\.\d+\.\d+)"', workflow)
    assert len(pinned) == 1, "infra-ci must pin one exact terraform version"
    assert "terraform fmt -check -diff -recursive" in workflow
    terraform = shutil.which("terraform")
    if terraform is not None:
        version = run([terraform, "version"]).stdout.split()[1].lstrip("v")
        major_minor = version.rsplit(".", 1)[0]
        assert pinned[0].startswith(major_minor), (
            f"CI pins {pinned[0]} but {version} formats here: fmt rules may differ"
        )


def _app_tablestore_encryption() -> dict[str, Any]:
    client = create_autospec(OTSClient, instance=True)
    client.list_table.return_value = []
    TablestoreChatHistoryStore(client, table_prefix="p_")._ensure_tables()
    return {
        call.args[0].table_name: call.kwargs["sse_spec"]
        for call in client.create_table.call_args_list
    }


def test_the_app_encrypts_its_tables_as_terraform_encrypts_its_own() -> None:
    declared = [b for k, b in _blocks("resource").items() if k.startswith("alicloud_ots_table.")]
    kinds = {(body["enable_sse"], body["sse_key_type"]) for body in declared}
    assert kinds == {(True, "SSE_KMS_SERVICE")}
    for name, sse in _app_tablestore_encryption().items():
        assert sse.enable is True, name
        assert sse.key_type == SSEKeyType.SSE_KMS_SERVICE, name


def test_the_static_key_user_is_an_explicit_opt_in() -> None:
    assert _blocks("variable")["create_app_access_key"]["default"] is False
    resources = _blocks("resource")
    static = [
        key for key in resources if key.startswith(("alicloud_ram_user", "alicloud_ram_access_key"))
    ]
    assert static, "the opt-in resources are declared"
    for key in static:
        assert resources[key]["count"] == "${var.create_app_access_key ? 1 : 0}", key
    role = resources["alicloud_ram_role_policy_attachment.pods"]
    assert role["policy_name"] == "${alicloud_ram_policy.app.policy_name}", "RRSA gets the grant"
