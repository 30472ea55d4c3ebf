"""Group commit (``Registry.group_write``): concurrent writes share transactions, each caller
is answered after its batch commits, a failing write is rolled back alone, and a process
killed with SIGKILL under load loses none of the writes it acknowledged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dermavigil.demo import load_seed_case
from dermavigil.errors import InputError
from dermavigil.registry import CaseService, open_registry


def _stored_with_audit(url: str, case_ids: list[str]) -> list[str]:
    """The case ids among ``case_ids`` that are stored with their ``create`` history entry."""
    registry = open_registry(url)
    found = []
    with registry.transaction(readonly=True) as session:
        service = CaseService(session)
        for case_id in case_ids:
            history = service.history(case_id)
            if history and history[0].action == "create":
                found.append(case_id)
    registry.close()
    return found


def test_concurrent_creates_are_batched_and_all_stored(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    registry = open_registry(url)
    case = load_seed_case()
    started = threading.Event()
    ids: list[str] = []
    errors: list[BaseException] = []

    def slow_first(session):  # type: ignore[no-untyped-def]
        started.set()
        time.sleep(0.3)  # the others queue meanwhile and go in the next batch together
        return CaseService(session).create(case, by="first").case_id

    def create() -> None:
        try:
            ids.append(
                registry.group_write(lambda s: CaseService(s).create(case, by="alice").case_id)
            )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    first = threading.Thread(target=lambda: ids.append(registry.group_write(slow_first)))
    first.start()
    started.wait(5)
    threads = [threading.Thread(target=create) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in [first, *threads]:
        thread.join(60)
    committer = registry._committer
    assert not errors and len(ids) == 51 and len(set(ids)) == 51
    assert committer is not None and committer.writes == 51
    assert committer.batches < 10, "the 50 queued writes were not batched"
    registry.close()
    assert sorted(_stored_with_audit(url, ids)) == sorted(ids)


def test_a_failing_write_is_rolled_back_alone(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    registry = open_registry(url)
    case = load_seed_case()
    gate = threading.Event()
    results: dict[str, object] = {}

    def hold(session):  # type: ignore[no-untyped-def]
        gate.wait(5)
        return CaseService(session).create(case, by="a").case_id

    def bad(session):  # type: ignore[no-untyped-def]
        CaseService(session).create(case, by="b")  # written, then undone with its savepoint
        raise InputError("refused on purpose")

    def run(name: str, work) -> None:  # type: ignore[no-untyped-def]
        try:
            results[name] = registry.group_write(work)
        except InputError as exc:
            results[name] = exc

    threads = [
        threading.Thread(target=run, args=("hold", hold)),
        threading.Thread(target=run, args=("bad", bad)),
        threading.Thread(
            target=run, args=("good", lambda s: CaseService(s).create(case, by="c").case_id)
        ),
    ]
    threads[0].start()
    time.sleep(0.2)
    for thread in threads[1:]:
        thread.start()
    time.sleep(0.2)
    gate.set()
    for thread in threads:
        thread.join(30)
    assert isinstance(results["bad"], InputError)
    with registry.transaction(readonly=True) as session:
        owners = {s.owner for s in CaseService(session).all_current(None)}
    assert owners == {"a", "c"}
    registry.close()


WRITER = """
import sys, threading
from dermavigil.demo import load_seed_case
from dermavigil.registry import CaseService, open_registry
registry = open_registry(sys.argv[1])
case = load_seed_case()
lock = threading.Lock()
def loop():
    while True:
        case_id = registry.group_write(lambda s: CaseService(s).create(case, by="k").case_id)
        with lock:
            sys.stdout.write(case_id + "\\n")
            sys.stdout.flush()
for _ in range(20):
    threading.Thread(target=loop, daemon=True).start()
