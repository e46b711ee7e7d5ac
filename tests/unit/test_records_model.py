"""What an analysis record accepts, whichever store keeps it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from integrations.records import AnalysisRecord, AnalysisRequest, AnalysisStatus


def _request(**changes: object) -> AnalysisRequest:
    fields: dict[str, object] = {
        "symbol": "tsla",
        "interval": "1d",
        "period": "3mo",
        "tool": "fibonacci",
        "source": "yahoo",
    }
    return AnalysisRequest.model_validate({**fields, **changes})


def test_symbols_are_stored_in_capitals() -> None:
    assert _request(symbol=" brk.b ").symbol == "BRK.B"


def test_a_time_window_is_a_period_or_dates_not_both() -> None:
    with pytest.raises(ValidationError, match="either `period` or `start`/`end`"):
        _request(start=datetime(2025, 1, 1, tzinfo=UTC))
    with pytest.raises(ValidationError, match="`end` must not be before `start`"):
        _request(
            period=None,
            start=datetime(2025, 2, 1, tzinfo=UTC),
            end=datetime(2025, 1, 1, tzinfo=UTC),
        )


def test_a_symbol_with_odd_characters_is_refused_with_the_pattern() -> None:
    with pytest.raises(ValidationError, match="symbol"):
        _request(symbol="TSLA; DROP TABLE")


def test_a_done_record_always_has_its_result_and_chart() -> None:
    with pytest.raises(ValidationError, match="needs its `result_json` and at least one chart"):
        AnalysisRecord(
            owner="alice", request=_request(), status=AnalysisStatus.DONE, result_json="{}"
        )
    with pytest.raises(ValidationError, match="needs its `result_json`"):
        AnalysisRecord(
            owner="alice", request=_request(), status=AnalysisStatus.DONE, chart_keys=("c.png",)
        )


def test_a_failed_record_says_why() -> None:
    with pytest.raises(ValidationError, match="needs an `error` message"):
        AnalysisRecord(owner="alice", request=_request(), status=AnalysisStatus.FAILED)


def test_times_are_utc_to_the_millisecond_as_every_store_keeps_them() -> None:
    plus_two = timezone(timedelta(hours=2))
    record = AnalysisRecord(
        owner="alice",
        request=_request(),
        created_at=datetime(2025, 3, 1, 16, 0, 0, 123987, tzinfo=plus_two),
    )
    assert record.created_at == datetime(2025, 3, 1, 14, 0, 0, 123000, tzinfo=UTC)
    assert record.created_at.tzinfo is UTC
