from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.scan_status import ScanStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScanSummary")


@_attrs_define
class ScanSummary:
    """One of a user's scans in a list: its progress, without its rows.

    Attributes:
        created_at (datetime.datetime):
        executor (str):
        failed (int):
        id (str):
        progress (str): e.g. "212 / 503 scanned, 3 failed".
        scanned (int):
        status (ScanStatus):
        total (int):
        universe (str):
        updated_at (datetime.datetime):
        cancel_requested (bool | Unset): A cancel was asked; a scan running in another process stops at its next
            progress save (within about a second of a result) and then says `cancelled`. Default: False.
    """

    created_at: datetime.datetime
    executor: str
    failed: int
    id: str
    progress: str
    scanned: int
    status: ScanStatus
    total: int
    universe: str
    updated_at: datetime.datetime
    cancel_requested: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        executor = self.executor

        failed = self.failed

        id = self.id

        progress = self.progress

        scanned = self.scanned

        status = self.status.value

        total = self.total

        universe = self.universe

        updated_at = self.updated_at.isoformat()

        cancel_requested = self.cancel_requested

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "executor": executor,
                "failed": failed,
                "id": id,
                "progress": progress,
                "scanned": scanned,
                "status": status,
                "total": total,
                "universe": universe,
                "updated_at": updated_at,
            }
        )
        if cancel_requested is not UNSET:
            field_dict["cancel_requested"] = cancel_requested

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        executor = d.pop("executor")

        failed = d.pop("failed")

        id = d.pop("id")

        progress = d.pop("progress")

        scanned = d.pop("scanned")

        status = ScanStatus(d.pop("status"))

        total = d.pop("total")

        universe = d.pop("universe")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        cancel_requested = d.pop("cancel_requested", UNSET)

        scan_summary = cls(
            created_at=created_at,
            executor=executor,
            failed=failed,
            id=id,
            progress=progress,
            scanned=scanned,
            status=status,
            total=total,
            universe=universe,
            updated_at=updated_at,
            cancel_requested=cancel_requested,
        )

        return scan_summary
