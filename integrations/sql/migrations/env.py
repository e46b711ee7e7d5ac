"""Alembic environment: always run from code with a connection (see `integrations.sql.migrate`).

`render_as_batch` lets later migrations alter columns on SQLite, which cannot ALTER in place.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from integrations.sql.metadata import metadata
from integrations.sql.migrate import VERSION_TABLE


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


_connection = context.config.attributes.get("connection")
if not isinstance(_connection, Connection):
    raise RuntimeError(
        "run migrations through integrations.sql.migrate.upgrade_to_head(engine), which passes "
        "the connection; there is no alembic.ini to read a URL from"
    )
_run(_connection)
