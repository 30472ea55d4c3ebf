"""User audit trail: who created, re-roled, deactivated, reactivated or reset an account.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "user_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "action IN ('create', 'role', 'deactivate', 'reactivate', 'reset_password')",
            name=op.f("ck_user_audit_action"),
        ),
        sa.ForeignKeyConstraint(
            ["username"], ["users.username"], name=op.f("fk_user_audit_username_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_audit")),
    )
    with op.batch_alter_table("user_audit", schema=None) as batch_op:
        batch_op.create_index("ix_user_audit_username_at", ["username", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("user_audit", schema=None) as batch_op:
        batch_op.drop_index("ix_user_audit_username_at")
    op.drop_table("user_audit")
