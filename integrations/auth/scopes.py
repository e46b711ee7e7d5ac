"""Scopes arrive as `scope` (space-separated, RFC 8693) or `scp` (a list, as Azure AD and
Okta send them); both are accepted."""

from __future__ import annotations

from collections.abc import Mapping

CHARTS_READ = "charts:read"
CHARTS_WRITE = "charts:write"
ALL_SCOPES = (CHARTS_READ, CHARTS_WRITE)


def scopes_from_claims(claims: Mapping[str, object]) -> frozenset[str]:
    found: set[str] = set()
    for name in ("scope", "scp"):
        value = claims.get(name)
        if isinstance(value, str):
            found.update(value.split())
        elif isinstance(value, list):
            found.update(str(item) for item in value)
    return frozenset(found)
