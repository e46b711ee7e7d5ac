"""The chat's use cases on a real container: the plan an answer shows, the conversation's
summary, and reopening where the user left off."""

from __future__ import annotations

from app.services.chat import Overrides
from app.services.conversations import Shown, TurnInput, reopen, take_turn
from tests.api.conftest import Started


async def _turn(started: Started, text: str, conversation_id: str = "", **picked: str) -> Shown:
    turn = TurnInput(
        owner="dev:alice",
        text=text,
        overrides=Overrides(**picked),  # type: ignore[arg-type]
        conversation_id=conversation_id,
    )
    return await take_turn(started.services, turn)


async def test_an_answer_shows_the_plan_that_ran(started: Started) -> None:
    shown = await _turn(started, "Do a Fibonacci retracement for AAPL over 1 year", period="6mo")
    answer = shown.messages[0]
    assert answer.plan_label == "Fibonacci · AAPL · 1Y · 1d · major leg"
    assert (answer.plan_tool, answer.plan_period, answer.plan_leg) == ("fibonacci", "1y", "major")
    assert answer.id in shown.figures, "the interactive chart comes with it"


async def test_summary_lists_each_analysis_of_the_conversation(started: Started) -> None:
    first = await _turn(started, "fibonacci for AAPL")
    second = await _turn(started, "market structure for MSFT", first.conversation_id)
    summary = await _turn(started, "summarize", second.conversation_id)
    text = summary.messages[0].text
    assert "**AAPL 1d** (Fibonacci)" in text
    assert "**MSFT 1d** (Market structure)" in text
    assert "support" in text
    assert "resistance" in text


async def test_quote_and_compare_answers_have_their_own_charts(started: Started) -> None:
    quote = await _turn(started, "quote IBM")
    card = quote.messages[0]
    assert card.kind == "quote"
    assert card.quote_last
    assert card.id in quote.figures, "a sparkline"
    compare = await _turn(started, "compare apple and microsoft over 1 year")
    table = compare.messages[0]
    assert table.kind == "compare"
    overlay = compare.figures[table.id]
    assert [trace["name"] for trace in overlay["data"]] == ["AAPL", "MSFT"]
    assert all(trace["y"][0] == 100 for trace in overlay["data"]), "rebased to 100"


async def test_reopening_shows_the_conversation_where_it_was_left(started: Started) -> None:
    first = await _turn(started, "fibonacci for AAPL")
    await _turn(started, "thanks", first.conversation_id)
    shown = await reopen(started.services, owner="dev:alice", conversation_id=first.conversation_id)
    assert [m.role for m in shown.messages] == ["user", "assistant", "user", "assistant"]
    assert shown.messages[1].kind == "analysis"
    assert shown.context_symbol == "AAPL"
    reopened = shown.messages[1]
    assert reopened.has_figure, "the interactive chart, not only the stored image"
    assert reopened.chart_url, "the image stays, for the PNG download"
    drawn = shown.figures[reopened.id]
    live = first.figures[first.messages[0].id]
    assert drawn["layout"]["title"]["text"] == live["layout"]["title"]["text"], (
        "the same chart as when asked"
    )
