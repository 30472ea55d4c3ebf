"""Alembic environment: runs on the connection given by :mod:`dermavigil.registry.migrate`.

Batch mode is used on SQLite (ALTER TABLE there cannot drop or change
columns, so Alembic copies the table), which needs the constraint naming
convention declared in :mod:`dermavigil.registry.table_base`; the tables compared are
all of :mod:`dermavigil.registry.schema`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from dermavigil.registry.db import make_engine
from dermavigil.registry.schema import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
