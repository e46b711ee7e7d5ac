"""From a finished text to an Interpretation: key points, levels, and the grounding check.

Both interpreters end here, so the cloud and the offline analyst are checked the same way.
"""

from __future__ import annotations

import re

from analysis import Analysis
from analysis.grading import Call
from language.facts import GroundingFacts
from language.grounding import check_facts, settings_multipliers
from language.models import Interpretation, Provider

_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+(?P<point>.+?)\s*$", re.MULTILINE)


def key_points(text: str) -> list[str]:
    """The text's bullet (or numbered) lines, without markers or bold markup."""
    return [m.group("point").replace("**", "").strip() for m in _BULLET.finditer(text)]


def finish(
    text: str,
    *,
    analysis: Analysis,
    facts: GroundingFacts,
    provider: Provider,
    model: str,
    latency_ms: int,
    call: Call | None = None,
) -> Interpretation:
    report = check_facts(text, facts, settings_multipliers(analysis))
    return Interpretation(
        text=text.strip(),
        key_points=key_points(text),
        levels_mentioned=report.levels_mentioned,
        provider=provider,
        model=model,
        latency_ms=max(0, latency_ms),
        ungrounded=report.ungrounded,
        call=call,
    )
