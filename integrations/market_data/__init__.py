"""Market data: where bars come from (Yahoo, the bundled sample, a user's CSV)."""
