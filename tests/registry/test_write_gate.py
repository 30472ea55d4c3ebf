"""SQLite writers queue on the registry's write gate, within a process and across
processes; readers never do."""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event

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


_VERSIONS_PER_PROCESS = 100


def _write_versions(url: str, case_id: str, start: Any, failures: Any) -> None:
    """A separate process: add versions to ``case_id``, each read and written in one
    transaction. SQLite's own busy wait is cut to 20 ms (enough for its brief
    internal locks, e.g. a checkpoint), so writers of the two processes meeting at
    ``BEGIN IMMEDIATE`` would fail with "database is locked": only the gate's file
    lock keeps them apart."""
    registry = open_registry(url)
    event.listen(registry.engine, "connect", lambda conn, _: conn.execute("PRAGMA busy_timeout=20"))
    registry.engine.dispose()  # new connections get the listener
    start.wait(timeout=30)
    try:
        for _ in range(_VERSIONS_PER_PROCESS):
            with registry.transaction() as session:
                service = CaseService(session)
                current = service.get(case_id)
                weight = (current.case.patient.weight_kg or 50) + 1
                changed = current.case.model_copy(
                    update={
                        "patient": current.case.patient.model_copy(update={"weight_kg": weight})
                    }
                )
                service.update(
                    case_id, changed, by=f"p{os.getpid()}", expected_version=current.version
                )
    except Exception as exc:  # reported to the parent, which fails the test
        failures.put(f"{type(exc).__name__}: {exc}")
    finally:
        registry.close()


@pytest.mark.slow
def test_writers_in_two_processes_queue_and_lose_no_version(tmp_path: Path, seed: Case) -> None:
    url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    registry = open_registry(url)
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="alice").case_id
    registry.close()
    context = multiprocessing.get_context("fork")
    start, failures = context.Event(), context.Queue()
    workers = [
        context.Process(target=_write_versions, args=(url, case_id, start, failures))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=120)
    problems = []
    while not failures.empty():
        problems.append(failures.get())
    assert problems == []
    assert [worker.exitcode for worker in workers] == [0, 0]
    registry = open_registry(url)
    try:
        with registry.transaction(readonly=True) as session:
            service = CaseService(session)
            history = service.history(case_id)
            final = service.get(case_id)
    finally:
        registry.close()
    assert [v.version for v in history] == list(range(1, 2 * _VERSIONS_PER_PROCESS + 2))
    assert final.version == 2 * _VERSIONS_PER_PROCESS + 1
    assert (
        final.case.patient.weight_kg == (seed.patient.weight_kg or 50) + 2 * _VERSIONS_PER_PROCESS
    )
    writers = {v.by for v in history[1:]}
    assert len(writers) == 2


def test_a_writer_waits_for_another_process_holding_the_file_lock(
    sqlite_registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)
    lock_file = Path(f"{sqlite_registry.engine.url.database}.write-lock")
    other = os.open(lock_file, os.O_RDWR | os.O_CREAT)  # another open file: another holder
    try:
        fcntl.flock(other, fcntl.LOCK_EX)
        with (
            pytest.raises(EngineError, match="locked by other writers"),
            sqlite_registry.transaction(),
        ):
            pass
        fcntl.flock(other, fcntl.LOCK_UN)
        with sqlite_registry.transaction():  # free again
            pass
    finally:
        os.close(other)
