"""Duplicate runs as background jobs used at once (issue 16): the CLI and the web job share
:func:`dermavigil.duplicates.background.run_shared`.

- A decision taken while a run is comparing the cases goes through at once and stays in
  force: the run's saved pairs never bring a decided pair back (a run used to hold the
  registry's write lock for its whole comparison, so the decision waited for it, or failed
  past the busy timeout).
- A second run started while one is in flight waits for it, saying so and for how long,
  and uses its result when the registry has not changed meanwhile.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dermavigil.domain.case import Case
from dermavigil.duplicates import background
from dermavigil.duplicates.background import run_shared
from dermavigil.duplicates.manage import decide, history, latest_run
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import Settings, load_settings


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """A home whose registry is a SQLite file (a run held the write lock there) or a
    fresh PostgreSQL schema."""
    env = {"DERMAVIGIL_HOME": str(tmp_path / "home")}
    if request.param == "sqlite":
        settings = load_settings(env)
        settings.ensure_dirs()
        yield settings
        return
    from dermavigil.registry.db import scratch_schema

    with scratch_schema(request.getfixturevalue("postgres_url")) as url:
        settings = load_settings({**env, "DERMAVIGIL_DATABASE_URL": url})
        settings.ensure_dirs()
        yield settings


@pytest.fixture
def ids(
    settings: Settings, literature_case: Case, clinician_case: Case, different_cases: list[Case]
) -> dict[str, str]:
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            service = CaseService(session)
            cases = [clinician_case, literature_case, *different_cases]
            made = [service.create(c.model_copy(update={"case_id": None}), by="a") for c in cases]
    finally:
        registry.close()
    return {"clinician": made[0].case_id, "literature": made[1].case_id}


class _Paused:
    """A progress callback that holds the run at its first step until released."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.go_on = threading.Event()
        self.steps: list[str] = []

    def __call__(self, step: str, done: int, total: int) -> None:
        self.steps.append(step)
        if not self.reached.is_set():
            self.reached.set()
            assert self.go_on.wait(60)


def _in_thread(work, out: list) -> threading.Thread:  # type: ignore[no-untyped-def,type-arg]
    def target() -> None:
        try:
            out.append(work())
        except BaseException as exc:  # reported by the test
            out.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread


def _two_runs(registry, settings, paused, first, second, told):  # type: ignore[no-untyped-def]
    """Start a run held by ``paused``, then a second one, and wait until it says it waits."""
    one = _in_thread(lambda: run_shared(registry, settings, "web", 0.5, paused), first)
    assert paused.reached.wait(60)
    two = _in_thread(
        lambda: run_shared(registry, settings, "cli", 0.5, lambda s, *_: told.append(s)),
        second,
    )
    deadline = time.monotonic() + 30
    while not told and time.monotonic() < deadline:
        time.sleep(0.05)
    return one, two


@pytest.mark.parametrize("decision", ["different", "same"])
def test_a_decision_taken_while_a_run_is_in_flight_is_kept(
    settings: Settings, ids: dict[str, str], decision: str
) -> None:
    pair = tuple(sorted((ids["clinician"], ids["literature"])))
    registry = open_registry(settings.database_url)
    paused = _Paused()
    ran: list = []  # type: ignore[type-arg]
    try:
        run = _in_thread(lambda: run_shared(registry, settings, "web", 0.5, paused), ran)
        assert paused.reached.wait(60)

        def assess() -> object:
            with registry.transaction() as session:
                return decide(session, *pair, decision, by="assessor", master=pair[0])

        decided: list = []  # type: ignore[type-arg]
        assessor = _in_thread(assess, decided)
        assessor.join(10)
        done_at_once = not assessor.is_alive()
        paused.go_on.set()
        run.join(120)
        assessor.join(60)
        assert done_at_once, "the decision waited for the duplicate run"
        assert not isinstance(decided[0], BaseException), decided[0]
        assert not isinstance(ran[0], BaseException), ran[0]
        with registry.transaction(readonly=True) as session:
            (kept,) = history(session, pair[1])
            assert kept.decision == decision  # in force, not lost
            latest = latest_run(session)
            assert latest is not None and latest.run_id == ran[0].run.run_id
            assert pair not in {(p.case_a, p.case_b) for p in latest.pairs}  # not back
            assert pair not in {(p.case_a, p.case_b) for p in ran[0].run.pairs}
    finally:
        paused.go_on.set()
        registry.close()


