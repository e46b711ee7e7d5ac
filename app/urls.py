"""Where browsers reach our routes, from Reflex's configured URLs.

In development the page comes from the frontend port and the API from the backend port, so a
relative link would miss; `REFLEX_API_URL` and `REFLEX_DEPLOY_URL` name the public URLs in
production. The routes' own paths are defined here once, for the routers and the builders.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from reflex.config import get_config

FILES_ROUTE = "/api/files"
AUTH_ROUTE = "/api/auth"
LOGIN_CALLBACK_ROUTE = AUTH_ROUTE + "/callback"
LOGOUT_ROUTE = AUTH_ROUTE + "/logout"
DEV_LOGIN_ROUTE = AUTH_ROUTE + "/dev-login"


def backend_url(path: str) -> str:
    """`path` on the backend, as the browser reaches it (REFLEX_API_URL)."""
    return get_config().api_url.rstrip("/") + path


def files_base_url() -> str:
    """Where browsers reach the files route."""
    return backend_url(FILES_ROUTE)


def login_callback_url() -> str:
    """The redirect URI registered at the issuer: the backend's public URL, as for files."""
    return backend_url(LOGIN_CALLBACK_ROUTE)


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def frontend_url(path: str) -> str:
    """Where a relative `path` of the UI is, as seen from a response of the backend.

    In development the UI is served from the frontend port and the API from the backend
    port, so a redirect after sign-in must name the frontend (`REFLEX_DEPLOY_URL`); when both
    share an origin, the path stays relative.
    """
    config = get_config()
    frontend = (config.deploy_url or "").rstrip("/")
    if frontend and _origin(frontend) != _origin(config.api_url):
        return frontend + path
    return path
