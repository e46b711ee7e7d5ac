"""The schema the app runs on is the one the migrations build, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import column, inspect, select, table

from integrations.sql import create_sql_engine, upgrade_to_head
from integrations.sql.metadata import metadata
from integrations.sql.migrate import VERSION_TABLE
from tests.integration.conftest import SQL_BACKENDS


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
