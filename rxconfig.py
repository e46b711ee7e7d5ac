"""Reflex configuration; every field can be overridden with a `REFLEX_<FIELD>` variable."""

import reflex as rx
from reflex.plugins.sitemap import SitemapPlugin

config = rx.Config(
    app_name="app",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="inherit", accent_color="indigo", radius="large"),
        ),
    ],
    disable_plugins=[SitemapPlugin],
    # StrictMode's development-only double checks log a React error for a component inside
    # Reflex's own page head (SideEffect(NullComponent), UNSAFE_componentWillMount) that we
    # cannot change; production builds never run them.
    react_strict_mode=False,
)
