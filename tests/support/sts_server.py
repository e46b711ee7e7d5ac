"""A loopback STS that answers AssumeRoleWithOIDC as Alibaba Cloud's does, over HTTPS.

RRSA in ACK: the pod's OIDC token is exchanged at STS for short-lived keys. The credentials
package always calls STS over HTTPS, so this server has its own throwaway CA (made with
`cryptography` per run) for the test to trust. It checks the call the way STS does (action,
role, OIDC provider, the token's exact text) and answers STS's JSON, or STS's error body.
"""

from __future__ import annotations

import datetime as dt
import json
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import IPv4Address
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass
class StsState:
    role_arn: str
    oidc_provider_arn: str
    oidc_token: str
    access_key_id: str = "STS.loopback-id"
    access_key_secret: str = "loopback-sts-secret"
    security_token: str = "loopback-security-token"
    calls: list[dict[str, str]] = field(default_factory=list)


def _self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (its own CA) and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "loopback-sts")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "sts.pem", directory / "sts.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class _Handler(BaseHTTPRequestHandler):
    state: StsState

    def log_message(self, format: str, *args: object) -> None:
        """Quiet, as the other loopback servers."""

    def _answer(self, status: int, body: dict[str, object]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        query = dict(parse_qsl(urlsplit(self.path).query))
        state = self.state
        state.calls.append(query)
        if query.get("Action") != "AssumeRoleWithOIDC":
            self._answer(400, {"Code": "InvalidAction.NotFound", "Message": "Unknown action."})
            return
        if query.get("RoleArn") != state.role_arn:
            self._answer(404, {"Code": "EntityNotExist.Role", "Message": "The role not exists."})
            return
        if (
            query.get("OIDCProviderArn") != state.oidc_provider_arn
            or query.get("OIDCToken") != state.oidc_token
        ):
            self._answer(400, {"Code": "AuthenticationFail.OIDCToken", "Message": "Bad token."})
            return
        expires = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=int(query["DurationSeconds"]))
        self._answer(
            200,
            {
                "RequestId": "loopback",
                "Credentials": {
                    "AccessKeyId": state.access_key_id,
                    "AccessKeySecret": state.access_key_secret,
                    "SecurityToken": state.security_token,
                    "Expiration": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
                },
            },
        )


@dataclass(frozen=True)
class RunningSts:
    endpoint: str  # host:port, as ALIBABA_CLOUD_STS_ENDPOINT takes it
    ca_file: Path
    state: StsState


@contextmanager
def loopback_sts(state: StsState, directory: Path) -> Iterator[RunningSts]:
    cert, key = _self_signed(directory)
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield RunningSts(f"127.0.0.1:{server.server_address[1]}", cert, state)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
