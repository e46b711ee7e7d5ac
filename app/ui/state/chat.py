"""Conversation state for the chat page.

Holds only what the page renders (short texts, ids); bar frames and images stay out, because
Reflex pickles this state to Redis in multi-replica deployments.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

import reflex as rx

Role = Literal["user", "assistant"]

EXAMPLE_PROMPTS: tuple[str, ...] = (
    "Do a Fibonacci retracement for TSLA over 3 months",
    "Show market structure for AAPL on the daily chart",
    "Where are the key support levels for MSFT?",
)

NOT_WIRED_REPLY = (
    "The analysis engine is not connected in this build yet, so I can't run "
    "“{prompt}”. Fibonacci levels, market structure and charts arrive next."
)


@dataclasses.dataclass
class ChatMessage:
    role: Role
    text: str


class ChatState(rx.State):
    """The messages of the open conversation and the text being composed."""

    messages: list[ChatMessage] = []  # noqa: RUF012 - Reflex state vars are declared this way
    draft: str = ""

    @rx.event
    def set_draft(self, value: str) -> None:
        self.draft = value

    @rx.event
    def use_example(self, prompt: str) -> None:
        self.draft = prompt

    @rx.event
    def send(self) -> None:
        prompt = self.draft.strip()
        if not prompt:
            return
        self.messages.append(ChatMessage(role="user", text=prompt))
        self.messages.append(
            ChatMessage(role="assistant", text=NOT_WIRED_REPLY.format(prompt=prompt))
        )
        self.draft = ""
