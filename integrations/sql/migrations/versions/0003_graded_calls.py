"""Graded calls: each analysis record keeps its reading's call and, once known, its grade.

Revision ID: 0003
Revises: 0002 (scans)
Create Date: 2026-12-03 14:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("analysis_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("call_json", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("grade_json", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("graded_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(
            "ix_analysis_records_graded", ["graded_at", "created_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("analysis_records", schema=None) as batch_op:
        batch_op.drop_index("ix_analysis_records_graded")
        batch_op.drop_column("graded_at")
        batch_op.drop_column("grade_json")
        batch_op.drop_column("call_json")
