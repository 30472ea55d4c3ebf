"""Literature screening log: literature_screenings (every screened record, its outcome,
reason and draft, who screened it and when).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "literature_screenings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doi", sa.String(length=200), nullable=True),
        sa.Column("pmid", sa.String(length=20), nullable=True),
        sa.Column("title_key", sa.String(length=300), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("citation", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("case_id", sa.String(length=16), nullable=True),
        sa.Column("search", sa.String(length=300), nullable=False),
        sa.Column("screened_by", sa.String(length=64), nullable=False),
        sa.Column("screened_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('draft', 'partial', 'to_read', 'skipped')",
            name=op.f("ck_literature_screenings_outcome"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_literature_screenings")),
    )
    for column in ("doi", "pmid", "title_key", "screened_at"):
        op.create_index(
            f"ix_literature_screenings_{column}", "literature_screenings", [column], unique=False
        )


def downgrade() -> None:
    for column in ("doi", "pmid", "title_key", "screened_at"):
        op.drop_index(f"ix_literature_screenings_{column}", table_name="literature_screenings")
    op.drop_table("literature_screenings")
