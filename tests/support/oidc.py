"""A loopback OIDC issuer for tests: real HTTP, real keys, tokens minted on demand."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from joserfc import jwt
from joserfc.jwk import ECKey, Key, RSAKey

AUDIENCE = "financials-api"


@cache
def _rsa_material(slot: int) -> dict[str, object]:
    """RSA keys are slow to generate; tests draw from a small pool made once per run."""
    return dict(RSAKey.generate_key(2048).as_dict(private=True))


def rsa_key(slot: int, kid: str | None = None) -> RSAKey:
    """Pool key number `slot`, under its own id or the given one."""
    material = {**_rsa_material(slot), "kid": kid or f"rsa-{slot}"}
    return RSAKey.import_key(material)  # type: ignore[arg-type]


@dataclass
class LoopbackIssuer:
    """Publishes `keys` at its JWKS URL; tests mint tokens with any of them (or others)."""

    url: str = ""
    keys: list[Key] = field(default_factory=list)
    jwks_requests: int = 0

    def add_rsa_key(self) -> RSAKey:
        key = rsa_key(len(self.keys))
        self.keys.append(key)
        return key

    def add_ec_key(self) -> ECKey:
        key = ECKey.generate_key("P-256", parameters={"kid": uuid.uuid4().hex[:12]})
        self.keys.append(key)
        return key

    def jwks(self) -> dict[str, object]:
        return {"keys": [k.as_dict(private=False) for k in self.keys]}

    def token(
        self,
        key: Key | None = None,
        alg: str = "RS256",
        sub: str = "alice",
        scope: str | None = "charts:read charts:write",
        audience: str | list[str] = AUDIENCE,
        issuer: str | None = None,
        lifetime: int = 600,
        not_before: int = 0,
        **extra: object,
    ) -> str:
        key = key or self.keys[0]
        now = int(time.time())
        claims: dict[str, object] = {
            "iss": issuer or self.url,
            "sub": sub,
            "aud": audience,
            "iat": now,
            "nbf": now + not_before,
            "exp": now + lifetime,
            **extra,
        }
        if scope is not None:
            claims["scope"] = scope
        return jwt.encode({"alg": alg, "kid": key.kid}, claims, key, algorithms=[alg])


@contextmanager
def loopback_issuer() -> Iterator[LoopbackIssuer]:
    issuer = LoopbackIssuer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/.well-known/openid-configuration":
                body: dict[str, object] = {
                    "issuer": issuer.url,
                    "jwks_uri": f"{issuer.url}/jwks",
                    "authorization_endpoint": f"{issuer.url}/authorize",
                    "token_endpoint": f"{issuer.url}/token",
                }
            elif self.path == "/jwks":
                issuer.jwks_requests += 1
                body = issuer.jwks()
            else:
                self.send_error(404)
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    issuer.url = f"http://127.0.0.1:{server.server_address[1]}"
    issuer.add_rsa_key()
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield issuer
    finally:
        server.shutdown()
        server.server_close()
