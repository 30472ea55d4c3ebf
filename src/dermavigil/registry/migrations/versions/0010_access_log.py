"""Read-access log of cases: access_events (who, when, how, from where, which filter) and
access_event_cases (the cases, with the version shown, each event carried).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("how", sa.String(length=16), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("case_count", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "how IN ('page', 'api', 'export', 'listing')", name=op.f("ck_access_events_how")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_events")),
    )
    op.create_index("ix_access_events_at", "access_events", ["at"], unique=False)
    op.create_index(
        "ix_access_events_username_at", "access_events", ["username", "at"], unique=False
    )
    op.create_table(
        "access_event_cases",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["access_events.id"],
            name=op.f("fk_access_event_cases_event_id_access_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "case_id", name=op.f("pk_access_event_cases")),
    )
    op.create_index(
        "ix_access_event_cases_case_id", "access_event_cases", ["case_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_access_event_cases_case_id", table_name="access_event_cases")
    op.drop_table("access_event_cases")
    op.drop_index("ix_access_events_username_at", table_name="access_events")
    op.drop_index("ix_access_events_at", table_name="access_events")
    op.drop_table("access_events")
