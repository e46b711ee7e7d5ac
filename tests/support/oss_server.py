"""A loopback OSS server that checks what a real bucket checks: V4 signatures and expiry.

moto's S3 server accepts oss2's path-style requests but ignores OSS's signatures entirely (a
wrong secret still reads objects), so it cannot show that our requests or links are signed
right. This one computes OSS Signature V4 (OSS4-HMAC-SHA256) from Alibaba's spec,
independently of oss2, for both forms: the `Authorization` header of API calls and the
`x-oss-*` query of pre-signed links. It refuses, with OSS's XML error bodies, anything that does
not match, names another region or product, has expired, is outside the allowed clock skew, or
lacks the session token its STS keys need; and it refuses V1-signed requests outright, as OSS
does for accounts made since 2025-03-01 and buckets made since 2025-09-01.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

MAX_CLOCK_SKEW_S = 15 * 60
MAX_LINK_LIFETIME_S = 7 * 24 * 3600  # OSS's limit for x-oss-expires
ALGORITHM = "OSS4-HMAC-SHA256"
PRODUCT = "oss"
# Headers signed whatever the client says (besides every x-oss-* header).
DEFAULT_SIGNED_HEADERS = ("content-type", "content-md5")
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"


@dataclass
class StoredObject:
    data: bytes
    content_type: str
    acl: str


@dataclass
class OssState:
    bucket: str
    access_key_id: str
    access_key_secret: str
    region: str
    security_token: str | None = None  # set: the keys are STS keys and need their token
    objects: dict[str, StoredObject] = field(default_factory=dict)
    clock_offset_s: float = 0.0
    fail_next: int = 0  # answer this many requests with 503, as OSS does under strain
    requests: list[tuple[str, str]] = field(default_factory=list)

    def now(self) -> float:
        return time.time() + self.clock_offset_s


def v4_encode(text: str, *, keep_slashes: bool) -> str:
    """RFC 3986 percent-encoding as V4 wants it: unreserved characters stay, all else %XX."""
    safe = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"
    out = []
    for byte in text.encode():
        if byte in safe or (keep_slashes and byte == ord("/")):
            out.append(chr(byte))
        else:
            out.append(f"%{byte:02X}")
    return "".join(out)


def canonical_request(
    method: str,
    bucket: str,
    key: str,
    query: dict[str, str],
    headers: dict[str, str],
    additional_headers: list[str],
    payload_hash: str,
) -> str:
    """The V4 canonical request; `headers` are the signed ones, lower-cased."""
    encoded = sorted(
        (v4_encode(name, keep_slashes=False), v4_encode(value, keep_slashes=False))
        for name, value in query.items()
    )
    canonical_query = "&".join(f"{name}={value}" if value else name for name, value in encoded)
    canonical_headers = "".join(f"{name}:{headers[name]}\n" for name in sorted(headers))
    return "\n".join(
        [
            method,
            v4_encode(f"/{bucket}/{key}", keep_slashes=True),
            canonical_query,
            canonical_headers,
            ";".join(sorted(additional_headers)),
            payload_hash,
        ]
    )


def v4_signature(
    secret: str, region: str, signed_at: str, request: str, *, product: str = PRODUCT
) -> str:
    """Signs a canonical request made at `signed_at` (yyyymmddThhmmssZ) in `region`."""
    date = signed_at[:8]
    scope = f"{date}/{region}/{product}/aliyun_v4_request"
    to_sign = "\n".join([ALGORITHM, signed_at, scope, hashlib.sha256(request.encode()).hexdigest()])
    signing_key = f"aliyun_v4{secret}".encode()
    for part in (date, region, product, "aliyun_v4_request"):
        signing_key = hmac.new(signing_key, part.encode(), hashlib.sha256).digest()
    return hmac.new(signing_key, to_sign.encode(), hashlib.sha256).hexdigest()


class RefusedError(Exception):
    """Why a request is refused, as OSS says it."""

    def __init__(self, code: str, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def _parse_time(value: str) -> float:
    try:
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).timestamp()
    except ValueError:
        raise RefusedError("AccessDenied", f"Invalid x-oss-date: {value!r}.") from None


def _error_xml(code: str, message: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
        f"<Message>{message}</Message><RequestId>loopback</RequestId>"
        f"<HostId>127.0.0.1</HostId></Error>"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    state: OssState  # set on the subclass made per server

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: pytest shows failures; request lines would only add noise."""

    def _reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("x-oss-request-id", "loopback")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, code: str, message: str) -> None:
        self._reply(status, _error_xml(code, message), {"Content-Type": "application/xml"})

    def _resource(self) -> tuple[str, str, dict[str, str]]:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        bucket, _, key = path.lstrip("/").partition("/")
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        return bucket, key, query

    def _signed_headers(self, additional: list[str]) -> dict[str, str]:
        wanted = set(DEFAULT_SIGNED_HEADERS) | set(additional)
        return {
            name.lower(): value.strip()
            for name, value in self.headers.items()
            if name.lower().startswith("x-oss-") or name.lower() in wanted
        }

    def _check_scope(self, credential: str, signed_at: str) -> None:
        state = self.state
        access_key_id, _, scope = credential.partition("/")
        if access_key_id != state.access_key_id:
            raise RefusedError(
                "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist."
            )
        date, region, product, terminal = [*scope.split("/"), "", "", ""][:4]
        if date != signed_at[:8] or terminal != "aliyun_v4_request" or product != PRODUCT:
            raise RefusedError("SignatureDoesNotMatch", f"Invalid credential scope {scope!r}.")
        if region != state.region:
            raise RefusedError(
                "SignatureDoesNotMatch",
                f"Invalid signing region in Authorization header: {region!r}, "
                f"expected {state.region!r}.",
            )

    def _check_token(self, token: str | None) -> None:
        expected = self.state.security_token
        if expected is not None and token != expected:
            raise RefusedError("InvalidAccessKeyId", "The security token you provided is invalid.")

    def _check_signature(self, given: str, signed_at: str, request: str) -> None:
        state = self.state
        expected = v4_signature(state.access_key_secret, state.region, signed_at, request)
        if not hmac.compare_digest(expected, given):
            raise RefusedError(
                "SignatureDoesNotMatch", "The request signature we calculated does not match."
            )

    def _authorize_link(self, bucket: str, key: str, query: dict[str, str]) -> None:
        """A pre-signed URL: every x-oss-* query entry but the signature is signed."""
        state = self.state
        if query.get("x-oss-signature-version") != ALGORITHM:
            raise RefusedError(
                "AccessDenied", f"Unsupported x-oss-signature-version; use {ALGORITHM}."
            )
        signed_at = query.get("x-oss-date", "")
        sent_at = _parse_time(signed_at)
        self._check_scope(query.get("x-oss-credential", ""), signed_at)
        expires = query.get("x-oss-expires", "")
        if not expires.isdigit() or not 1 <= int(expires) <= MAX_LINK_LIFETIME_S:
            raise RefusedError("AccessDenied", f"x-oss-expires must be 1 to {MAX_LINK_LIFETIME_S}.")
        if sent_at - state.now() > MAX_CLOCK_SKEW_S:
            raise RefusedError("RequestTimeTooSkewed", "The difference is too large.")
        if sent_at + int(expires) < state.now():
            raise RefusedError("AccessDenied", "Request has expired.")
        self._check_token(query.get("x-oss-security-token"))
        additional = [h for h in query.get("x-oss-additional-headers", "").split(";") if h]
        signed_query = {name: value for name, value in query.items() if name != "x-oss-signature"}
        request = canonical_request(
            self.command,
            bucket,
            key,
            signed_query,
            self._signed_headers(additional),
            additional,
            UNSIGNED_PAYLOAD,
        )
        self._check_signature(query.get("x-oss-signature", ""), signed_at, request)

    def _authorize_header(self, bucket: str, key: str, query: dict[str, str], body: bytes) -> None:
        state = self.state
        authorization = self.headers.get("Authorization", "")
        scheme, _, rest = authorization.partition(" ")
        if scheme != ALGORITHM:
            raise RefusedError("AccessDenied", "Anonymous access is forbidden for this bucket.")
        fields = dict(part.strip().partition("=")[::2] for part in rest.split(",") if "=" in part)
        signed_at = self.headers.get("x-oss-date", "")
        sent_at = _parse_time(signed_at)
        self._check_scope(fields.get("Credential", ""), signed_at)
        if abs(sent_at - state.now()) > MAX_CLOCK_SKEW_S:
            raise RefusedError("RequestTimeTooSkewed", "The difference is too large.")
        self._check_token(self.headers.get("x-oss-security-token"))
        payload_hash = self.headers.get("x-oss-content-sha256", "")
        if not payload_hash:
            raise RefusedError("InvalidArgument", "x-oss-content-sha256 is required.", 400)
        if payload_hash != UNSIGNED_PAYLOAD and payload_hash != hashlib.sha256(body).hexdigest():
            raise RefusedError(
                "InvalidDigest", "The payload does not match x-oss-content-sha256.", 400
            )
        additional = [h for h in fields.get("AdditionalHeaders", "").split(";") if h]
        request = canonical_request(
            self.command,
            bucket,
            key,
            query,
            self._signed_headers(additional),
            additional,
            payload_hash,
        )
        self._check_signature(fields.get("Signature", ""), signed_at, request)

    def _authorize(self, bucket: str, key: str, query: dict[str, str], body: bytes) -> None:
        if self.headers.get("Authorization", "").startswith("OSS ") or "Signature" in query:
            raise RefusedError(
                "AccessDenied",
                "Signature version 1 is not supported for this bucket: sign with "
                f"{ALGORITHM} (V4).",
            )
        if "x-oss-signature" in query:
            self._authorize_link(bucket, key, query)
        else:
            self._authorize_header(bucket, key, query, body)

    def _handle(self) -> None:
        state = self.state
        bucket, key, query = self._resource()
        state.requests.append((self.command, key))
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if state.fail_next > 0:
            state.fail_next -= 1
            self._error(503, "ServiceUnavailable", "Please reduce your request rate.")
            return
        if bucket != state.bucket:
            self._error(404, "NoSuchBucket", "The specified bucket does not exist.")
            return
        try:
            self._authorize(bucket, key, query, body)
        except RefusedError as refused:
            self._error(refused.status, refused.code, refused.message)
            return
        if self.command == "PUT":
            state.objects[key] = StoredObject(
                data=body,
                content_type=self.headers.get("Content-Type", "application/octet-stream"),
                acl=self.headers.get("x-oss-object-acl", "default"),
            )
            self._reply(200, headers={"ETag": '"loopback"'})
        elif self.command in ("GET", "HEAD"):
            stored = state.objects.get(key)
            if stored is None:
                self._error(404, "NoSuchKey", "The specified key does not exist.")
                return
            self._reply(200, stored.data, {"Content-Type": stored.content_type})
        elif self.command == "DELETE":
            state.objects.pop(key, None)
            self._reply(204)
        else:
            self._error(405, "MethodNotAllowed", "The specified method is not allowed.")

    do_PUT = do_GET = do_HEAD = do_DELETE = _handle  # noqa: N815 (http.server's naming)


@dataclass(frozen=True)
class RunningOss:
    endpoint: str
    state: OssState


@contextmanager
def loopback_oss(
    bucket: str,
    access_key_id: str,
    access_key_secret: str,
    *,
    region: str = "cn-hangzhou",
    security_token: str | None = None,
) -> Iterator[RunningOss]:
    state = OssState(
        bucket=bucket,
        access_key_id=access_key_id,
        access_key_secret=access_key_secret,
        region=region,
        security_token=security_token,
    )
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield RunningOss(endpoint=f"http://127.0.0.1:{server.server_address[1]}", state=state)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