def test_a_second_run_waits_for_the_first_and_uses_its_result(
    settings: Settings, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = open_registry(settings.database_url)
    paused = _Paused()
    first: list = []  # type: ignore[type-arg]
    second: list = []  # type: ignore[type-arg]
    told: list[str] = []
    try:
        one, two = _two_runs(registry, settings, paused, first, second, told)
        time.sleep(1.2)
        assert told and re.match(
            r"waiting for another duplicate run to finish \(pid \d+, since \d\d:\d\d\): "
            r"\d+ s so far",
            told[0],
        ), told
        assert two.is_alive()
        paused.go_on.set()
        one.join(120)
        two.join(120)
        assert not isinstance(first[0], BaseException), first[0]
        assert not isinstance(second[0], BaseException), second[0]
        assert second[0].reused and not first[0].reused
        assert second[0].run.run_id == first[0].run.run_id  # one run, not two
        assert "unchanged since" in background.shared_text(second[0])
    finally:
        paused.go_on.set()
        registry.close()


def test_a_run_after_a_change_made_while_waiting_runs_anew(
    settings: Settings, ids: dict[str, str]
) -> None:
    registry = open_registry(settings.database_url)
    paused = _Paused()
    first: list = []  # type: ignore[type-arg]
    second: list = []  # type: ignore[type-arg]
    try:
        one = _in_thread(lambda: run_shared(registry, settings, "web", 0.5, paused), first)
        assert paused.reached.wait(60)
        two = _in_thread(lambda: run_shared(registry, settings, "cli", 0.5), second)
        with registry.transaction() as session:  # a merge while both are in flight
            decide(session, ids["clinician"], ids["literature"], "same", by="assessor",
                   master=ids["clinician"])  # fmt: skip
        paused.go_on.set()
        one.join(120)
        two.join(120)
        assert not second[0].reused
        assert second[0].run.run_id != first[0].run.run_id
        assert second[0].run.cases == first[0].run.cases - 1  # the merged copy is gone
    finally:
        paused.go_on.set()
        registry.close()


def test_a_run_that_waits_too_long_says_what_it_waited_for(
    settings: Settings, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dermavigil.errors import ConflictError
    from dermavigil.store.lock import SourceLock

    monkeypatch.setattr(background, "RUN_LOCK_WAIT_S", 0.5)
    registry = open_registry(settings.database_url)
    try:
        with (
            SourceLock(settings.store_dir, background.LOCK, "run"),
            pytest.raises(ConflictError, match=r"another duplicate run is running since .* waited"),
        ):
            run_shared(registry, settings, "cli", 0.5)
    finally:
        registry.close()


def test_a_decision_undone_while_a_run_waits_is_not_answered_from_the_stale_run(
    settings: Settings, ids: dict[str, str]
) -> None:
    """The first run reads the cases after "not a duplicate" was decided, so its pairs may
    lack the pair; the assessor undoes the decision while a second run waits: the second run
    must compare again (the pair is offered again), not reuse the first's result."""
    pair = tuple(sorted((ids["clinician"], ids["literature"])))
    registry = open_registry(settings.database_url)
    paused = _Paused()
    first: list = []  # type: ignore[type-arg]
    second: list = []  # type: ignore[type-arg]
    told: list[str] = []
    try:
        with registry.transaction() as session:
            decide(session, *pair, "different", by="assessor")
        one, two = _two_runs(registry, settings, paused, first, second, told)
        assert told, "the second run did not wait"
        with registry.transaction() as session:
            decide(session, *pair, "undecided", by="assessor", reason="look again")
        paused.go_on.set()
        one.join(120)
        two.join(120)
        assert not isinstance(second[0], BaseException), second[0]
        # On SQLite the first run's read is a snapshot taken before the undo (it lacks the
        # pair); on PostgreSQL it reads the decisions as they are when it filters its pairs.
        assert not second[0].reused, "a run made before the decision was reused"
        assert pair in {(p.case_a, p.case_b) for p in second[0].run.pairs}
        assert pair in set(second[0].run.undecided)
    finally:
        paused.go_on.set()
        registry.close()