threading.Event().wait()
"""


@pytest.mark.slow
def test_kill_9_under_load_loses_no_acknowledged_case(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    open_registry(url).close()  # migrated before the writers start
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, url],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    acknowledged: list[str] = []
    assert writer.stdout is not None
    deadline = time.monotonic() + 120
    while len(acknowledged) < 300 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        acknowledged.append(line.strip())
    os.kill(writer.pid, signal.SIGKILL)  # mid-batch: writes are in flight
    acknowledged.extend(line.strip() for line in writer.stdout if line.strip())
    writer.wait(30)
    assert len(acknowledged) >= 300, "the writer did not get going"
    stored = _stored_with_audit(url, acknowledged)
    assert sorted(stored) == sorted(acknowledged)


def test_queued_writes_return_at_once_and_a_flush_waits_for_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``queue_write`` (the access log's path): the caller does not wait for the commit,
    ``flush_writes`` does; a failing queued write is logged and rolled back alone."""
    from sqlalchemy import func, select

    from dermavigil.registry.tables import Counter

    registry = open_registry(f"sqlite:///{tmp_path / 'registry.sqlite'}")
    gate = threading.Event()

    def blocked(session):  # type: ignore[no-untyped-def]
        gate.wait(10)
        session.add(Counter(name="first", value=1))

    def failing(session):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk on fire")

    started = time.monotonic()
    registry.queue_write(blocked)  # holds the writer until the gate opens
    registry.queue_write(lambda s: s.add(Counter(name="second", value=2)))
    registry.queue_write(failing)
    assert time.monotonic() - started < 5  # nobody waited for the writer (it holds 10 s)
    gate.set()
    registry.flush_writes()
    with registry.transaction(readonly=True) as session:
        names = set(session.execute(select(Counter.name)).scalars())
        assert session.execute(select(func.count()).select_from(Counter)).scalar_one() >= 2
    assert {"first", "second"} <= names
    assert "queued registry write was lost: disk on fire" in caplog.text
    registry.close()


def _savepoints(registry) -> list[str]:  # type: ignore[no-untyped-def]
    """SAVEPOINT statements the registry's engine runs from now on."""
    from sqlalchemy import event

    seen: list[str] = []

    @event.listens_for(registry.engine, "before_cursor_execute")
    def _count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if statement.upper().startswith("SAVEPOINT"):
            seen.append(statement)

    return seen


def test_a_clean_batch_runs_without_savepoints_a_failing_one_with_them(tmp_path: Path) -> None:
    registry = open_registry(f"sqlite:///{tmp_path / 'registry.sqlite'}")
    case = load_seed_case()
    savepoints = _savepoints(registry)
    gate = threading.Event()
    results: list[object] = []

    def hold(session):  # type: ignore[no-untyped-def]
        gate.wait(5)
        return CaseService(session).create(case, by="a").case_id

    def run(work) -> None:  # type: ignore[no-untyped-def]
        try:
            results.append(registry.group_write(work))
        except InputError as exc:
            results.append(exc)

    def batch(*works) -> None:  # type: ignore[no-untyped-def]
        """``works`` queued while the writer is held by a first write: one batch."""
        gate.clear()
        first = threading.Thread(target=run, args=(hold,))
        first.start()
        time.sleep(0.2)
        threads = [threading.Thread(target=run, args=(w,)) for w in works]
        for thread in threads:
            thread.start()
        time.sleep(0.2)
        gate.set()
        for thread in [first, *threads]:
            thread.join(30)

    good = lambda s: CaseService(s).create(case, by="c").case_id  # noqa: E731
    batch(good, good, good)
    assert savepoints == [] and len(results) == 4
    assert not any(isinstance(r, Exception) for r in results)

    def bad(session):  # type: ignore[no-untyped-def]
        CaseService(session).create(case, by="b")
        raise InputError("refused on purpose")

    batch(good, bad, good)
    assert len(savepoints) == 3  # the batch again, each of its writes in a savepoint
    assert sum(isinstance(r, InputError) for r in results) == 1
    with registry.transaction(readonly=True) as session:
        owners = sorted(s.owner for s in CaseService(session).all_current(None))
    assert owners == ["a", "a", "c", "c", "c", "c", "c"]
    registry.close()


def test_coroutines_await_their_commit_without_holding_a_thread(tmp_path: Path) -> None:
    """``group_write_async``: 60 coroutines of one event loop create cases; each gets its own
    id once committed, in far fewer transactions than writes, and a failing one its error."""
    import asyncio

    url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    registry = open_registry(url)
    case = load_seed_case()

    def bad(session):  # type: ignore[no-untyped-def]
        raise InputError("refused on purpose")

    async def main() -> list[object]:
        writes = [lambda s: CaseService(s).create(case, by="z").case_id] * 59 + [bad]
        return await asyncio.gather(
            *(registry.group_write_async(w) for w in writes), return_exceptions=True
        )

    results = asyncio.run(main())
    ids = [r for r in results if isinstance(r, str)]
    assert len(set(ids)) == 59 and isinstance(results[-1], InputError)
    committer = registry._committer
    assert committer is not None and committer.batches < 30
    registry.close()
    assert sorted(_stored_with_audit(url, ids)) == sorted(ids)
