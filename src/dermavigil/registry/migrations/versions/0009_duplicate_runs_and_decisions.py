"""Duplicate detection runs (pairs found and the model that found them) and assessors'
decisions on pairs (same case / different cases / undecided), every decision kept.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "duplicate_runs",
        sa.Column("run_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_by", sa.String(length=64), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.Column("pairs", sa.JSON(), nullable=False),
        sa.Column("model", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("run_id", name=op.f("pk_duplicate_runs")),
    )
    op.create_table(
        "duplicate_decisions",
        sa.Column("decision_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_a", sa.String(length=16), nullable=False),
        sa.Column("case_b", sa.String(length=16), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("master", sa.String(length=16), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("match_probability", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "decision IN ('same', 'different', 'undecided')",
            name=op.f("ck_duplicate_decisions_decision"),
        ),
        sa.CheckConstraint("case_a < case_b", name=op.f("ck_duplicate_decisions_ordered")),
        sa.ForeignKeyConstraint(
            ["case_a"], ["cases.case_id"], name=op.f("fk_duplicate_decisions_case_a_cases")
        ),
        sa.ForeignKeyConstraint(
            ["case_b"], ["cases.case_id"], name=op.f("fk_duplicate_decisions_case_b_cases")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["duplicate_runs.run_id"],
            name=op.f("fk_duplicate_decisions_run_id_duplicate_runs"),
        ),
        sa.PrimaryKeyConstraint("decision_id", name=op.f("pk_duplicate_decisions")),
    )
    op.create_index(
        "ix_duplicate_decisions_pair", "duplicate_decisions", ["case_a", "case_b"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_duplicate_decisions_pair", table_name="duplicate_decisions")
    op.drop_table("duplicate_decisions")
    op.drop_table("duplicate_runs")
