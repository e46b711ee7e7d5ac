"""The OpenAPI document, saying what the API really sends.

FastAPI documents request validation failures as `422 application/json` with its own
`HTTPValidationError` body, but our handler answers them as RFC 9457 problem details
(`app/api/errors.py`); and it lists each documented problem as JSON too. This rewrites every
error response to the problem+json shape the client gets (and documents the 400 Starlette
sends for an unreadable body), so a client generated from the document parses the errors it
will actually see.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from app.api.problems import PROBLEM_MEDIA_TYPE, Problem

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_FASTAPI_ONLY = ("HTTPValidationError", "ValidationError")


def _problem_422(operation: dict[str, Any]) -> None:
    responses = operation.get("responses", {})
    if "422" in responses:
        responses["422"] = {
            "description": "Invalid request: the detail names each field and what is accepted.",
            "content": {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}},
        }


def _problem_only(operation: dict[str, Any]) -> None:
    """`problem_responses` entries come out as the route's media type (JSON, HTML) with the
    model plus an empty problem+json; the API sends only problem+json, with the Problem body."""
    for response in operation.get("responses", {}).values():
        if PROBLEM_MEDIA_TYPE in response.get("content", {}):
            response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}}


def _problem_400(operation: dict[str, Any]) -> None:
    if "requestBody" in operation:  # Starlette answers a body it cannot decode with 400
        operation["responses"].setdefault(
            "400",
            {
                "description": "The body could not be read (not UTF-8 or not the media type).",
                "content": {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}},
            },
        )


def install_openapi(api: FastAPI) -> None:
    """Replaces `api.openapi` with one that documents our error shape."""

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            document = get_openapi(
                title=api.title,
                version=api.version,
                summary=api.summary,
                routes=api.routes,
            )
            for path_item in document.get("paths", {}).values():
                for operation in path_item.values():
                    _problem_422(operation)
                    _problem_400(operation)
                    _problem_only(operation)
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            for name in _FASTAPI_ONLY:
                schemas.pop(name, None)
            schemas.setdefault("Problem", Problem.model_json_schema())
            api.openapi_schema = document
        return api.openapi_schema

    api.openapi = openapi  # type: ignore[method-assign]


def document_text(api: FastAPI) -> str:
    """The document as committed in docs/openapi.json: sorted keys, so a diff shows only what
    changed in the contract."""
    return json.dumps(api.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
