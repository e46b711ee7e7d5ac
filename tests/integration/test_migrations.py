"""The schema the app runs on is the one the migrations build, on SQLite and PostgreSQL."""

from __future__ import annotations

import fcntl
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import column, inspect, select, table

from integrations.sql import create_sql_engine, sqlite_url, upgrade_to_head
from integrations.sql.metadata import metadata
from integrations.sql.migrate import VERSION_TABLE, MigrationLockTimeoutError, lock_path
from tests.conftest import REPO_ROOT
from tests.integration.conftest import SQL_BACKENDS, schema_versions


@pytest.mark.parametrize("sql_url", SQL_BACKENDS, indirect=True)
def test_migrations_build_exactly_the_models_and_run_again_harmlessly(sql_url: str) -> None:
    engine = create_sql_engine(sql_url)
    upgrade_to_head(engine)
    upgrade_to_head(engine)  # every start runs them; the second is a no-op

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "version_table": VERSION_TABLE}
        )
        differences = compare_metadata(context, metadata)
        versions: list[str] = list(
            connection.execute(select(column("version_num")).select_from(table(VERSION_TABLE)))
            .scalars()
            .all()
        )
    engine.dispose()

    assert differences == [], "a model changed without a migration: add one in migrations/"
    assert len(versions) == 1
    assert set(inspect(engine).get_table_names()) >= {
        "analysis_records",
        "chat_conversations",
        "chat_messages",
    }


_MIGRATE_AT = """
import sys, time
from integrations.sql import create_sql_engine, upgrade_to_head
url, start_at = sys.argv[1], float(sys.argv[2])
engine = create_sql_engine(url)
time.sleep(max(0.0, start_at - time.time()))  # every process begins at the same instant
upgrade_to_head(engine)
print("migrated")
"""


# SQLite only here (without the file lock, 4 of 9 such processes failed in a trial run on a
# 2-core machine); PostgreSQL's advisory lock is proven by test_workers_start_together.
@pytest.mark.slow
@pytest.mark.parametrize("sql_url", ["sqlite"], indirect=True)
def test_three_processes_migrating_at_once_all_succeed(sql_url: str) -> None:
    start_at = f"{time.time() + 4:.3f}"  # after every interpreter has imported SQLAlchemy
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _MIGRATE_AT, sql_url, start_at],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [process.communicate(timeout=120) for process in processes]
    for process, (out, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err[-2000:]
        assert out.strip() == "migrated"
    assert len(schema_versions(sql_url)) == 1


def test_a_migration_lock_held_too_long_is_a_clear_error(tmp_path: Path) -> None:
    database = tmp_path / "financials.db"
    engine = create_sql_engine(sqlite_url(database))
    with lock_path(str(database)).open("a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(MigrationLockTimeoutError, match=r"migrate\.lock"):
            upgrade_to_head(engine, lock_timeout_seconds=0.2)
    upgrade_to_head(engine)  # released: it migrates
    assert "analysis_records" in inspect(engine).get_table_names()
    engine.dispose()


@pytest.mark.parametrize("sql_url", SQL_BACKENDS, indirect=True)
def test_records_made_before_graded_calls_keep_their_data_and_await_no_grade(
    sql_url: str,
) -> None:
    from alembic import command
    from sqlalchemy import text

    from integrations.sql.migrate import alembic_config

    engine = create_sql_engine(sql_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO analysis_records (id, owner, created_at, status, symbol, interval, "
                "tool, source, chart_keys, ai_text) VALUES ('a' || :pad, 'alice', "
                "'2025-03-01 14:30:00+00:00', 'done', 'TSLA', '1d', 'fibonacci', 'yahoo', '[]', "
                "'an old reading')"
            ),
            {"pad": "0" * 31},
        )
    upgrade_to_head(engine)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT ai_text, call_json, grade_json, graded_at FROM analysis_records")
        ).one()
    engine.dispose()

    assert tuple(row) == ("an old reading", None, None, None)
    assert schema_versions(sql_url) == ["0004"]


@pytest.mark.parametrize("sql_url", SQL_BACKENDS, indirect=True)
def test_scans_made_before_cancel_requests_keep_their_data_and_have_none(sql_url: str) -> None:
    from alembic import command
    from sqlalchemy import text

    from integrations.sql.migrate import alembic_config

    engine = create_sql_engine(sql_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")
        connection.execute(
            text(
                "INSERT INTO scan_records (id, owner, created_at, updated_at, status, universe, "
                "request_json, executor, total, scanned, failed, rows_json, failures_json) "
                "VALUES ('b' || :pad, 'alice', '2026-12-03 15:00:00+00:00', "
                "'2026-12-03 15:01:00+00:00', 'running', 'sp500', '{}', 'dask', 503, 212, 3, "
                "'[]', '[]')"
            ),
            {"pad": "0" * 31},
        )
    upgrade_to_head(engine)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT status, scanned, cancel_requested FROM scan_records")
        ).one()
    engine.dispose()

    assert (row[0], row[1], bool(row[2])) == ("running", 212, False)
    assert schema_versions(sql_url) == ["0004"]
