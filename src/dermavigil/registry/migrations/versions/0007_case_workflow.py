"""Case workflow: status (received -> in review -> assessed -> closed), assignee,
expectedness and the clock's day 0 on ``cases`` (and as of each version on
``case_versions``), comments (``case_comments``), audit action ``workflow``.

Existing cases start as "received" with day 0 = the report's received date (its
earliest day), or the day the case was registered when the report gives none.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_ACTIONS = "'create', 'update', 'override', 'retract', 'accept'"
_NEW_ACTIONS = _OLD_ACTIONS + ", 'workflow'"


def _day0(document: dict | None, created_at: object) -> str:
    from dermavigil.domain.dates import PartialDate

    received = ((document or {}).get("report") or {}).get("received_date")
    if received:
        try:
            return PartialDate.model_validate(received).earliest().isoformat()
        except ValueError:
            pass
    if isinstance(created_at, str):
        created_at = datetime.fromisoformat(created_at)
    if isinstance(created_at, datetime):
        return created_at.astimezone(UTC).date().isoformat()
    return date.today().isoformat()


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("workflow", sa.String(length=16), server_default="received", nullable=False)
        )
        batch_op.add_column(sa.Column("assignee", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("expectedness", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("day0", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("assessed_on", sa.String(length=10), nullable=True))
        batch_op.create_index(batch_op.f("ix_cases_workflow"), ["workflow"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_assignee"), ["assignee"], unique=False)
    with op.batch_alter_table("case_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("workflow", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("assignee", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("expectedness", sa.String(length=16), nullable=True))
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_audit_action"), type_="check")
        batch_op.create_check_constraint(op.f("ck_audit_action"), f"action IN ({_NEW_ACTIONS})")
    op.create_table(
        "case_comments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.case_id"], name=op.f("fk_case_comments_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_comments")),
    )
    op.create_index("ix_case_comments_case_id_at", "case_comments", ["case_id", "at"])
    backfill(op.get_bind())


def backfill(bind: sa.Connection) -> None:
    """Day 0 for every case without one (cases registered before this revision)."""
    rows = bind.execute(
        sa.text(
            "SELECT c.case_id, c.created_at, v.document FROM cases c JOIN case_versions v "
            "ON v.case_id = c.case_id AND v.version = c.current_version WHERE c.day0 IS NULL"
        )
    ).all()
    for case_id, created_at, document in rows:
        if isinstance(document, str):
            document = json.loads(document)
        bind.execute(
            sa.text("UPDATE cases SET day0 = :day0 WHERE case_id = :case_id"),
            {"day0": _day0(document, created_at), "case_id": case_id},
        )


def downgrade() -> None:
    op.drop_index("ix_case_comments_case_id_at", table_name="case_comments")
    op.drop_table("case_comments")
    op.execute("DELETE FROM audit WHERE action = 'workflow'")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_audit_action"), type_="check")
        batch_op.create_check_constraint(op.f("ck_audit_action"), f"action IN ({_OLD_ACTIONS})")
    with op.batch_alter_table("case_versions", schema=None) as batch_op:
        batch_op.drop_column("expectedness")
        batch_op.drop_column("assignee")
        batch_op.drop_column("workflow")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_assignee"))
        batch_op.drop_index(batch_op.f("ix_cases_workflow"))
        batch_op.drop_column("assessed_on")
        batch_op.drop_column("day0")
        batch_op.drop_column("expectedness")
        batch_op.drop_column("assignee")
        batch_op.drop_column("workflow")
