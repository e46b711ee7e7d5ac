"""The record page's view: accuracy rows beside baselines, and an honest line when thin."""

from __future__ import annotations

from datetime import UTC, datetime

from analysis.grading import Grade
from app.services.track_record import grade_label, record_rows, summarise
from app.ui.state.record import _view
from integrations.records import AnalysisRecord, AnalysisRequest, AnalysisStatus


def _graded(outcome: str, bias: str = "bullish") -> AnalysisRecord:
    realised = "flat" if outcome == "flat" else ("up" if outcome == "right" else "down")
    move = {"up": 1.5, "down": -2.5, "flat": 0.1}[realised]
    grade = Grade(
        outcome=outcome,
        realised=realised,
        move_atr=move,
        threshold_atr=0.5,
        end_time=datetime(2013, 1, 10, tzinfo=UTC),
        end_close=100.0,
        target=None,
        levels="no level",
        max_favourable_atr=1.0,
        max_adverse_atr=2.0,
    )
    return AnalysisRecord(
        owner="alice",
        status=AnalysisStatus.DONE,
        request=AnalysisRequest(symbol="IBM", interval="1d", tool="fibonacci", source="sample"),
        result_json="{}",
        chart_keys=("c.png",),
        ai_provider="offline analyst",
        call_json=f'{{"bias": "{bias}", "horizon_bars": 10, "confidence": 0.6667, '
        '"as_of": "2013-01-01T00:00:00Z", "close": 100.0, "atr": 2.0}',
        grade_json=grade.model_dump_json(),
        graded_at=datetime(2013, 2, 1, tzinfo=UTC),
    )


def test_a_thin_record_says_a_verdict_needs_more_calls() -> None:
    record = summarise([_graded("right"), _graded("wrong"), _graded("flat")], "alice")
    view = _view("Your calls", record)

    assert view.graded == 3
    assert view.summary == (
        "Directional calls: 50% [9%-91%] of 2 decided "
        "(not enough graded calls: 30 needed for a verdict)"
    )
    assert [bar.name for bar in view.bars] == ["these calls", "always-majority", "random"]
    assert view.bars[1].verdict == "not enough graded calls"
    assert view.chart[0]["accuracy_pct"] == 50.0
    assert [m.move_atr for m in view.misses] == ["-2.50"]


def test_rows_skip_what_has_no_decided_call() -> None:
    record = summarise([_graded("right", "neutral")], None)
    assert record_rows(record) == []
    assert (
        _view("Everyone's calls", record).neutral == "Neutral calls: 100% [21%-100%] of 1 decided"
    )


def test_a_history_badge_names_the_grade_or_nothing() -> None:
    grade = _graded("wrong").grade_json
    assert grade is not None
    assert grade_label(Grade.model_validate_json(grade)) == "call wrong (-2.5 ATR)"
    assert grade_label(None) == ""
