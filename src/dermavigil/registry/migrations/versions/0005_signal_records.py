"""Signal records (GVP IX signal management): signal_records, signal_versions and the
``signal`` counter (SIG-000001 ...).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATUSES = "'new', 'validated', 'not_validated', 'prioritised', 'under_assessment', 'closed'"


def upgrade() -> None:
    op.create_table(
        "signal_records",
        sa.Column("signal_id", sa.String(length=16), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("assessor", sa.String(length=64), nullable=True),
        sa.Column("due_on", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.CheckConstraint(f"status IN ({_STATUSES})", name=op.f("ck_signal_records_status")),
        sa.PrimaryKeyConstraint("signal_id", name=op.f("pk_signal_records")),
    )
    op.create_table(
        "signal_versions",
        sa.Column("signal_id", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "action IN ('create', 'update', 'status')", name=op.f("ck_signal_versions_action")
        ),
        sa.ForeignKeyConstraint(
            ["signal_id"],
            ["signal_records.signal_id"],
            name=op.f("fk_signal_versions_signal_id_signal_records"),
        ),
        sa.PrimaryKeyConstraint("signal_id", "version", name=op.f("pk_signal_versions")),
    )
    counters = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.Integer))
    op.bulk_insert(counters, [{"name": "signal", "value": 0}])


def downgrade() -> None:
    op.execute("DELETE FROM counters WHERE name = 'signal'")
    op.drop_table("signal_versions")
    op.drop_table("signal_records")
