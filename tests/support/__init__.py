"""Helpers shared by tests: bar series, the bundled real data, and test doubles."""
