"""What a client meets off the beaten path: undeclared methods, unknown paths, the document."""

from __future__ import annotations

import httpx
import pytest

from tests.api.conftest import Started


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("TRACE", "/api/health", "GET"),
        ("DELETE", "/api/health/ready", "GET"),
        ("GET", "/api/charts/fibonacci", "POST"),
        ("TRACE", "/api/files/charts/x/y.png", "GET"),
        ("PUT", "/api/auth/dev-login", "GET, POST"),
    ],
)
async def test_an_undeclared_method_is_405_with_allow(
    client: httpx.AsyncClient, method: str, path: str, allow: str
) -> None:
    response = await client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    assert response.headers["content-type"] == "application/problem+json"
    assert f"use {allow}" in response.json()["detail"]
    assert response.headers["x-request-id"], "it went through the request middleware"


@pytest.mark.parametrize("method", ["GET", "TRACE", "POST"])
async def test_an_unknown_api_path_is_a_404_problem(client: httpx.AsyncClient, method: str) -> None:
    response = await client.request(method, "/api/no/such/thing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "/api/no/such/thing" in response.json()["detail"]


async def test_an_unknown_symbol_is_404_for_quotes_too(
    client: httpx.AsyncClient, started: Started
) -> None:
    response = await client.get("/api/market/TSLA/quote", headers=started.headers())
    assert response.status_code == 404
    assert "AAPL, FB, GOOG, IBM, MSFT" in response.json()["detail"]


async def test_the_document_describes_errors_as_problems(client: httpx.AsyncClient) -> None:
    document = (await client.get("/api/openapi.json")).json()
    problem = {"$ref": "#/components/schemas/Problem"}
    for path, item in document["paths"].items():
        if path == "/api/health/ready":
            continue  # its 503 is the readiness report itself, which says what is down
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if status >= "400":
                    content = response["content"]
                    assert content == {"application/problem+json": {"schema": problem}}, (
                        method,
                        path,
                        status,
                    )
    assert "HTTPValidationError" not in document["components"]["schemas"]
    chart = document["paths"]["/api/charts/fibonacci"]["post"]["responses"]
    assert {"400", "404", "422"} <= set(chart)
