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
waiting on the gate are woken as soon as it is released. Across processes
(several server workers) the gate's holder then takes an exclusive
``flock(2)`` on a lock file beside the database (``<database>.write-lock``)
before ``BEGIN IMMEDIATE``, so writers of different processes also queue
there instead of in SQLite's sleeping busy handler. Only one thread per
process ever waits for that lock, polling it every millisecond, up to the
busy timeout. The lock belongs to an open file, which the operating system
releases if its process dies.

PostgreSQL goes through psycopg 3 (``postgresql+psycopg://``); a bare
``postgresql://`` URL is mapped to that driver.

JSON columns are encoded by :func:`json_dumps`: ``json.dumps`` as SQLAlchemy does, except
that a value already encoded (:class:`EncodedJSON`, e.g. by pydantic-core outside the
write transaction, see :mod:`dermavigil.registry.intake`) is passed on as it is.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url

from dermavigil.errors import EngineError

BUSY_TIMEOUT_S = 30.0
"""How long a SQLite writer waits for the lock before giving up."""

READONLY_OPTION = "dermavigil_readonly"
"""Execution option that makes a SQLite transaction begin deferred (read-only)."""


class EncodedJSON(str):
    """JSON text ready for a JSON column (not encoded again by :func:`json_dumps`)."""

    __slots__ = ()


def json_dumps(value: Any) -> str:
    """The JSON columns' encoder: ``json.dumps``, or the text of an :class:`EncodedJSON`."""
    return value if isinstance(value, EncodedJSON) else json.dumps(value)


def normalise_url(url: str) -> URL:
    """Parse a database URL, choosing psycopg 3 for PostgreSQL."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_S}, json_serializer=json_dumps
    )

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
    """An engine for ``url`` configured for the registry's transaction discipline.

    An ``INSERT`` of many rows (``executemany``) is sent as multi-row ``INSERT ...
    VALUES (...), (...)`` statements (SQLAlchemy's "insertmanyvalues", which it uses by
    default without ``RETURNING`` for psycopg2): on SQLite one statement step, and one
    release of the GIL, instead of one per row; on PostgreSQL one statement to parse and
    plan instead of one per row. The group-commit writer inserts a batch's new cases so.
    """
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(parsed)
    else:
        engine = create_engine(parsed, pool_pre_ping=True, json_serializer=json_dumps)
    engine.dialect.use_insertmanyvalues_wo_returning = True
    return engine


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
    """Serialises the write transactions on a SQLite registry, within and across processes.

    Threads of this process queue on a re-entrant lock; its holder then takes
    the file lock shared with other processes (:class:`_FileLock`, once, even
    when the thread nests writes). A thread that nests a write inside its own
    write meets SQLite's busy timeout as before rather than waiting on itself.
    On PostgreSQL (row locks, no database-wide write lock) it lets everyone through.
    """

    def __init__(self, engine: Engine) -> None:
        sqlite = engine.dialect.name == "sqlite"
        self._lock = threading.RLock() if sqlite else None
        database = engine.url.database if sqlite else None
        on_disk = bool(database) and database != ":memory:"
        self._file = _FileLock(Path(f"{database}.write-lock")) if on_disk else None
        self._depth = 0

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the gate for the duration of one write transaction."""
        if self._lock is None:
            yield
            return
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        if not self._lock.acquire(timeout=BUSY_TIMEOUT_S):
            raise _locked()
        try:
            if self._depth == 0 and self._file is not None:
                self._file.acquire(deadline)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._file is not None:
                    self._file.release()
        finally:
            self._lock.release()

    def close(self) -> None:
        """Close the lock file (the registry is closing)."""
        if self._file is not None:
            self._file.close()


def _locked() -> EngineError:
    return EngineError(
        f"the registry stayed locked by other writers for {BUSY_TIMEOUT_S:.0f} s; try again"
    )


class _FileLock:
    """An exclusive ``flock(2)`` on ``path``, taken by one thread of a process at a time.

    The file is opened per process (a descriptor inherited through ``fork``
    would share its lock with the parent). Waiting polls ``LOCK_NB`` every
    millisecond, which lets the wait end at a deadline; only the in-process
    gate's holder ever polls.
    """

    POLL_S = 0.001

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._pid = -1

    def _descriptor(self) -> int:
        fd = self._fd
        if fd is None or self._pid != os.getpid():
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            self._fd, self._pid = fd, os.getpid()
        return fd

    def acquire(self, deadline: float) -> None:
        """Take the lock, or raise EngineError once ``deadline`` (monotonic) has passed."""
        fd = self._descriptor()
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _locked() from None
                time.sleep(self.POLL_S)

    def release(self) -> None:
        """Release the lock (this process holds it)."""
        fcntl.flock(self._descriptor(), fcntl.LOCK_UN)

    def close(self) -> None:
        """Close this process's descriptor of the lock file (releasing any lock on it)."""
        if self._fd is not None and self._pid == os.getpid():
            os.close(self._fd)
        self._fd = None
