"""Pure rules for words: what a request asks for, and whether a reading's numbers are ours.

- `vocabulary`: period, interval, tool and leg, defined once for every layer.
- Planning: `periods`, `mentions`, `intents` and `planner` turn a chat message into a `Plan`.
- Reading: `facts`, `grounding`, `reading` and `analyst` build, check and write readings.

No I/O and no framework imports, typed like `analysis/` (which is the only package it uses):
the AI adapters in `integrations/ai` and the services call these rules.
"""
