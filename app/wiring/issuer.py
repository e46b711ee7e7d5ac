"""The built-in development token issuer, as the settings allow it.

Apart from the rest of auth (`wiring.auth`: verifiers, browser sign-in, HTTP clients) so that
`financials token` imports only what minting a token needs.
"""

from __future__ import annotations

from app.config import ConfigurationError, Settings
from app.urls import AUTH_ROUTE, backend_url
from integrations.auth.dev_issuer import DevIssuer

DEV_ISSUER_KEY_FILE = "dev-issuer-key.json"


def dev_issuer(settings: Settings) -> DevIssuer:
    """The development issuer; refused in production, where a real OIDC issuer is required."""
    if settings.is_production:
        raise ConfigurationError(
            "FINANCIALS_OIDC_ISSUER must be set in production: the built-in development token "
            "issuer is for laptops and tests only"
        )
    return DevIssuer(settings.data_dir / DEV_ISSUER_KEY_FILE, issuer=backend_url(AUTH_ROUTE))
