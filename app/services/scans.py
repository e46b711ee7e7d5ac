"""The scan use case behind the API, the CLI and the chat: a universe in, rows out, stored.

Order: resolve the universe -> store a `running` record -> fan the symbols out through the
`ScanExecutor` (each worker fetches its bars through the cache, analyses and filters them)
-> store progress as results arrive -> pool every series' level samples into the
cross-symbol statistics, put each row's pooled verdict beside its own -> store `done`.
A symbol that fails is a failure row with its reason; a cancelled scan is stored as such and
its tasks are stopped.

Cancelling works from any process: in the one running the scan, its task is cancelled at
once; elsewhere (another API replica, a CLI scan) the request is stored on the record, and
the running process reads it back from its next progress save and stops there.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from contextlib import aclosing
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter

from analysis import AnalysisSettings
from analysis.models import HitRates
from analysis.scan import ScanRow, SymbolSamples, pool_hit_rates, with_universe_stats
from app.logging import get_logger
from app.services.scan_schemas import (
    ScanOutcome,
    ScanPage,
    ScanRequest,
    ScanSummary,
    ScanTask,
    ScanView,
    SymbolFailure,
)
from integrations.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from integrations.records.scans import (
    ScanRecord,
    ScanRepository,
    ScanStatus,
    Watchlist,
    touched,
)
from integrations.scans import CsvMember, ScanExecutor, UnknownUniverseError, universe

log = get_logger("financials.services.scans")
WATCHLIST = "watchlist"
CSV_UNIVERSE = "csv"  # a folder or zip of the user's CSV files
# How often a running scan's record is rewritten with its progress.
SAVE_EVERY_SECONDS = 1.0
_ROWS = TypeAdapter(list[ScanRow])
_FAILURES = TypeAdapter(list[SymbolFailure])

# Told the scan's view as results arrive (the CLI's progress bar, the chat's table).
ScanProgress = Callable[[ScanView], Awaitable[None]]


class ScanInputError(ValueError):
    """A scan the user can fix: unknown universe, empty watchlist, bad page."""


class ScanNotFoundError(LookupError):
    def __init__(self, scan_id: str) -> None:
        super().__init__(f"no scan {scan_id} of yours")


@dataclass
class ScanJobs:
    """The scans running in this process, by id, so they can be cancelled and awaited.

    Held by the services container (one per process), not in a module variable.
    """

    tasks: dict[str, asyncio.Task[ScanView]] = field(default_factory=dict)

    def start(self, scan_id: str, work: Coroutine[Any, Any, ScanView]) -> None:
        task = asyncio.create_task(work, name=f"scan-{scan_id}")
        self.tasks[scan_id] = task
        task.add_done_callback(lambda _t: self.tasks.pop(scan_id, None))

    def cancel(self, scan_id: str) -> bool:
        task = self.tasks.get(scan_id)
        return task.cancel() if task is not None else False

    async def close(self) -> None:
        for task in list(self.tasks.values()):
            task.cancel()
        await asyncio.gather(*self.tasks.values(), return_exceptions=True)


@dataclass(frozen=True)
class ScanPorts:
    executor: ScanExecutor
    repository: ScanRepository
    # The per-symbol work, run on the executor's workers (module-level, so it pickles).
    task: Callable[[ScanTask], ScanOutcome]
    jobs: ScanJobs


async def save_watchlist(ports: ScanPorts, owner: str, symbols: list[str]) -> Watchlist:
    watchlist = Watchlist(owner=owner, symbols=tuple(dict.fromkeys(s.upper() for s in symbols)))
    await ports.repository.save_watchlist(watchlist)
    return watchlist


async def universe_symbols(ports: ScanPorts, request: ScanRequest, owner: str) -> list[str]:
    """The symbols to scan; `ScanInputError` saying what is accepted otherwise."""
    if request.symbols is not None:
        return list(request.symbols)
    if request.universe.strip().lower() == WATCHLIST:
        saved = await ports.repository.get_watchlist(owner)
        if saved is None or not saved.symbols:
            raise ScanInputError(
                "your watchlist is empty: save one first (PUT /api/watchlist, or "
                "`financials watchlist AAPL MSFT`)"
            )
        return list(saved.symbols)
    try:
        return universe(request.universe).symbols
    except UnknownUniverseError as exc:
        raise ScanInputError(str(exc)) from None


def _row_order(row: ScanRow) -> tuple[bool, float, str]:
    """Nearest to its level (in ATR) first, rows without a distance last, then by symbol."""
    return (row.distance_atr is None, row.distance_atr or 0.0, row.symbol)


def _pooled(measured: list[SymbolSamples], settings: AnalysisSettings) -> HitRates | None:
    return pool_hit_rates(measured, settings) if measured else None


def _progress(record: ScanRecord, failures: list[SymbolFailure]) -> str:
    progress = f"{record.scanned} / {record.total} scanned, {record.failed} failed"
    if failures:
        progress += ": " + "; ".join(f"{f.symbol} ({f.reason})" for f in failures[:3])
    if record.cancel_requested and record.status is ScanStatus.RUNNING:
        progress += "; cancelling"
    return progress


def _view(
    record: ScanRecord,
    rows: list[ScanRow],
    failures: list[SymbolFailure],
    pooled: HitRates | None,
    offset: int = 0,
    limit: int | None = None,
) -> ScanView:
    """The view of `record` from its rows, failures and pool already in hand (not re-read
    from the record's JSON)."""
    if offset < 0 or (limit is not None and not 1 <= limit <= MAX_PAGE_SIZE):
        raise ScanInputError(
            f"`offset` must be 0 or more and `limit` between 1 and {MAX_PAGE_SIZE}"
        )
    limit = len(rows) or 1 if limit is None else limit
    more = offset + limit < len(rows)
    return ScanView(
        **summary_of(record, failures).model_dump(),
        failures=failures,
        matched=len(rows),
        offset=offset,
        limit=limit,
        next_offset=offset + limit if more else None,
        rows=rows[offset : offset + limit],
        pooled=pooled,
        error=record.error,
    )


def view_of(record: ScanRecord, offset: int = 0, limit: int | None = None) -> ScanView:
    """The record with one page of rows (`limit` None: every row, for the CLI and chat)."""
    pooled = (
        None if record.pooled_json is None else HitRates.model_validate_json(record.pooled_json)
    )
    return _view(
        record,
        _ROWS.validate_json(record.rows_json),
        _FAILURES.validate_json(record.failures_json),
        pooled,
        offset,
        limit,
    )


def summary_of(record: ScanRecord, failures: list[SymbolFailure] | None = None) -> ScanSummary:
    """The record's progress without its rows (`failures`: already parsed, else read)."""
    if failures is None:
        failures = _FAILURES.validate_json(record.failures_json)
    return ScanSummary(
        id=record.id,
        status=record.status,
        universe=record.universe,
        executor=record.executor,
        created_at=record.created_at,
        updated_at=record.updated_at,
        total=record.total,
        scanned=record.scanned,
        failed=record.failed,
        progress=_progress(record, failures),
        cancel_requested=record.cancel_requested,
    )


async def create_scan(
    ports: ScanPorts,
    request: ScanRequest,
    owner: str,
    *,
    files: Sequence[CsvMember] | None = None,
) -> ScanRecord:
    """Resolves the universe and stores the `running` record (nothing runs yet).

    `files` (a folder or zip of CSVs, `read_csv_universe`) is the universe instead of the
    request's: one symbol per file.
    """
    if files is not None:
        if not files:
            raise ScanInputError("no CSV files to scan")
        symbols, universe_name, total = [m.symbol for m in files], CSV_UNIVERSE, len(files)
    else:
        symbols = await universe_symbols(ports, request, owner)
        universe_name = "symbols" if request.symbols is not None else request.universe.lower()
        total = len(symbols)
    record = ScanRecord(
        owner=owner,
        universe=universe_name,
        request_json=request.model_copy(
            update={"symbols": tuple(dict.fromkeys(symbols))}
        ).model_dump_json(),
        executor=ports.executor.name,
        total=total,
    )
    await ports.repository.save_scan(record)
    return record


def _tasks(
    request: ScanRequest, settings: AnalysisSettings, files: Sequence[CsvMember] | None
) -> tuple[list[ScanTask], list[SymbolFailure]]:
    """The tasks to fan out, and the failures known before any runs (files not read)."""

    def task(symbol: str, member: CsvMember | None = None) -> ScanTask:
        return ScanTask(
            symbol=symbol,
            interval=request.interval,
            period=request.period,
            setups=request.setups,
            settings=settings,
            source=request.source,
            csv=member.data if member else None,
            csv_name=member.filename if member else None,
        )

    if files is None:
        return [task(s) for s in request.symbols or ()], []
    return (
        [task(m.symbol, m) for m in files if m.data is not None],
        [
            SymbolFailure(symbol=m.symbol, reason=m.error or "not read")
            for m in files
            if m.data is None
        ],
    )


async def execute_scan(
    ports: ScanPorts,
    record: ScanRecord,
    progress: ScanProgress | None = None,
    *,
    files: Sequence[CsvMember] | None = None,
) -> ScanView:
    """Runs a created scan to its end, storing progress; returns its full view.

    Each progress save returns the record as stored: when it carries a cancel request
    (asked from any process), the scan stops its tasks there and is stored `cancelled`.
    `files`: the CSV files `create_scan` was given.
    """
    request = ScanRequest.model_validate_json(record.request_json)
    settings = AnalysisSettings()
    tasks, failures = _tasks(request, settings, files)
    symbols = [t.symbol for t in tasks]
    rows: list[ScanRow] = []
    # By symbol: the bootstrap's clusters then come in one order whatever finished first.
    measured: dict[str, SymbolSamples] = {}
    scanned, last_save = len(failures), time.monotonic()
    pooled: HitRates | None = None

    def current(status: ScanStatus = ScanStatus.RUNNING, **extra: object) -> ScanRecord:
        rows.sort(key=_row_order)  # nearly sorted already: cheap
        return touched(
            record,
            status=status,
            scanned=scanned,
            failed=len(failures),
            rows_json=_ROWS.dump_json(rows).decode(),
            failures_json=_FAILURES.dump_json(failures).decode(),
            **extra,
        )

    try:
        cancel_requested = False
        stream = ports.executor.map(ports.task, tasks)
        async with aclosing(stream):
            async for result in stream:
                scanned += 1
                outcome = result.value
                if outcome is None or outcome.error is not None:
                    reason = result.error or (outcome.error if outcome else None) or "no result"
                    failures.append(SymbolFailure(symbol=symbols[result.index], reason=reason))
                else:
                    if outcome.row is not None:
                        rows.append(outcome.row)
                    if outcome.samples is not None:
                        measured[outcome.symbol] = outcome.samples
                # The last result is saved once, with the scan's outcome, below.
                if scanned == record.total or time.monotonic() - last_save < SAVE_EVERY_SECONDS:
                    continue
                last_save = time.monotonic()
                record = await ports.repository.save_scan(current())
                if progress is not None:
                    await progress(_view(record, rows, failures, None))
                if record.cancel_requested:
                    cancel_requested = True
                    break  # leaving `aclosing` stops the tasks not finished
        if cancel_requested:
            log.info("scan cancelled by request", scan_id=record.id, scanned=scanned)
            record = current(ScanStatus.CANCELLED)
        else:
            pooled = _pooled([measured[k] for k in sorted(measured)], settings)
            if pooled is not None:
                rows = with_universe_stats(rows, pooled)
            record = current(
                ScanStatus.DONE, pooled_json=None if pooled is None else pooled.model_dump_json()
            )
    except asyncio.CancelledError:
        await asyncio.shield(ports.repository.save_scan(current(ScanStatus.CANCELLED)))
        raise
    except Exception as exc:
        log.exception("scan failed", scan_id=record.id)
        pooled = None
        record = current(ScanStatus.FAILED, error=f"the scan stopped: {exc}")
    record = await ports.repository.save_scan(record)
    view = _view(record, rows, failures, pooled)
    if progress is not None:
        await progress(view)
    log.info("scan done", scan_id=record.id, total=record.total, matched=view.matched)
    return view


async def run_scan(
    ports: ScanPorts,
    request: ScanRequest,
    owner: str,
    progress: ScanProgress | None = None,
    *,
    files: Sequence[CsvMember] | None = None,
) -> ScanView:
    """Create and run a scan to its end (the CLI and the chat wait for it); `files`: a
    folder or zip of CSVs as the universe (`integrations.scans.read_csv_universe`)."""
    record = await create_scan(ports, request, owner, files=files)
    return await execute_scan(ports, record, progress, files=files)


async def start_scan(
    ports: ScanPorts,
    request: ScanRequest,
    owner: str,
    *,
    files: Sequence[CsvMember] | None = None,
) -> ScanView:
    """Create a scan and run it in the background (the API answers with its id at once)."""
    record = await create_scan(ports, request, owner, files=files)
    ports.jobs.start(record.id, execute_scan(ports, record, files=files))
    return view_of(record)


async def get_scan(
    ports: ScanPorts, scan_id: str, owner: str, *, offset: int = 0, limit: int = 50
) -> ScanView:
    record = await ports.repository.get_scan(scan_id, owner=owner)
    if record is None:
        raise ScanNotFoundError(scan_id)
    return view_of(record, offset, limit)


async def list_scans(
    ports: ScanPorts, owner: str, *, limit: int = DEFAULT_PAGE_SIZE, cursor: str | None = None
) -> ScanPage:
    """The owner's scans, newest first (`InvalidPageRequestError` for a bad page)."""
    page = await ports.repository.list_scans(owner, limit=limit, cursor=cursor)
    return ScanPage(items=[summary_of(r) for r in page.items], next_cursor=page.next_cursor)


async def cancel_scan(ports: ScanPorts, scan_id: str, owner: str) -> ScanView:
    """Stops the owner's running scan, wherever it runs.

    Running here: its task is cancelled and the view says `cancelled`, with what it had
    found. Running in another process: the request is stored, and the view says `running`
    with `cancel_requested` until that process reads it at its next progress save and stores
    the scan `cancelled`. A scan already finished is left as it is.
    """
    view = await get_scan(ports, scan_id, owner)
    task = ports.jobs.tasks.get(scan_id)
    if task is not None and ports.jobs.cancel(scan_id):
        await asyncio.gather(task, return_exceptions=True)
        return await get_scan(ports, scan_id, owner)
    if view.status is not ScanStatus.RUNNING:
        return view
    stored = await ports.repository.request_cancel(scan_id, owner=owner)
    if stored is None:
        raise ScanNotFoundError(scan_id)
    return view_of(stored, view.offset, view.limit)


def rows_json(view: ScanView) -> list[dict[str, Any]]:
    """The rows as plain JSON (the CLI's --json and the cross-surface test compare these)."""
    return json.loads(_ROWS.dump_json(view.rows))  # type: ignore[no-any-return]
