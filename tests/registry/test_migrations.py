"""The packaged Alembic migrations build exactly the declared tables (no drift)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from dermavigil.registry import open_registry
from dermavigil.registry.db import make_engine
from dermavigil.registry.migrate import current_revision, head_revision, upgrade
from dermavigil.registry.tables import Base


def test_upgrade_builds_the_declared_schema_without_drift(db_url: str) -> None:
    registry = open_registry(db_url)
    try:
        assert current_revision(registry.engine) == head_revision()
        with registry.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
        tables = set(inspect(registry.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        registry.close()


def test_downgrade_and_upgrade_round_trip(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        upgrade_again = open_registry(db_url)  # already at head: nothing to do
        upgrade_again.close()
        from alembic import command

        from dermavigil.registry.migrate import alembic_config

        config = alembic_config(engine)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert current_revision(engine) is None
        assert not set(Base.metadata.tables) & set(inspect(engine).get_table_names())
        upgrade(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
