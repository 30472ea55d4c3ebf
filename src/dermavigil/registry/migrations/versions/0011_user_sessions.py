"""Server-side sessions (one row per sign-in, browser or API token; replaces the per-user
session epoch), users.must_change_password, and sign-in / sign-out / session / password
change actions in the user audit trail.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_ACTIONS = ("create", "role", "deactivate", "reactivate", "reset_password")
_NEW_ACTIONS = (
    *_OLD_ACTIONS,
    "login",
    "logout",
    "end_session",
    "end_sessions",
    "change_password",
)


def _in(values: tuple[str, ...]) -> str:
    return f"action IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "user_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("client_address", sa.String(length=64), nullable=False),
        sa.Column("user_agent", sa.String(length=128), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=64), nullable=True),
        sa.CheckConstraint("kind IN ('browser', 'token')", name=op.f("ck_user_sessions_kind")),
        sa.ForeignKeyConstraint(
            ["username"], ["users.username"], name=op.f("fk_user_sessions_username_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_sessions")),
    )
    with op.batch_alter_table("user_sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_user_sessions_username_created_at", ["username", "created_at"], unique=False
        )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.drop_column("session_epoch")  # sessions are rows now; old cookies end
    with op.batch_alter_table("user_audit", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_user_audit_action"), type_="check")
        batch_op.create_check_constraint(op.f("ck_user_audit_action"), _in(_NEW_ACTIONS))


def downgrade() -> None:
    op.execute(
        sa.text("DELETE FROM user_audit WHERE action NOT IN :old").bindparams(
            sa.bindparam("old", value=list(_OLD_ACTIONS), expanding=True)
        )
    )
    with op.batch_alter_table("user_audit", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_user_audit_action"), type_="check")
        batch_op.create_check_constraint(op.f("ck_user_audit_action"), _in(_OLD_ACTIONS))
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_epoch", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.drop_column("must_change_password")
    with op.batch_alter_table("user_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_user_sessions_username_created_at")
    op.drop_table("user_sessions")
