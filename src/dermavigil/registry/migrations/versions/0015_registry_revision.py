"""The registry's revision: a counter moved in the same transaction as every write that
can change what the registry export holds (a case created or given a new version, a
catalogue entry written), so a signal run re-exports only a registry that changed (issue
16). It starts at 0; a store exported before this revision records none and is exported
once more.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COUNTERS = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.Integer))


def upgrade() -> None:
    op.bulk_insert(_COUNTERS, [{"name": "revision", "value": 0}])


def downgrade() -> None:
    op.execute(_COUNTERS.delete().where(_COUNTERS.c.name == "revision"))
