"""A real OIDC provider on loopback for sign-in tests: `oidc-provider-mock`, made strict.

The mock issues codes and RS256 ID tokens like any provider, but ignores PKCE. A thin WSGI
layer in front of it records what the client sent and enforces PKCE (S256) the way a real
provider does: a code is exchanged only with the verifier whose challenge the authorization
request carried. So a sign-in passes only if our side really does PKCE.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import oidc_provider_mock
from werkzeug.serving import make_server

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

CLIENT_ID = "financials-ui"


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _single(values: dict[str, list[str]]) -> dict[str, str]:
    return {name: items[0] for name, items in values.items()}


@dataclass
class MockProvider:
    """The running provider, and what our client sent it."""

    url: str = ""
    authorization_requests: list[dict[str, str]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    # code -> (code_challenge, code_challenge_method) of the request that produced it
    challenges: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    @property
    def authorization_endpoint(self) -> str:
        return f"{self.url}/oauth2/authorize"


class _StrictPkce:
    """WSGI middleware: records requests and refuses token requests that fail PKCE."""

    def __init__(self, app: WSGIApplication, provider: MockProvider) -> None:
        self._app, self._provider = app, provider

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path == "/oauth2/authorize":
            return self._authorize(environ, start_response)
        if path == "/oauth2/token" and method == "POST":
            return self._token(environ, start_response)
        return self._app(environ, start_response)

    def _authorize(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        params = _single(parse_qs(environ.get("QUERY_STRING", "")))
        self._provider.authorization_requests.append(params)

        def remember_code(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            for name, value in headers:
                if name.lower() == "location":
                    code = parse_qs(urlsplit(value).query).get("code")
                    if code:
                        self._provider.challenges[code[0]] = (
                            params.get("code_challenge"),
                            params.get("code_challenge_method"),
                        )
            return start_response(status, headers, *rest)

        return self._app(environ, remember_code)

    def _token(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        environ["wsgi.input"] = io.BytesIO(body)
        form = _single(parse_qs(body.decode()))
        self._provider.token_requests.append(form)
        challenge, method = self._provider.challenges.get(form.get("code", ""), (None, None))
        verifier = form.get("code_verifier")
        if challenge is None or method != "S256":
            return _invalid_grant(start_response, "PKCE with S256 is required")
        if verifier is None or s256(verifier) != challenge:
            return _invalid_grant(start_response, "code_verifier does not match code_challenge")
        return self._app(environ, start_response)


def _invalid_grant(start_response: StartResponse, description: str) -> list[bytes]:
    data = json.dumps({"error": "invalid_grant", "error_description": description}).encode()
    start_response(
        "400 BAD REQUEST",
        [("Content-Type", "application/json"), ("Content-Length", str(len(data)))],
    )
    return [data]


@contextmanager
def mock_provider(
    users: Iterable[oidc_provider_mock.User] = (),
    *,
    require_nonce: bool = True,
) -> Iterator[MockProvider]:
    """The provider serving on a free loopback port, in a thread, for the `with` block."""
    provider = MockProvider()
    flask_app = oidc_provider_mock.app(
        require_client_registration=False,
        require_nonce=require_nonce,
        issue_refresh_token=False,
        user_claims=tuple(users),
    )
    app: Callable[..., Iterable[bytes]] = _StrictPkce(flask_app, provider)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    provider.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def user(sub: str, **claims: object) -> oidc_provider_mock.User:
    return oidc_provider_mock.User(sub=sub, claims=dict(claims))
