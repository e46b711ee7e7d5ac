"""Composition root: the one place that reads settings and picks an adapter for each port.

Everything else receives its collaborators (market data, cache, records, chat history,
storage, AI, auth) from here, so swapping an embedded default for its cloud service is a
setting, not a code change. Ports are added here as their issues land.
"""
