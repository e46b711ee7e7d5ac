"""The offline `ChatPlanner`: the rules of `language.planner`, with no model and no network.

The default without a DashScope key; the rules are pure, this adapter only names them.
"""

from __future__ import annotations

from language.planner import PLANNER_NAME, RulePlanner


class OfflineChatPlanner(RulePlanner):
    """`ChatPlanner` by rules; deterministic, so its accuracy is measured on a fixed table."""

    name = PLANNER_NAME
