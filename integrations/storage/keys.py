"""Object keys: one allow-list for every adapter, so a key good on disk is good on OSS too.

Keys reach the local adapter as file paths and the files route as URL paths; a tight grammar
(no `..`, no leading `/`, no backslashes, no empty or hidden parts) rules out path traversal by
construction instead of by checking resolved paths after the fact.
"""

from __future__ import annotations

import re

MAX_KEY_LENGTH = 512
_PART = r"[A-Za-z0-9][A-Za-z0-9._-]*"
_KEY = re.compile(rf"^{_PART}(?:/{_PART})*$")
ACCEPTED = (
    f"1 to {MAX_KEY_LENGTH} characters: letters, digits, '.', '_' and '-', in parts separated "
    "by single '/', each part starting with a letter or digit (so no '..', no leading '/')"
)

# What the files route may serve and OSS stores; anything else is served as a download.
_CONTENT_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".json": "application/json",
}


class InvalidObjectKeyError(ValueError):
    def __init__(self, key: str) -> None:
        shown = key if len(key) <= 80 else key[:77] + "..."
        super().__init__(f"object key {shown!r} is not accepted: use {ACCEPTED}")
        self.key = key


def check_key(key: str) -> str:
    if len(key) > MAX_KEY_LENGTH or not _KEY.match(key):
        raise InvalidObjectKeyError(key)
    return key


def content_type_for(key: str) -> str:
    suffix = key[key.rfind(".") :].lower() if "." in key.rsplit("/", 1)[-1] else ""
    return _CONTENT_TYPES.get(suffix, "application/octet-stream")
