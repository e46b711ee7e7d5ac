"""Structured outputs of the tools that the API has no body for (their JSON schema is each
tool's `outputSchema`). The analysis, quote and history tools return the API's own bodies."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ComparedSymbol(BaseModel):
    """One symbol of a comparison: the chat's compare row, with where its bars came from."""

    model_config = ConfigDict(frozen=True)

    symbol: str
    name: str | None
    last_close: float
    change_pct: float = Field(description="Change over the window, 0.1 = +10%.")
    trend: str = Field(description="The swing structure's trend (internal if no swings).")
    support: float | None = Field(description="Nearest support below the last close.")
    resistance: float | None = Field(description="Nearest resistance above the last close.")
    source: str = Field(description="Where the bars came from: yahoo, sample, csv.")
    notice: str | None = Field(description="e.g. the offline notice when sample data answered.")


class Comparison(BaseModel):
    model_config = ConfigDict(frozen=True)

    period: str
    interval: str
    symbols: list[ComparedSymbol]
    best: str = Field(description="The symbol that did best over the window.")
    text: str = Field(description="The comparison in one line, as the chat says it.")
