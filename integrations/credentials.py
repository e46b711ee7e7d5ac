"""Alibaba Cloud credentials for the SDKs the app calls (OSS, Tablestore), from one chain.

Where the app runs decides where its keys come from, and the same code must work in all three
places without a code change:
1. the service's own `FINANCIALS_<SERVICE>_ACCESS_KEY_ID`/`_SECRET`, when set (an explicit
   choice, e.g. a RAM user's keys for one service);
2. RRSA in an ACK cluster: the pod-identity webhook mounts an OIDC token and sets
   `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` and
   `ALIBABA_CLOUD_OIDC_TOKEN_FILE`; the token is exchanged at STS (AssumeRoleWithOIDC) for
   short-lived keys, refreshed before they expire;
3. static keys in the environment on a laptop: `ALIBABA_CLOUD_ACCESS_KEY_ID`/`_SECRET`
   (and `ALIBABA_CLOUD_SECURITY_TOKEN` for STS keys), as every Alibaba Cloud tool reads them.

The providers are the `alibabacloud-credentials` package's own. Its `DefaultCredentialsProvider`
is not used as is: it reads the environment once, at import, and would also probe the ECS
metadata service from a laptop; here the environment is read when the chain is built, and
nothing is probed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from alibabacloud_credentials.provider import (
    OIDCRoleArnCredentialsProvider,
    StaticAKCredentialsProvider,
    StaticSTSCredentialsProvider,
)

RRSA_VARIABLES = (
    "ALIBABA_CLOUD_ROLE_ARN",
    "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
    "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
)
ENV_KEY_VARIABLES = ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET")
ROLE_SESSION_NAME = "financials-backend"


class MissingCredentialsError(RuntimeError):
    """No link of the chain has credentials; the message says what to set."""


@dataclass(frozen=True)
class AccessKey:
    """One set of keys; `security_token` is set for short-lived (STS) keys."""

    access_key_id: str
    access_key_secret: str = field(repr=False)
    security_token: str | None = field(default=None, repr=False)


class CredentialSource(Protocol):
    """What the SDK adapters ask for before each request (the keys may have been renewed)."""

    @property
    def source(self) -> str: ...

    def get(self) -> AccessKey: ...


class ProviderCredentials:
    """A `CredentialSource` on one of the package's providers (which caches and refreshes)."""

    def __init__(self, provider: Any, *, source: str) -> None:
        self._provider = provider
        self._source = source

    @property
    def source(self) -> str:
        """Which link of the chain answered: `settings`, `rrsa` or `environment`."""
        return self._source

    def get(self) -> AccessKey:
        credentials = self._provider.get_credentials()
        return AccessKey(
            access_key_id=str(credentials.get_access_key_id()),
            access_key_secret=str(credentials.get_access_key_secret()),
            security_token=credentials.get_security_token() or None,
        )


def _sts_endpoint(env: Mapping[str, str]) -> str:
    """STS in the pod's region, over the VPC when asked (as the package chooses it)."""
    if env.get("ALIBABA_CLOUD_STS_ENDPOINT"):
        return env["ALIBABA_CLOUD_STS_ENDPOINT"]
    vpc = env.get("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED", "").lower() == "true"
    prefix = "sts-vpc" if vpc else "sts"
    region = env.get("ALIBABA_CLOUD_STS_REGION")
    return f"{prefix}.{region}.aliyuncs.com" if region else "sts.aliyuncs.com"


def credential_chain(
    *,
    service: str,
    access_key_id: str | None,
    access_key_secret: str | None,
    env: Mapping[str, str],
) -> ProviderCredentials:
    """The first link that has credentials for `service` (e.g. "OSS"), in the order above.

    Opens no connection: RRSA exchanges its token on the first request.
    """
    if access_key_id and access_key_secret:
        return ProviderCredentials(
            StaticAKCredentialsProvider(
                access_key_id=access_key_id, access_key_secret=access_key_secret
            ),
            source="settings",
        )
    if all(env.get(name) for name in RRSA_VARIABLES):
        return ProviderCredentials(
            OIDCRoleArnCredentialsProvider(
                role_arn=env["ALIBABA_CLOUD_ROLE_ARN"],
                oidc_provider_arn=env["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"],
                oidc_token_file_path=env["ALIBABA_CLOUD_OIDC_TOKEN_FILE"],
                role_session_name=env.get("ALIBABA_CLOUD_ROLE_SESSION_NAME") or ROLE_SESSION_NAME,
                sts_endpoint=_sts_endpoint(env),
            ),
            source="rrsa",
        )
    key_id, secret = (env.get(name) for name in ENV_KEY_VARIABLES)
    if key_id and secret:
        token = env.get("ALIBABA_CLOUD_SECURITY_TOKEN")
        provider: Any = (
            StaticSTSCredentialsProvider(
                access_key_id=key_id, access_key_secret=secret, security_token=token
            )
            if token
            else StaticAKCredentialsProvider(access_key_id=key_id, access_key_secret=secret)
        )
        return ProviderCredentials(provider, source="environment")
    prefix = f"FINANCIALS_{service.upper()}"
    raise MissingCredentialsError(
        f"{service} is configured but no credentials were found: in ACK, enable RRSA (the pod "
        f"gets {', '.join(RRSA_VARIABLES)}); on a laptop, set {' and '.join(ENV_KEY_VARIABLES)}; "
        f"or set {prefix}_ACCESS_KEY_ID and {prefix}_ACCESS_KEY_SECRET"
    )


__all__ = [
    "AccessKey",
    "CredentialSource",
    "MissingCredentialsError",
    "ProviderCredentials",
    "credential_chain",
]
