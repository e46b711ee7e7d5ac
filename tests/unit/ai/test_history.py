"""Plans survive the chat store: follow-ups work on a conversation read back from it."""

from __future__ import annotations

from datetime import date

from app.services.conversation_history import conversation_from, stored_tool_calls
from integrations.ai.offline_planner import OfflineChatPlanner
from integrations.chat_history.models import Attachments, ChatMessage, Role, ToolCall
from language.models import Plan, PlannedCall
from tests.unit.ai.fake_resolver import fake_resolver

CONVERSATION_ID = "0" * 32


def message(n: int, role: Role, text: str, calls: tuple[ToolCall, ...] = ()) -> ChatMessage:
    return ChatMessage(
        id=n,
        conversation_id=CONVERSATION_ID,
        role=role,
        text=text,
        attachments=Attachments(tool_calls=calls),
    )


async def test_a_follow_up_works_on_a_conversation_read_back_from_the_store() -> None:
    planner = OfflineChatPlanner(fake_resolver(), today=lambda: date(2025, 6, 16))
    first = Plan(
        calls=[PlannedCall(tool="fibonacci", symbols=["TSLA"], start=date(2024, 1, 2))],
        planner="offline",
    )
    stored = [
        message(1, Role.USER, "fib on tesla since 2024-01-02"),
        message(2, Role.ASSISTANT, "Here is TSLA.", stored_tool_calls(first, "m2")),
        message(3, Role.SYSTEM, "ignored"),
    ]

    conversation = conversation_from(stored)
    plan = await planner.plan("now do the same for AMD", conversation)

    assert conversation.last_call() == first.calls[0]
    assert plan.first == PlannedCall(tool="fibonacci", symbols=["AMD"], start=date(2024, 1, 2))


def test_calls_that_are_not_ours_or_no_longer_valid_are_skipped() -> None:
    stored = [
        message(1, Role.ASSISTANT, "x", (ToolCall(id="a", name="weather", arguments_json="{}"),)),
        message(2, Role.ASSISTANT, "y", (ToolCall(id="b", name="chart", arguments_json="{bad"),)),
    ]
    conversation = conversation_from(stored)
    assert [turn.plan for turn in conversation.turns] == [None, None]
    assert conversation.last_call() is None


async def test_the_ratio_and_leg_asked_for_survive_the_store() -> None:
    planner = OfflineChatPlanner(fake_resolver(), today=lambda: date(2025, 6, 16))
    asked = PlannedCall(
        tool="fibonacci", symbols=["AAPL"], period="1y", interval="4h", leg="latest", ratio=0.618
    )
    stored = [
        message(1, Role.USER, "what about the 0.618?"),
        message(
            2, Role.ASSISTANT, "AAPL", stored_tool_calls(Plan(calls=[asked], planner="x"), "m")
        ),
    ]

    plan = await planner.plan("and for MSFT?", conversation_from(stored))

    assert plan.first == asked.model_copy(update={"symbols": ["MSFT"]})
