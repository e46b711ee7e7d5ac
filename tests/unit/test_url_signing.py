"""Signed links for locally stored files: the secret, the signature and the expiry."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from integrations.storage.signing import (
    LinkExpiredError,
    LinkSignatureError,
    UrlSigner,
    load_or_create_secret,
)
from tests.support.fake_clock import FakeClock

KEY = "charts/abc/chart.png"


def test_a_link_is_good_until_its_expiry_and_not_after() -> None:
    clock = FakeClock(1_000_000)
    signer = UrlSigner(b"s" * 32, clock=clock)
    expires_at = 1_000_600
    signature = signer.signature(KEY, expires_at)

    clock.advance(600)
    signer.verify(KEY, expires_at, signature)
    clock.advance(1)
    with pytest.raises(LinkExpiredError, match="expired"):
        signer.verify(KEY, expires_at, signature)


def test_changing_the_key_the_expiry_or_the_secret_breaks_the_signature() -> None:
    signer = UrlSigner(b"s" * 32, clock=FakeClock(0))
    signature = signer.signature(KEY, 600)

    for key, expires_at, by in [
        ("charts/abc/other.png", 600, signer),
        (KEY, 6000, signer),
        (KEY, 600, UrlSigner(b"t" * 32, clock=FakeClock(0))),
    ]:
        with pytest.raises(LinkSignatureError, match="use the link exactly as it was given"):
            by.verify(key, expires_at, signature)


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 32 bytes"):
        UrlSigner(b"short")


def test_the_development_secret_is_made_once_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "data" / "files-signing.key"

    first = load_or_create_secret(path)
    second = load_or_create_secret(path)

    assert first == second
    assert len(first) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["files-signing.key"], "no temp files left"
