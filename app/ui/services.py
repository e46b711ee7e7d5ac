"""The UI's one way to the running services: the container the lifespan built.

Reflex event handlers have no request to hang a dependency on, so they ask the running app
for the container that `app.wiring.services_lifespan` put on its API's state; the API's
routes read the very same object through `Depends(get_services)`.
"""

from __future__ import annotations

from reflex.utils.prerequisites import get_and_validate_app

from app.services.container import NotStartedError, Services


def services() -> Services:
    api = get_and_validate_app().app.api_transformer
    found: Services | None = getattr(getattr(api, "state", None), "services", None)
    if found is None:
        raise NotStartedError
    return found
