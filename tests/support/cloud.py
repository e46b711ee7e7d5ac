"""Real cloud services for the tests that can reach one, read once at import.

The autouse settings fixture removes every `FINANCIALS_*` variable before each test, so the
credentials are captured here, at collection, and handed to the real-service fixtures. With a
variable unset, those fixtures skip and say which variable would enable them.
"""

from __future__ import annotations

import os

from integrations.credentials import ProviderCredentials, credential_chain

_ENV = {name: value for name, value in os.environ.items() if name.startswith("FINANCIALS_")}

MONGODB_URI = _ENV.get("FINANCIALS_MONGODB_URI")

TABLESTORE_NAMES = (
    "FINANCIALS_TABLESTORE_ENDPOINT",
    "FINANCIALS_TABLESTORE_INSTANCE",
    "FINANCIALS_TABLESTORE_ACCESS_KEY_ID",
    "FINANCIALS_TABLESTORE_ACCESS_KEY_SECRET",
)
OSS_NAMES = (
    "FINANCIALS_OSS_ENDPOINT",
    "FINANCIALS_OSS_BUCKET",
    "FINANCIALS_OSS_REGION",
    "FINANCIALS_OSS_ACCESS_KEY_ID",
    "FINANCIALS_OSS_ACCESS_KEY_SECRET",
)


def group(names: tuple[str, ...]) -> dict[str, str] | None:
    """The variables of one service, or None when any is missing."""
    values = {name: _ENV.get(name, "") for name in names}
    return values if all(values.values()) else None


def missing_reason(service: str, names: tuple[str, ...]) -> str:
    return f"no real {service} to test against: set {', '.join(names)} to run this"


def credentials(values: dict[str, str], service: str) -> ProviderCredentials:
    """The keys a real-service group names, through the app's own credential chain."""
    prefix = f"FINANCIALS_{service}"
    return credential_chain(
        service=service,
        access_key_id=values[f"{prefix}_ACCESS_KEY_ID"],
        access_key_secret=values[f"{prefix}_ACCESS_KEY_SECRET"],
        env={},
    )


def static_keys(access_key_id: str, secret: str) -> ProviderCredentials:
    """Fixed keys for a loopback service, through the same chain."""
    return credential_chain(
        service="OSS", access_key_id=access_key_id, access_key_secret=secret, env={}
    )
