"""Running the registry's Alembic migrations programmatically.

The migration scripts ship inside the package (``registry/migrations``), so
:func:`upgrade` works from an installed wheel without an ``alembic.ini``.
"""

from __future__ import annotations

import re
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
    """The revision the database is at (None before the first migration): the row of
    Alembic's ``alembic_version`` table, read with a plain query so that opening a
    registry already at the newest schema does not import Alembic."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
        revisions = list(rows)
    return revisions[0] if len(revisions) == 1 else None


_HEADER = re.compile(r'^(revision|down_revision): str(?: \| None)? = "(\w+)"', re.M)


def head_revision() -> str | None:
    """The newest revision among the packaged scripts, read from their ``revision`` and
    ``down_revision`` headers (the one no script revises); Alembic's own reading when the
    headers do not give a single head."""
    revisions, revised = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for name, value in _HEADER.findall(script.read_text(encoding="utf-8")):
            (revisions if name == "revision" else revised).add(value)
    heads = revisions - revised
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
