"""Pure analysis domain: OHLCV frames in, typed models out.

No I/O and no framework imports here (nothing from `app`, `integrations`, web or cloud SDKs),
so every result is reproducible from its input alone.
"""
