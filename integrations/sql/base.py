"""The declarative base of our tables, on its own registry.

A private registry keeps our tables out of `SQLModel.metadata`, which other code in the
process (Reflex's `rx.Model`, for one) also fills, so migrations compare against ours only.
"""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import registry
from sqlmodel import SQLModel

# Named constraints, so migrations can alter them on SQLite's batch mode and on PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class TableBase(
    SQLModel, registry=registry(metadata=MetaData(naming_convention=NAMING_CONVENTION))
):
    """Parent of every table model of the embedded database."""
