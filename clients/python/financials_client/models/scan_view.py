from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.scan_status import ScanStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hit_rates import HitRates
    from ..models.scan_row import ScanRow
    from ..models.symbol_failure import SymbolFailure


T = TypeVar("T", bound="ScanView")


@_attrs_define
class ScanView:
    """A scan's progress and one page of its rows (sorted by distance in ATR, then symbol).

    Attributes:
        created_at (datetime.datetime):
        executor (str):
        failed (int):
        failures (list[SymbolFailure]):
        id (str):
        limit (int):
        matched (int): Rows in all (the page holds `limit` of them).
        next_offset (int | None):
        offset (int):
        pooled (HitRates | None): Level statistics pooled over every series this scan measured.
        progress (str): e.g. "212 / 503 scanned, 3 failed".
        rows (list[ScanRow]):
        scanned (int):
        status (ScanStatus):
        total (int):
        universe (str):
        updated_at (datetime.datetime):
        cancel_requested (bool | Unset): A cancel was asked; a scan running in another process stops at its next
            progress save (within about a second of a result) and then says `cancelled`. Default: False.
        error (None | str | Unset):
    """

    created_at: datetime.datetime
    executor: str
    failed: int
    failures: list[SymbolFailure]
    id: str
    limit: int
    matched: int
    next_offset: int | None
    offset: int
    pooled: HitRates | None
    progress: str
    rows: list[ScanRow]
    scanned: int
    status: ScanStatus
    total: int
    universe: str
    updated_at: datetime.datetime
    cancel_requested: bool | Unset = False
    error: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.hit_rates import HitRates  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        executor = self.executor

        failed = self.failed

        failures = []
        for failures_item_data in self.failures:
            failures_item = failures_item_data.to_dict()
            failures.append(failures_item)

        id = self.id

        limit = self.limit

        matched = self.matched

        next_offset: int | None
        next_offset = self.next_offset

        offset = self.offset

        pooled: dict[str, Any] | None
        if isinstance(self.pooled, HitRates):
            pooled = self.pooled.to_dict()
        else:
            pooled = self.pooled

        progress = self.progress

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        scanned = self.scanned

        status = self.status.value

        total = self.total

        universe = self.universe

        updated_at = self.updated_at.isoformat()

        cancel_requested = self.cancel_requested

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "executor": executor,
                "failed": failed,
                "failures": failures,
                "id": id,
                "limit": limit,
                "matched": matched,
                "next_offset": next_offset,
                "offset": offset,
                "pooled": pooled,
                "progress": progress,
                "rows": rows,
                "scanned": scanned,
                "status": status,
                "total": total,
                "universe": universe,
                "updated_at": updated_at,
            }
        )
        if cancel_requested is not UNSET:
            field_dict["cancel_requested"] = cancel_requested
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hit_rates import HitRates  # noqa: PLC0415
        from ..models.scan_row import ScanRow  # noqa: PLC0415
        from ..models.symbol_failure import SymbolFailure  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        executor = d.pop("executor")

        failed = d.pop("failed")

        failures = []
        _failures = d.pop("failures")
        for failures_item_data in _failures:
            failures_item = SymbolFailure.from_dict(failures_item_data)

            failures.append(failures_item)

        id = d.pop("id")

        limit = d.pop("limit")

        matched = d.pop("matched")

        def _parse_next_offset(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        next_offset = _parse_next_offset(d.pop("next_offset"))

        offset = d.pop("offset")

        def _parse_pooled(data: object) -> HitRates | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pooled_type_0 = HitRates.from_dict(data)

                return pooled_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HitRates | None, data)

        pooled = _parse_pooled(d.pop("pooled"))

        progress = d.pop("progress")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ScanRow.from_dict(rows_item_data)

            rows.append(rows_item)

        scanned = d.pop("scanned")

        status = ScanStatus(d.pop("status"))

        total = d.pop("total")

        universe = d.pop("universe")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        cancel_requested = d.pop("cancel_requested", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        scan_view = cls(
            created_at=created_at,
            executor=executor,
            failed=failed,
            failures=failures,
            id=id,
            limit=limit,
            matched=matched,
            next_offset=next_offset,
            offset=offset,
            pooled=pooled,
            progress=progress,
            rows=rows,
            scanned=scanned,
            status=status,
            total=total,
            universe=universe,
            updated_at=updated_at,
            cancel_requested=cancel_requested,
            error=error,
        )

        return scan_view
