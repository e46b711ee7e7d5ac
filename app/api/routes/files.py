"""Serves locally stored objects (chart images) through expiring HMAC-signed links.

Only links made by `LocalObjectStore.signed_url` open a file; when images live on OSS, OSS
serves its own signed links and this route has nothing to serve. Images may be SVG, so the
response forbids scripts and sniffing: an image link can never run code on our origin.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi import Path as PathParam
from fastapi.responses import Response

from app.api.deps import ServicesDep
from app.api.problems import problem_response, problem_responses
from integrations.storage.errors import ObjectNotFoundError
from integrations.storage.keys import (
    _KEY,
    MAX_KEY_LENGTH,
    InvalidObjectKeyError,
    check_key,
    content_type_for,
)
from integrations.storage.signing import LinkRefusedError

router = APIRouter(tags=["files"])

MAX_BROWSER_CACHE_S = 3600
MAX_EXPIRES_DIGITS = 12  # int() of a huge digit string is slow, then refused: 403 it first
_SAFE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
}


def _is_unix_time(value: str) -> bool:
    return value.isascii() and value.isdigit() and len(value) <= MAX_EXPIRES_DIGITS


@router.get(
    "/files/{key:path}",
    summary="A stored file, through a signed link",
    response_class=Response,
    responses={
        200: {"content": {"image/png": {}, "image/svg+xml": {}}, "description": "The file."},
        **problem_responses(400, 403, 404, 503),
    },
)
async def get_file(
    key: Annotated[
        str,
        PathParam(
            description="The object key from the link.",
            # Documented, and checked by `check_key` so a bad key gets its own message (400).
            json_schema_extra={"pattern": _KEY.pattern, "maxLength": MAX_KEY_LENGTH},
        ),
    ],
    expires: str | None = Query(default=None, description="Unix time the link stops working."),
    sig: str | None = Query(default=None, description="HMAC-SHA256 of the key and expiry."),
    *,
    services: ServicesDep,
) -> Response:
    try:
        check_key(key)
    except InvalidObjectKeyError as exc:
        return problem_response(400, "Invalid file key", str(exc))
    local_files = services.persistence.local_files
    if local_files is None:
        return problem_response(
            404, "Not served here", "files are kept on OSS; use the link the app gave you"
        )
    if expires is None or sig is None or not _is_unix_time(expires):
        return problem_response(
            403,
            "Link refused",
            "this link is incomplete: it needs the `expires` and `sig` it was given with",
        )
    signer = local_files.signer
    expires_at = int(expires)
    try:
        signer.verify(key, expires_at, sig)
    except LinkRefusedError as exc:
        return problem_response(403, "Link refused", str(exc))
    try:
        content = await local_files.get(key)
    except ObjectNotFoundError:
        return problem_response(404, "File not found", "this file no longer exists")
    max_age = max(0, min(expires_at - signer.now(), MAX_BROWSER_CACHE_S))
    return Response(
        content,
        media_type=content_type_for(key),
        headers={**_SAFE_HEADERS, "Cache-Control": f"private, max-age={max_age}"},
    )
