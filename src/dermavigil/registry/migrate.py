"""Running the registry's Alembic migrations programmatically.

The migration scripts ship inside the package (``registry/migrations``), so
:func:`upgrade` works from an installed wheel without an ``alembic.ini``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Alembic is imported on use: ``import dermavigil.registry`` stays light
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    """An Alembic config pointing at the packaged scripts and ``engine``'s URL."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option(
        "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: the newest), in one transaction.

    On SQLite, batch mode rebuilds a table it alters (copy, ``DROP TABLE``,
    rename), which foreign-key enforcement refuses for a table other rows point
    to. As SQLite's ALTER TABLE documentation prescribes for such rebuilds,
    enforcement is switched off for the migration (the pragma has no effect
    inside a transaction, so it is set before BEGIN), ``PRAGMA
    foreign_key_check`` must find no broken reference before the commit, and
    enforcement is switched on again whatever happens.
    """
    from alembic import command

    config = alembic_config(engine)
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite:
                    _refuse_broken_references(connection)
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def _refuse_broken_references(connection: Connection) -> None:
    from dermavigil.errors import ConflictError

    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise ConflictError(
            f"migration left {len(broken)} broken reference(s), e.g. {table} row {rowid} "
            f"points to a missing {parent} row; the registry is unchanged"
        )


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None before the first migration)."""
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """The newest revision among the packaged scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
