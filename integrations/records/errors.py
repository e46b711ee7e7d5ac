"""Errors the records port raises, whichever adapter is behind it."""

from __future__ import annotations


class RecordConflictError(Exception):
    """The record id is taken by another owner's record; nothing was written."""

    def __init__(self, record_id: str) -> None:
        super().__init__(f"analysis record {record_id} already exists for another owner")
        self.record_id = record_id
