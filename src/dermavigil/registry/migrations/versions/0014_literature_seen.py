"""Literature screening log: a record a later search returns is logged too ("seen"),
pointing at the screening that decided it (``earlier_id``); a record screened anew names
its earlier screening the same way.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD = ("draft", "partial", "to_read", "skipped")
_NEW = (*_OLD, "seen")


def _in(values: tuple[str, ...]) -> str:
    return "outcome IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    with op.batch_alter_table("literature_screenings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("earlier_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_literature_screenings_earlier_id_literature_screenings"),
            "literature_screenings", ["earlier_id"], ["id"],
        )  # fmt: skip
        batch_op.drop_constraint(op.f("ck_literature_screenings_outcome"), type_="check")
        batch_op.create_check_constraint(op.f("ck_literature_screenings_outcome"), _in(_NEW))


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM literature_screenings WHERE outcome = 'seen'"))
    with op.batch_alter_table("literature_screenings", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_literature_screenings_outcome"), type_="check")
        batch_op.create_check_constraint(op.f("ck_literature_screenings_outcome"), _in(_OLD))
        batch_op.drop_constraint(
            op.f("fk_literature_screenings_earlier_id_literature_screenings"), type_="foreignkey"
        )
        batch_op.drop_column("earlier_id")
