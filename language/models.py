"""What a reading and a plan are: interpretations, plans and the conversation they build on.

Pure models shared by the AI adapters (integrations/ai), the rules here and the services."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from language.vocabulary import (
    FIB_RATIOS,
    Interval,
    Leg,
    Period,
    ScanUniverse,
    ToolName,
    known_ratio,
)

Provider = Literal["dashscope", "offline analyst"]

# The call's model lives in `analysis.grading`, whose package loads pandas; quick commands
# (`financials parse`) import this module and must not, so the field is checked on use.
# The same for a scan's setups (`analysis.scan.setups`, whose package loads pandas too).
if TYPE_CHECKING:
    from analysis.grading import Call
    from analysis.scan.setups import Setup

    CallField = Call | None
    SetupsField = tuple[Setup, ...]
else:
    CallField = Any
    SetupsField = tuple[Any, ...]


@cache
def _setups_adapter() -> TypeAdapter[SetupsField]:
    from analysis.scan.setups import Setup

    return TypeAdapter(tuple[Setup, ...])


def _valid_setups(value: object) -> object:
    """A scan's setups as the setup models (from JSON or dicts too), checked as the API does."""
    if value is None or value == () or value == []:
        return ()
    return _setups_adapter().validate_python(value)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Interpretation(_Model):
    """An analyst's reading of one chart, with the numbers it used checked against ours."""

    text: str = Field(description="The whole reading as written (markdown, key points included).")
    key_points: list[str] = Field(description="The reading's bullet points, without the bullets.")
    levels_mentioned: list[float] = Field(
        description="Prices of the analysis that the text mentions, ascending."
    )
    provider: Provider
    model: str = Field(description="The cloud model, or the offline analyst's rule-set version.")
    latency_ms: int = Field(ge=0)
    ungrounded: list[str] = Field(
        description="Numbers in the text that match nothing in the analysis, as written."
    )
    call: CallField = Field(
        default=None,
        description="The reading's structured call (`analysis.grading.Call`), pinned to its "
        "last bar; null when the analyst gave none or an invalid one (never invented).",
    )

    @field_validator("call", mode="before")
    @classmethod
    def _a_call(cls, value: object) -> object:
        if value is None:
            return None
        from analysis.grading import Call

        return value if isinstance(value, Call) else Call.model_validate(value)


class PlannedCall(_Model):
    """One tool to run, with its arguments resolved: tickers, and a window Yahoo accepts."""

    tool: ToolName
    symbols: list[str] = Field(default_factory=list, description="Resolved tickers.")
    period: Period | None = None
    start: date | None = None
    end: date | None = None
    interval: Interval | None = None
    leg: Leg | None = Field(
        default=None, description="Fibonacci leg: the window's major move or the latest one."
    )
    ratio: float | None = Field(
        default=None,
        description="The Fibonacci level asked about (0.618 for “what about the 0.618?”); "
        "one of the ratios a chart draws.",
    )
    universe: ScanUniverse | None = Field(
        default=None, description="A scan's universe; a scan of named symbols has none."
    )
    setups: SetupsField = Field(
        default=(),
        description="A scan's setups (`analysis.scan.setups`): every kept symbol matches all.",
    )

    @field_validator("setups", mode="before")
    @classmethod
    def _setup_models(cls, value: object) -> object:
        return _valid_setups(value)

    @field_validator("ratio")
    @classmethod
    def _a_drawn_ratio(cls, value: float | None) -> float | None:
        if value is None:
            return None
        ratio = known_ratio(value)
        if ratio is None:
            raise ValueError(
                f"{value:g} is not a Fibonacci ratio of the chart; use one of "
                + ", ".join(f"{r:g}" for r in FIB_RATIOS)
            )
        return ratio

    @model_validator(mode="after")
    def _one_kind_of_window(self) -> Self:
        if self.period is not None and (self.start is not None or self.end is not None):
            raise ValueError("give a period or start/end dates, not both")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError("start must not be after end")
        if self.ratio is not None and self.tool != "fibonacci":
            raise ValueError(f"a ratio belongs to a fibonacci call, not to {self.tool}")
        if self.tool != "scan" and (self.universe is not None or self.setups):
            raise ValueError(f"a universe and setups belong to a scan, not to {self.tool}")
        if self.tool == "scan" and self.universe is not None and self.symbols:
            raise ValueError("a scan runs over a universe or named symbols, not both")
        return self


class Plan(_Model):
    """What to do with a message: tool calls, or a direct reply (an answer or a refusal)."""

    calls: list[PlannedCall] = Field(default_factory=list)
    reply: str | None = Field(default=None, description="Set when no tool should run.")
    notes: list[str] = Field(
        default_factory=list,
        description="What the planner changed or assumed, e.g. 4h bars shown as 1h.",
    )
    planner: str = Field(description="Which planner decided: `offline` or the cloud model.")

    @model_validator(mode="after")
    def _calls_or_reply(self) -> Self:
        if bool(self.calls) == (self.reply is not None):
            raise ValueError("a plan has tool calls or a reply, not both and not neither")
        return self

    @property
    def first(self) -> PlannedCall | None:
        return self.calls[0] if self.calls else None

    def view(self) -> PlanView:
        call = self.first
        return PlanView(
            tool=call.tool if call else None,
            symbols=call.symbols if call else [],
            period=call.period if call else None,
            start=call.start if call else None,
            end=call.end if call else None,
            interval=call.interval if call else None,
            leg=call.leg if call else None,
            ratio=call.ratio if call else None,
            universe=call.universe if call else None,
            setups=call.setups if call else (),
            reply=self.reply,
            notes=self.notes,
        )


class PlanView(_Model):
    """The flat shape `financials parse` prints: the first call, or the reply."""

    tool: ToolName | None
    symbols: list[str]
    period: Period | None
    start: date | None
    end: date | None
    interval: Interval | None
    leg: Leg | None
    ratio: float | None
    universe: ScanUniverse | None
    setups: SetupsField
    reply: str | None
    notes: list[str]

    @field_validator("setups", mode="before")
    @classmethod
    def _setup_models(cls, value: object) -> object:
        return _valid_setups(value)


class Turn(_Model):
    role: Literal["user", "assistant"]
    text: str
    plan: Plan | None = Field(default=None, description="The plan an assistant turn carried out.")


class Conversation(_Model):
    """The planner's view of the chat so far: enough to resolve "the same for AMD".

    Not the stored chat record (`integrations.chat_history`); `history.conversation_from`
    builds one from stored messages.
    """

    turns: tuple[Turn, ...] = ()

    def last_call(self) -> PlannedCall | None:
        """The most recent tool call that was about a symbol (help, replies and scans, which
        are about a universe, don't count)."""
        for turn in reversed(self.turns):
            if turn.plan is None:
                continue
            for call in reversed(turn.plan.calls):
                if call.symbols and call.tool != "scan":
                    return call
        return None

    def last_scan(self) -> PlannedCall | None:
        """The scan the conversation ran last, if it ran nothing since ("now the nasdaq 100"
        reuses its setups)."""
        for turn in reversed(self.turns):
            if turn.plan is not None and turn.plan.calls:
                call = turn.plan.calls[-1]
                return call if call.tool == "scan" else None
        return None

    def then(self, message: str, plan: Plan) -> Conversation:
        """This conversation followed by the user's message and the plan that answered it."""
        reply = plan.reply or ", ".join(c.tool for c in plan.calls)
        return Conversation(
            turns=(
                *self.turns,
                Turn(role="user", text=message),
                Turn(role="assistant", text=reply, plan=plan),
            )
        )
