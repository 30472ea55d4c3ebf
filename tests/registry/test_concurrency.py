"""Concurrent writers never lose a version and never both create the same one.

Threads share one registry (one engine, a connection each) and are released
together by a barrier. On SQLite, writers queue on ``BEGIN IMMEDIATE``; on
PostgreSQL, the case row lock and the (case_id, version) primary key decide.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from dermavigil.domain.case import Case
from dermavigil.errors import ConflictError
from dermavigil.registry import CaseService, Registry

WRITERS = 6


def _run_together(work: Callable[[int], object]) -> list[object]:
    barrier = threading.Barrier(WRITERS)
    results: list[object] = [None] * WRITERS

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:  # collected and inspected by the test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


def _with_reaction(case: Case, verbatim: str) -> Case:
    changed = case.model_copy(deep=True)
    changed.reactions[0].verbatim = verbatim
    return changed


def test_same_expected_version_only_one_writer_wins(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="alice").case_id

    def update(i: int) -> int:
        with registry.transaction() as session:
            stored = CaseService(session).update(
                case_id, _with_reaction(seed, f"writer {i}"), by=f"w{i}", expected_version=1
            )
        return stored.version

    results = _run_together(update)
    winners = [r for r in results if r == 2]
    losers = [r for r in results if isinstance(r, ConflictError)]
    assert len(winners) == 1 and len(losers) == WRITERS - 1, results
    with registry.transaction(readonly=True) as session:
        history = CaseService(session).history(case_id)
        current = CaseService(session).get(case_id)
    assert [v.version for v in history] == [1, 2]
    assert current.case.reactions[0].verbatim == f"writer {results.index(2)}"


def test_retrying_writers_all_land_without_gaps(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="alice").case_id

    def update_until_done(i: int) -> int:
        for _attempt in range(50):
            try:
                with registry.transaction() as session:
                    service = CaseService(session)
                    current = service.get(case_id)
                    stored = service.update(
                        case_id,
                        _with_reaction(seed, f"writer {i}"),
                        by=f"w{i}",
                        expected_version=current.version,
                    )
                return stored.version
            except ConflictError:
                continue
        raise AssertionError(f"writer {i} never got through")

    results = _run_together(update_until_done)
    assert sorted(results) == list(range(2, WRITERS + 2)), results  # type: ignore[type-var]
    with registry.transaction(readonly=True) as session:
        service = CaseService(session)
        history = service.history(case_id)
        written = {service.get(case_id, v).case.reactions[0].verbatim for v in results}  # type: ignore[arg-type]
    assert [v.version for v in history] == list(range(1, WRITERS + 2))
    assert written == {f"writer {i}" for i in range(WRITERS)}


@pytest.mark.parametrize("action", ["override", "retract"])
def test_concurrent_status_changes_stay_ordered(
    registry: Registry, seed: Case, action: str
) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="alice").case_id

    def change(i: int) -> int:
        with registry.transaction() as session:
            service = CaseService(session)
            if action == "retract":
                return service.retract(case_id, by=f"w{i}", reason="duplicate").version
            return service.override(
                case_id, "naranjo.items.9", "yes", by=f"w{i}", reason=f"reason {i}"
            ).version

    results = _run_together(change)
    done = sorted(r for r in results if isinstance(r, int))
    with registry.transaction(readonly=True) as session:
        history = CaseService(session).history(case_id)
    if action == "retract":  # only the first retraction can happen
        assert done == [2]
        assert all(isinstance(r, ConflictError) for r in results if not isinstance(r, int))
    else:  # overrides lock the case row and each makes the next version
        assert done == list(range(2, WRITERS + 2)), results
    assert [v.version for v in history] == [1, *done]


def test_concurrent_creates_get_distinct_ids(registry: Registry, seed: Case) -> None:
    def create(i: int) -> str:
        with registry.transaction() as session:
            return CaseService(session).create(seed, by=f"w{i}").case_id

    results = _run_together(create)
    assert sorted(results) == [f"DV-{n:06d}" for n in range(1, WRITERS + 1)], results  # type: ignore[type-var]
