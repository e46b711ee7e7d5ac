"""Between stored chat messages and the planner's `Conversation`.

The chat store keeps tool calls as (name, arguments JSON); a plan's calls are stored that
way (`stored_tool_calls`) and read back (`conversation_from`), so follow-ups such as "now do
the same for AMD" work after a restart, whichever store holds the history.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import ValidationError

from integrations.chat_history.models import ChatMessage, Role, ToolCall
from language.models import Conversation, Plan, PlannedCall, Turn
from language.vocabulary import TOOL_NAMES


def stored_tool_calls(plan: Plan, id_prefix: str) -> tuple[ToolCall, ...]:
    """The plan's calls as the chat store keeps them; ids are `{id_prefix}-{n}`."""
    return tuple(
        ToolCall(
            id=f"{id_prefix}-{n}",
            name=call.tool,
            arguments_json=call.model_dump_json(exclude={"tool"}),
        )
        for n, call in enumerate(plan.calls)
    )


def _planned(call: ToolCall) -> PlannedCall | None:
    """A stored call read back; None for calls that are not ours or no longer valid."""
    tool = next((name for name in TOOL_NAMES if name == call.name), None)
    if tool is None:
        return None
    try:
        arguments = json.loads(call.arguments_json)
        return PlannedCall.model_validate({**arguments, "tool": tool})
    except (json.JSONDecodeError, TypeError, ValidationError):
        return None


def conversation_from(messages: Sequence[ChatMessage]) -> Conversation:
    """User and assistant messages, oldest first, with the plans their tool calls carried."""
    turns: list[Turn] = []
    for message in messages:
        if message.role == Role.USER:
            turns.append(Turn(role="user", text=message.text))
        elif message.role == Role.ASSISTANT:
            calls = [c for c in map(_planned, message.attachments.tool_calls) if c is not None]
            plan = Plan(calls=calls, planner="history") if calls else None
            turns.append(Turn(role="assistant", text=message.text, plan=plan))
    return Conversation(turns=tuple(turns))
