"""The packaged Alembic migrations build exactly the declared tables (no drift)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from dermavigil.registry import open_registry
from dermavigil.registry.db import make_engine
from dermavigil.registry.migrate import current_revision, head_revision, upgrade
from dermavigil.registry.schema import metadata


def test_upgrade_builds_the_declared_schema_without_drift(db_url: str) -> None:
    registry = open_registry(db_url)
    try:
        assert current_revision(registry.engine) == head_revision()
        with registry.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
        tables = set(inspect(registry.engine).get_table_names())
        assert set(metadata.tables) <= tables
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
        assert not set(metadata.tables) & set(inspect(engine).get_table_names())
        upgrade(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_upgrade_keeps_users_that_other_rows_point_to(db_url: str) -> None:
    """A registry in use (a user with audit rows) upgrades across a migration that rebuilds
    ``users`` (SQLite batch mode copies the table): referenced rows must not stop it."""
    from sqlalchemy import text

    engine = make_engine(db_url)
    try:
        upgrade(engine, "0010")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (username, role, password_hash, created_at, active,"
                    " session_epoch) VALUES ('ana', 'assessor', 'x', '2026-11-01', true, 0)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO user_audit (username, at, by, action) "
                    "VALUES ('ana', '2026-11-01', 'admin', 'create')"
                )
            )
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM user_audit")).scalar() == 1
            assert connection.execute(text("SELECT username FROM users")).scalars().all() == ["ana"]
            if engine.dialect.name == "sqlite":
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_the_packaged_head_is_read_as_alembic_reads_it() -> None:
    """The head revision read from the scripts' headers (no Alembic import) is Alembic's."""
    from alembic.script import ScriptDirectory

    from dermavigil.registry.migrate import MIGRATIONS_DIR

    assert head_revision() == ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def test_opening_a_registry_at_head_does_not_import_alembic(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Start-up is part of every command's wait: a registry already at the newest schema
    opens without importing Alembic (and the Mako and Pygments it pulls in)."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'r.db'}"
    open_registry(url).close()  # created and migrated
    check = (
        "import sys; from dermavigil.registry import open_registry; "
        f"open_registry({url!r}).close(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
