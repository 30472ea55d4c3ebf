"""TOTP two-factor authentication: user_totp (the encrypted secret, when enabled, the last
time step accepted), user_recovery_codes (single-use codes, stored as HMACs), and the
enable_2fa / disable_2fa / reset_2fa actions in the user audit trail.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_ACTIONS = (
    "create", "role", "deactivate", "reactivate", "reset_password",
    "login", "logout", "end_session", "end_sessions", "change_password",
)  # fmt: skip
_NEW_ACTIONS = (*_OLD_ACTIONS, "enable_2fa", "disable_2fa", "reset_2fa")


def _in(values: tuple[str, ...]) -> str:
    return f"action IN ({', '.join(repr(v) for v in values)})"


def _audit_actions(values: tuple[str, ...]) -> None:
    with op.batch_alter_table("user_audit", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_user_audit_action"), type_="check")
        batch_op.create_check_constraint(op.f("ck_user_audit_action"), _in(values))


def upgrade() -> None:
    op.create_table(
        "user_totp",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("secret", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("enabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_step", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["username"], ["users.username"], name=op.f("fk_user_totp_username_users")
        ),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_user_totp")),
    )
    op.create_table(
        "user_recovery_codes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["username"], ["users.username"], name=op.f("fk_user_recovery_codes_username_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_recovery_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_user_recovery_codes_code_hash")),
    )
    op.create_index(
        "ix_user_recovery_codes_username", "user_recovery_codes", ["username"], unique=False
    )
    _audit_actions(_NEW_ACTIONS)


def downgrade() -> None:
    op.execute(
        sa.text("DELETE FROM user_audit WHERE action NOT IN :old").bindparams(
            sa.bindparam("old", value=list(_OLD_ACTIONS), expanding=True)
        )
    )
    _audit_actions(_OLD_ACTIONS)
    op.drop_index("ix_user_recovery_codes_username", table_name="user_recovery_codes")
    op.drop_table("user_recovery_codes")
    op.drop_table("user_totp")
