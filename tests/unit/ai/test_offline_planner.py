"""The offline planner on a table of plain-English requests (planner_cases.py)."""

from __future__ import annotations

import pytest

from app.wiring.ai import ai_symbol_resolver
from integrations.ai.offline_planner import OfflineChatPlanner
from language.models import Conversation, Plan
from tests.unit.ai.fake_resolver import fake_resolver
from tests.unit.ai.planner_cases import CASES, TODAY, Call, Case, Reply
from tests.unit.ai.planner_score import RESULTS


def planner() -> OfflineChatPlanner:
    return OfflineChatPlanner(fake_resolver(), today=lambda: TODAY)


async def plan_after(history: tuple[str, ...], message: str) -> Plan:
    chat = planner()
    conversation = Conversation()
    for earlier in history:
        earlier_plan = await chat.plan(earlier, conversation)
        assert earlier_plan.calls, f"history message {earlier!r} should plan a tool call"
        conversation = conversation.then(earlier, earlier_plan)
    return await chat.plan(message, conversation)


def mismatch(case: Case, plan: Plan) -> str | None:
    """What differs from the expectation, or None."""
    if isinstance(case.expect, Reply):
        if plan.reply is None or case.expect.contains.lower() not in plan.reply.lower():
            return f"expected a reply containing {case.expect.contains!r}, got {plan.view()}"
        return None
    expected: Call = case.expect
    if plan.first is None:
        return f"expected {expected}, got the reply {plan.reply!r}"
    got = plan.first
    actual = Call(
        got.tool,
        tuple(got.symbols),
        got.period,
        got.interval,
        got.start,
        got.end,
        got.leg,
        got.ratio,
        got.universe,
        tuple(got.setups),
    )
    return None if actual == expected else f"expected {expected}, got {actual}"


@pytest.mark.parametrize("case", CASES, ids=[c.message[:40] or "<empty>" for c in CASES])
async def test_planner_case(case: Case) -> None:
    problem = mismatch(case, await plan_after(case.history, case.message))
    RESULTS[f"{case.history}|{case.message}"] = problem is None
    assert problem is None, problem


def test_the_table_is_large_and_varied() -> None:
    assert len(CASES) >= 150
    tools = {c.expect.tool for c in CASES if isinstance(c.expect, Call)}
    assert tools == {
        "fibonacci", "structure", "levels", "summary", "quote", "chart", "compare", "scan",
        "help",
    }  # fmt: skip
    assert sum(isinstance(c.expect, Reply) for c in CASES) >= 5
    assert sum(bool(c.history) for c in CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c.message[:40] or "<empty>" for c in CASES])
async def test_planner_case_with_the_real_symbol_table(case: Case) -> None:
    """The same table against market data's resolver, as the app runs it."""
    chat = OfflineChatPlanner(ai_symbol_resolver(), today=lambda: TODAY)
    conversation = Conversation()
    for earlier in case.history:
        conversation = conversation.then(earlier, await chat.plan(earlier, conversation))
    problem = mismatch(case, await chat.plan(case.message, conversation))
    assert problem is None, problem


@pytest.mark.parametrize(
    ("history", "message", "leg"),
    [
        ((), "fibonacci for AAPL over 1 year", None),
        ((), "fibonacci for AAPL on the latest swing", "latest"),
        (("do a Fibonacci retracement for TSLA over 3 months",), "use the latest swing", "latest"),
        (("fibonacci for AAPL on the latest swing",), "now the major leg", "major"),
        (("fibonacci for AAPL on the latest swing",), "and for MSFT?", "latest"),
    ],
)
async def test_the_leg_asked_for_is_planned_and_kept_in_follow_ups(
    history: tuple[str, ...], message: str, leg: str | None
) -> None:
    plan = await plan_after(history, message)
    assert plan.first is not None, plan.reply
    assert plan.first.leg == leg
    if history:
        assert plan.first.tool == "fibonacci"
