"""SQLite is set up deliberately: WAL, foreign keys, busy timeout, immediate writes."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import text

from dermavigil.registry import open_registry
from dermavigil.registry.db import normalise_url


def test_sqlite_pragmas(tmp_path: Path) -> None:
    registry = open_registry(f"sqlite:///{tmp_path / 'r.sqlite'}")
    with registry.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    registry.close()


def test_a_reader_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    """WAL + deferred read transactions: reading goes on while a write transaction is open."""
    registry = open_registry(f"sqlite:///{tmp_path / 'r.sqlite'}")
    writing = threading.Event()
    done = threading.Event()

    def writer() -> None:
        with registry.transaction() as session:
            session.execute(text("UPDATE counters SET value = value + 1"))
            writing.set()
            done.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    assert writing.wait(10)
    start = time.perf_counter()
    with registry.transaction(readonly=True) as session:
        value = session.execute(text("SELECT value FROM counters")).scalar()
    waited = time.perf_counter() - start
    done.set()
    thread.join()
    assert value == 0  # the uncommitted increment is invisible
    assert waited < 5
    registry.close()


def test_postgres_urls_use_psycopg3() -> None:
    assert normalise_url("postgresql://u:p@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgres://u:p@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("sqlite:///x.db").drivername == "sqlite"
