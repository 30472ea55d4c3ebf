"""SQLite writers of one process queue on the registry's write gate; readers never do."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from dermavigil.domain.case import Case
from dermavigil.errors import EngineError
from dermavigil.registry import CaseService, Registry, db, open_registry


@pytest.fixture
def sqlite_registry(tmp_path: Path) -> Iterator[Registry]:
    registry = open_registry(f"sqlite:///{tmp_path / 'registry.sqlite'}")
    yield registry
    registry.close()


def _hold_write(registry: Registry, holding: threading.Event, release: threading.Event) -> None:
    with registry.transaction():
        holding.set()
        release.wait(timeout=30)


def test_a_second_writer_waits_until_the_first_commits(
    sqlite_registry: Registry, seed: Case
) -> None:
    holding, release, done = threading.Event(), threading.Event(), threading.Event()
    first = threading.Thread(target=_hold_write, args=(sqlite_registry, holding, release))
    first.start()
    assert holding.wait(timeout=30)
    created: list[str] = []

    def write() -> None:
        with sqlite_registry.transaction() as session:
            created.append(CaseService(session).create(seed, by="bob").case_id)
        done.set()

    second = threading.Thread(target=write)
    second.start()
    assert not done.wait(timeout=0.3), "the second writer ran while the first held the gate"
    with sqlite_registry.transaction(readonly=True) as session:  # readers pass meanwhile
        assert CaseService(session).list().total == 0
    release.set()
    first.join(timeout=30)
    assert done.wait(timeout=30)
    second.join(timeout=30)
    assert created == ["DV-000001"]


def test_a_writer_gives_up_after_the_busy_timeout(
    sqlite_registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)
    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write, args=(sqlite_registry, holding, release))
    holder.start()
    try:
        assert holding.wait(timeout=30)
        with (
            pytest.raises(EngineError, match="locked by other writers"),
            sqlite_registry.transaction(),
        ):
            pass
    finally:
        release.set()
        holder.join(timeout=30)


def test_the_gate_is_reentrant_for_its_thread(sqlite_registry: Registry) -> None:
    gate = db.WriteGate(sqlite_registry.engine)
    with gate.held(), gate.held():
        pass


def test_postgresql_writers_do_not_queue_in_the_process() -> None:
    engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")  # never connects
    gate = db.WriteGate(engine)
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with gate.held():
            holding.set()
            release.wait(timeout=30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(timeout=30)
        with gate.held():  # would wait (and fail the test by timing out) on SQLite
            pass
    finally:
        release.set()
        holder.join(timeout=30)
        engine.dispose()
