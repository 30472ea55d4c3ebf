"""Database engines for the registry: SQLite (default) and PostgreSQL.

SQLite is used deliberately, following datasette's ``database.py``: WAL
journal (readers never block the writer), foreign keys on, a busy timeout,
and every write transaction opened with ``BEGIN IMMEDIATE`` so that
concurrent writers queue for the lock instead of failing half-way with
"database is locked" when a deferred transaction upgrades to a write.
Read-only sessions use a plain deferred ``BEGIN``. The driver's own implicit
transaction handling is switched off (SQLAlchemy's documented recipe for
pysqlite) so that these statements are the only ones that open transactions.

``synchronous=NORMAL`` under WAL: a commit is atomic and consistent, and
survives an application crash; only an operating-system crash or power loss
can roll back the last transactions before a checkpoint, never corrupt the
file (SQLite documentation, "Write-Ahead Logging" and "PRAGMA synchronous":
"WAL mode is always consistent with synchronous=NORMAL"). It saves an fsync
per commit.

Within one process, SQLite writers also queue on a lock (:class:`WriteGate`)
before ``BEGIN IMMEDIATE``: SQLite's own busy handler polls with sleeps
growing to 100 ms, so under many concurrent writers a waiting thread could
sleep long after the lock was free, and newcomers overtook it. Threads
waiting on the gate are woken as soon as it is released. Other processes
(several server workers) still meet at ``BEGIN IMMEDIATE`` and its busy
timeout.

PostgreSQL goes through psycopg 3 (``postgresql+psycopg://``); a bare
``postgresql://`` URL is mapped to that driver.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url

from dermavigil.errors import EngineError

BUSY_TIMEOUT_S = 30.0
"""How long a SQLite writer waits for the lock before giving up."""

READONLY_OPTION = "dermavigil_readonly"
"""Execution option that makes a SQLite transaction begin deferred (read-only)."""


def normalise_url(url: str) -> URL:
    """Parse a database URL, choosing psycopg 3 for PostgreSQL."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        from pathlib import Path

        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        readonly = conn.get_execution_options().get(READONLY_OPTION, False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


def make_engine(url: str) -> Engine:
    """An engine for ``url`` configured for the registry's transaction discipline."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(parsed, pool_pre_ping=True)


@contextmanager
def scratch_schema(url: str, prefix: str = "t") -> Iterator[str]:
    """A fresh, empty schema in the PostgreSQL database of ``url``, dropped on exit.

    Yields a URL whose connections use that schema (``search_path``), so a
    throwaway registry (a test, a benchmark) never sees or leaves other rows.
    """
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(url))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = normalise_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


class WriteGate:
    """Serialises the write transactions of this process on a SQLite registry.

    Re-entrant, so a thread that nests a write inside its own write meets
    SQLite's busy timeout as before rather than waiting on itself. On
    PostgreSQL (row locks, no database-wide write lock) it lets everyone through.
    """

    def __init__(self, engine: Engine) -> None:
        self._lock = threading.RLock() if engine.dialect.name == "sqlite" else None

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the gate for the duration of one write transaction."""
        if self._lock is None:
            yield
            return
        if not self._lock.acquire(timeout=BUSY_TIMEOUT_S):
            raise EngineError(
                f"the registry stayed locked by other writers for {BUSY_TIMEOUT_S:.0f} s; try again"
            )
        try:
            yield
        finally:
            self._lock.release()
