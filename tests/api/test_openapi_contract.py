"""Schemathesis against our own OpenAPI document, over HTTP to a real server process: no
input it can generate gets a 5xx, and no response breaks the documented schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.config import Settings
from app.wiring import dev_issuer
from tests.support.api_server import RunningServer, api_server

EXAMPLES_PER_OPERATION = 25


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    data_dir = tmp_path_factory.mktemp("schemathesis") / "data"
    # A generous limit: the contract run is a burst of requests from one caller.
    with api_server(data_dir, rate_limit_per_minute="100000", rate_limit_burst="100000") as up:
        yield up


@pytest.fixture(scope="module")
def token(server: RunningServer) -> str:
    issuer = dev_issuer(Settings(_env_file=None, data_dir=server.data_dir))
    return issuer.mint("schemathesis", ["charts:read", "charts:write"])


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_no_input_breaks_the_api_or_its_schema(server: RunningServer, token: str) -> None:
    schema = schemathesis.openapi.from_url(f"{server.url}/api/openapi.json")
    headers = {"Authorization": f"Bearer {token}"}
    failures: list[str] = []
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"our own schema does not load: {result}"
        operations.append(result.ok())
    assert len(operations) >= 8, "the whole API is under test"
    for operation in operations:

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def call(case: Case[Any]) -> None:
            case.call_and_validate(base_url=server.url, headers=headers, checks=CHECKS)

        try:
            call()
        except Exception as exc:
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)


def test_the_server_log_has_no_tracebacks(server: RunningServer) -> None:
    assert "Traceback" not in Path(server.log).read_text()
