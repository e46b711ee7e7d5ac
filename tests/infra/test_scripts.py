"""infra/scripts: shellcheck-clean, self-documenting, and doing the right thing in a dry run
(DRY_RUN=1 prints each command instead of running it: no Docker, cloud or cluster needed)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.infra.conftest import INFRA, run, tool

SCRIPTS_DIR = INFRA / "scripts"
SCRIPTS = sorted(p for p in SCRIPTS_DIR.glob("*.sh") if p.name != "lib.sh")
REQUIRED = {
    "build_and_push_backend.sh": {"ACR_REGISTRY", "ACR_NAMESPACE"},
    "build_and_push_frontend.sh": {"REFLEX_API_URL", "SITE_BUCKET", "SITE_DOMAIN", "OSS_REGION"},
    "deploy_helm.sh": {"IMAGE"},
    "install_cli_tools.sh": {"OSSUTIL_SHA256", "ALIYUN_CLI_SHA256"},
}
DIGEST = "sha256:" + "0" * 64


def _run(script: str, *args: str, **env: str) -> tuple[int, str]:
    clean = dict.fromkeys(set().union(*REQUIRED.values()), "")
    result = run([SCRIPTS_DIR / script, *args], env={**clean, **env}, timeout=60)
    return result.returncode, result.stdout + result.stderr


def test_scripts_pass_shellcheck() -> None:
    result = run([tool("shellcheck"), "-x", *SCRIPTS_DIR.glob("*.sh")], cwd=SCRIPTS_DIR)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_script_is_covered_here() -> None:
    assert {p.name for p in SCRIPTS} == set(REQUIRED)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_is_executable_strict_and_documents_itself(script: Path) -> None:
    assert os.access(script, os.X_OK), f"chmod +x {script.name}"
    assert "set -euo pipefail" in script.read_text()
    code, output = _run(script.name, "--help")
    assert code == 0, output
    assert "Environment:" in output
    for name in REQUIRED[script.name]:
        assert name in output, f"--help does not explain {name}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_names_every_missing_variable(script: Path) -> None:
    code, output = _run(script.name, DRY_RUN="1")
    assert code == 2, output
    for name in REQUIRED[script.name]:
        assert name in output


def test_backend_build_targets_the_runtime_image_and_prints_a_digest_reference() -> None:
    code, output = _run(
        "build_and_push_backend.sh",
        DRY_RUN="1",
        ACR_REGISTRY="registry.cn-hangzhou.aliyuncs.com",
        ACR_NAMESPACE="financials",
        IMAGE_TAG="1.2.3",
    )
    assert code == 0, output
    assert "docker buildx build" in output
    assert "--target runtime" in output
    assert "infra/docker/Dockerfile" in output
    assert "--push" in output
    assert "registry.cn-hangzhou.aliyuncs.com/financials/financials-backend:1.2.3" in output
    assert (
        output.strip()
        .splitlines()[-1]
        .startswith("registry.cn-hangzhou.aliyuncs.com/financials/financials-backend@sha256:")
    )


def test_frontend_publish_bakes_the_api_url_uploads_and_refreshes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    for name in ("index.html", "index.html.gz", "404.html", "assets/app-1a2b.js"):
        (site / name).write_text("x")
    code, output = _run(
        "build_and_push_frontend.sh",
        DRY_RUN="1",
        OUT_DIR=str(site),
        REFLEX_API_URL="https://api.example.com",
        SITE_BUCKET="site-bucket",
        SITE_DOMAIN="www.example.com",
        OSS_REGION="cn-hangzhou",
    )
    assert code == 0, output
    assert "--target site" in output
    assert "--sign-version v4 --region cn-hangzhou" in output
    assert "REFLEX_API_URL=https://api.example.com" in output
    assert "oss://site-bucket/assets/" in output
    assert "immutable" in output
    assert "oss://site-bucket/index.html" in output
    assert "no-cache" in output
    assert "index.html.gz" not in output, "precompressed copies stay behind"
    assert "RefreshObjectCaches" in output
    assert "https://www.example.com/" in output


def test_frontend_publish_refuses_a_plain_http_api_url() -> None:
    code, output = _run(
        "build_and_push_frontend.sh",
        DRY_RUN="1",
        REFLEX_API_URL="http://api.example.com",
        SITE_BUCKET="b",
        SITE_DOMAIN="www.example.com",
        OSS_REGION="cn-hangzhou",
    )
    assert code == 2
    assert "https" in output


def test_deploy_refuses_an_image_without_a_digest() -> None:
    code, output = _run("deploy_helm.sh", DRY_RUN="1", IMAGE="registry/x/financials:latest")
    assert code == 2
    assert "digest" in output


def test_deploy_pins_the_digest_and_waits_for_the_rollout() -> None:
    image = f"registry.cn-hangzhou.aliyuncs.com/financials/financials-backend@{DIGEST}"
    code, output = _run(
        "deploy_helm.sh",
        DRY_RUN="1",
        IMAGE=image,
        NAMES_FILE="infra/helm/names-staging.yaml",
        VALUES_FILE="infra/helm/values-staging.yaml",
    )
    assert code == 0, output
    assert "helm upgrade --install financials" in output
    assert f"image.digest={DIGEST}" in output
    assert "image.repository=registry.cn-hangzhou.aliyuncs.com/financials/financials-backend" in (
        output
    )
    assert "--atomic" in output
    assert "--wait" in output
    assert "--values infra/helm/names-staging.yaml --values infra/helm/values-staging.yaml" in (
        output
    ), "Terraform's names first, the environment's own values over them"
    assert "pod-identity.alibabacloud.com/injection=on" in output
    assert "rollout status deployment/financials-backend" in output


def test_installers_refuse_a_download_whose_checksum_differs(tmp_path: Path) -> None:
    missing = [cmd for cmd in ("curl", "unzip", "sha256sum") if shutil.which(cmd) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed: the installer needs them")
    releases = tmp_path / "releases"
    for path in (
        "ossutil/releases/download/v1.7.19/ossutil-v1.7.19-linux-amd64.zip",
        "aliyun-cli/releases/download/v3.0.277/aliyun-cli-linux-3.0.277-amd64.tgz",
    ):
        (releases / path).parent.mkdir(parents=True)
        (releases / path).write_bytes(b"a file someone swapped")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()

    code, output = _run(
        "install_cli_tools.sh",
        OSSUTIL_SHA256="0" * 64,
        ALIYUN_CLI_SHA256="0" * 64,
        DOWNLOAD_BASE=releases.as_uri(),
        BIN_DIR=str(bin_dir),
    )

    assert code == 3, output
    assert "does not match its pinned SHA-256" in output
    assert not list(bin_dir.iterdir()), "nothing installed"
