"""A loopback OSS server that checks what a real bucket checks: V1 signatures and expiry.

moto's S3 server accepts oss2's path-style requests but ignores the `OSS id:signature`
header and signed-URL query entirely (a wrong secret still reads objects), so it cannot show
that our requests or links are signed right. This one computes the OSS signature V1 from the
spec, independently of oss2, and refuses anything that does not match, has expired, or is
outside the allowed clock skew, with OSS's XML error bodies.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

MAX_CLOCK_SKEW_S = 15 * 60
# Query parameters that are part of the signed resource (the subset our calls could send).
# Signed sub-resources (a subset of the ones OSS defines, enough for what we call).
SUBRESOURCES = {
    "acl",
    "uploadId",
    "partNumber",
    "response-content-type",
    "security-token",
    "objectMeta",
}


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
    objects: dict[str, StoredObject] = field(default_factory=dict)
    clock_offset_s: float = 0.0
    fail_next: int = 0  # answer this many requests with 503, as OSS does under strain
    requests: list[tuple[str, str]] = field(default_factory=list)

    def now(self) -> float:
        return time.time() + self.clock_offset_s


def v1_signature(secret: str, string_to_sign: str) -> str:
    digest = hmac.new(secret.encode(), string_to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def string_to_sign(
    method: str,
    content_md5: str,
    content_type: str,
    date_or_expires: str,
    oss_headers: dict[str, str],
    resource: str,
) -> str:
    canonical_headers = "".join(f"{name}:{oss_headers[name]}\n" for name in sorted(oss_headers))
    return "\n".join(
        [method, content_md5, content_type, date_or_expires, canonical_headers + resource]
    )


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

    def _authorized(self, bucket: str, key: str, query: dict[str, str]) -> bool:
        state = self.state
        oss_headers = {
            name.lower(): value.strip()
            for name, value in self.headers.items()
            if name.lower().startswith("x-oss-")
        }
        sub = sorted((k, v) for k, v in query.items() if k in SUBRESOURCES)
        resource = f"/{bucket}/{key}" + (
            "?" + "&".join(f"{k}={v}" if v else k for k, v in sub) if sub else ""
        )
        if "Signature" in query:  # a signed URL
            if query.get("OSSAccessKeyId") != state.access_key_id:
                self._error(403, "InvalidAccessKeyId", "The OSS Access Key Id does not exist.")
                return False
            expires = query.get("Expires", "")
            if not expires.isdigit() or int(expires) < state.now():
                self._error(403, "AccessDenied", "Request has expired.")
                return False
            expected = v1_signature(
                state.access_key_secret,
                string_to_sign(self.command, "", "", expires, oss_headers, resource),
            )
            if not hmac.compare_digest(expected, query["Signature"]):
                self._error(403, "SignatureDoesNotMatch", "The request signature does not match.")
                return False
            return True
        authorization = self.headers.get("Authorization", "")
        scheme, _, credential = authorization.partition(" ")
        access_key_id, _, signature = credential.partition(":")
        if scheme != "OSS" or access_key_id != state.access_key_id:
            self._error(403, "AccessDenied", "Anonymous access is forbidden for this bucket.")
            return False
        date = self.headers.get("Date", "")
        try:
            sent_at = parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError):
            self._error(403, "AccessDenied", "Invalid Date header.")
            return False
        if abs(sent_at - state.now()) > MAX_CLOCK_SKEW_S:
            self._error(403, "RequestTimeTooSkewed", "The difference is too large.")
            return False
        expected = v1_signature(
            state.access_key_secret,
            string_to_sign(
                self.command,
                self.headers.get("Content-MD5", ""),
                self.headers.get("Content-Type", ""),
                date,
                oss_headers,
                resource,
            ),
        )
        if not hmac.compare_digest(expected, signature):
            self._error(403, "SignatureDoesNotMatch", "The request signature does not match.")
            return False
        return True

    def _handle(self) -> None:
        state = self.state
        bucket, key, query = self._resource()
        state.requests.append((self.command, key))
        if state.fail_next > 0:
            state.fail_next -= 1
            self._error(503, "ServiceUnavailable", "Please reduce your request rate.")
            return
        if bucket != state.bucket:
            self._error(404, "NoSuchBucket", "The specified bucket does not exist.")
            return
        if not self._authorized(bucket, key, query):
            return
        if self.command == "PUT":
            length = int(self.headers.get("Content-Length", "0"))
            state.objects[key] = StoredObject(
                data=self.rfile.read(length),
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
def loopback_oss(bucket: str, access_key_id: str, access_key_secret: str) -> Iterator[RunningOss]:
    state = OssState(
        bucket=bucket, access_key_id=access_key_id, access_key_secret=access_key_secret
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
