"""Ports (small Protocols) and their adapters, one package per concern.

Each adapter talks to one outside system (Yahoo, Redis, SQLite, OSS, DashScope, an OIDC
issuer); `app/wiring.py` picks which from the settings. Nothing here imports `app`.
"""
