"""The scan benchmark's bundled run keeps its scans in a scratch store, not the configured one."""

from __future__ import annotations

from pathlib import Path

from app.bench import scan_bench
from app.config import get_settings
from app.wiring.persistence import open_persistence


async def test_the_bundled_scan_writes_nothing_into_the_configured_database(
    tmp_path: Path,
) -> None:
    get_settings.cache_clear()
    assert get_settings().data_dir == tmp_path / "data"
    seconds = await scan_bench._bundled(workers=1)
    assert seconds > 0
    async with open_persistence(get_settings()) as persistence:
        page = await persistence.scans.list_scans("bench")
    assert page.items == [], "the bench's two scans landed in the configured database"
