"""HMAC-signed, expiring links for the local object store's files route.

The signature covers the key and the expiry time together, so neither can be changed without
the secret; comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from integrations.once import read_or_create

MIN_SECRET_BYTES = 32


class LinkRefusedError(Exception):
    """A link that must not be served; the message is safe to show to the person."""


class LinkExpiredError(LinkRefusedError):
    def __init__(self) -> None:
        super().__init__("this link has expired: ask for a fresh link to the file")


class LinkSignatureError(LinkRefusedError):
    def __init__(self) -> None:
        super().__init__(
            "this link's signature does not match its file and expiry: use the link exactly as "
            "it was given"
        )


class UrlSigner:
    def __init__(self, secret: bytes, *, clock: Callable[[], float] = time.time) -> None:
        if len(secret) < MIN_SECRET_BYTES:
            raise ValueError(f"the signing secret needs at least {MIN_SECRET_BYTES} bytes")
        self._secret = secret
        self._clock = clock

    def now(self) -> int:
        return int(self._clock())

    def signature(self, key: str, expires_at: int) -> str:
        message = f"{key}\n{expires_at}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def verify(self, key: str, expires_at: int, signature: str) -> None:
        """Raises `LinkSignatureError` or `LinkExpiredError`; returns when the link is good."""
        # Bytes: compare_digest refuses non-ASCII str, and a link may carry anything.
        expected = self.signature(key, expires_at).encode()
        if not hmac.compare_digest(expected, signature.encode("utf-8", "replace")):
            raise LinkSignatureError
        if self.now() > expires_at:
            raise LinkExpiredError


def load_or_create_secret(path: Path) -> bytes:
    """The development signing secret: made once, kept at `path` (mode 0600), reused after;
    processes starting together agree on one (`integrations.once`)."""
    text = read_or_create(path, lambda: secrets.token_hex(MIN_SECRET_BYTES))
    return bytes.fromhex(text.strip())
