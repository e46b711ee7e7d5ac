"""Helpers shared by tests: deterministic bar series and the bundled real data."""
