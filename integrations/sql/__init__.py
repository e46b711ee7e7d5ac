"""The embedded SQL database shared by the SQL adapters (records and chat history).

One engine, one Alembic history: SQLite under the data folder by default, any SQLAlchemy URL
(for example PostgreSQL on Alibaba Cloud RDS) when configured.
"""

from integrations.sql.engine import create_sql_engine, ping, sqlite_url
from integrations.sql.migrate import upgrade_to_head

__all__ = ["create_sql_engine", "ping", "sqlite_url", "upgrade_to_head"]
