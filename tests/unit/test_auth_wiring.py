"""Which issuer verifies tokens, and the dev issuer's command-line tokens."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.config import ConfigurationError, get_settings
from app.wiring.auth import build_auth, dev_issuer

runner = CliRunner()


def test_production_refuses_the_dev_issuer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_ENV", "production")
    get_settings.cache_clear()
    with pytest.raises(ConfigurationError, match="FINANCIALS_OIDC_ISSUER must be set"):
        dev_issuer(get_settings())


def test_cli_token_is_accepted_by_the_apps_verifier() -> None:
    result = runner.invoke(cli, ["token", "--sub", "alice", "--scope", "charts:read"])
    assert result.exit_code == 0, result.output

    async def verify() -> tuple[str, frozenset[str]]:
        async with httpx.AsyncClient() as http:
            principal = await build_auth(get_settings(), http).verifier.verify(
                result.stdout.strip()
            )
            return principal.sub, principal.scopes

    assert asyncio.run(verify()) == ("alice", frozenset({"charts:read"}))


def test_cli_token_refuses_unknown_scopes() -> None:
    result = runner.invoke(cli, ["token", "--scope", "charts:read admin"])
    assert result.exit_code == 2
    assert "unknown scope(s) admin" in result.stderr


def test_cli_token_refuses_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCIALS_ENV", "production")
    get_settings.cache_clear()
    result = runner.invoke(cli, ["token"])
    assert result.exit_code == 2
    assert "FINANCIALS_OIDC_ISSUER must be set" in result.stderr
