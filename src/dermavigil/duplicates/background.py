"""Duplicate runs started from several places at once: the web job and the CLI (issue 16).

Both call :func:`run_shared`, which differs from :func:`dermavigil.duplicates.manage.run_and_save`
in two ways:

- **The comparison reads in a read-only transaction and the run is saved in a short write
  transaction after it**, where the decided pairs are left out again
  (:func:`~dermavigil.duplicates.manage.save_run`). A run used to hold the registry's write
  transaction for its whole comparison (20 s at 1,310 cases, 52 s at 3,191), so an
  assessor's decision taken meanwhile waited for it on SQLite, and failed past the busy
  timeout: lost. Now the decision goes through at once, and the run's saved pairs leave
  the decided pair out (a "same" decision also supersedes the retracted case's other
  pairs when the run is shown, :func:`~dermavigil.duplicates.manage.latest_run`).
- **One run at a time, a second one waits and may use the first one's result** (as a
  signal run does with the registry export, :mod:`dermavigil.signals.runs`): a lock per
  store (``store_dir/locks/duplicates.lock``, :class:`~dermavigil.store.lock.SourceLock`)
  is held for the run; a run that finds it taken waits (up to :data:`RUN_LOCK_WAIT_S`),
  saying for what and how long through its progress, then uses the run just saved when
  neither the registry's revision (:func:`~dermavigil.registry.repository.registry_revision`)
  nor the number of decisions (:func:`~dermavigil.duplicates.manage.decisions_made`) has
  moved since that run read the cases, and the threshold is the same; otherwise it runs.
  Past the wait it fails with the holder named. A "not a duplicate" decision or its undoing
  moves no case (the registry's revision stays, and the signal runs' export with it) but
  changes which pairs a run offers: a run read before "undecided" reopened a pair lacks it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from dermavigil.duplicates.manage import SavedRun, decisions_made, latest_run, save_run
from dermavigil.duplicates.service import registry_duplicates
from dermavigil.registry.repository import registry_revision
from dermavigil.settings import Settings
from dermavigil.store.lock import LOCKS, SourceLock

LOCK = "duplicates"
"""The lock file's name in ``store_dir/locks/``."""
RUN_LOCK_WAIT_S = 600.0
"""How long a duplicate run waits for another before it gives up, naming it."""
LAST = "duplicates.last.json"
"""Beside the lock: the last run saved, the state it read (:func:`_state`), its threshold."""

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SharedRun:
    """A saved run, and whether it is another run's result used after waiting for it."""

    run: SavedRun
    reused: bool = False


def _last_path(settings: Settings) -> Any:
    return settings.store_dir / LOCKS / LAST


def _state(session: Any) -> dict[str, int]:
    """What a run's pairs depend on, read first in its transaction: the registry's revision
    (the cases) and the number of decisions (the pairs left out). On PostgreSQL what is
    read after is this state or newer, so a run is at worst run again, never reused stale."""
    return {"revision": registry_revision(session), "decisions": decisions_made(session)}


def _remember(settings: Settings, run_id: int, state: dict[str, int], threshold: float) -> None:
    path = _last_path(settings)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"run_id": run_id, **state, "threshold": threshold}))
    os.replace(tmp, path)


def _reusable(registry: Any, settings: Settings, threshold: float) -> SavedRun | None:
    """The latest saved run, if it read the registry as it stands now at ``threshold``."""
    try:
        last = json.loads(_last_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    with registry.transaction(readonly=True) as session:
        run = latest_run(session)
        if run is None or run.run_id != last.get("run_id") or run.threshold != threshold:
            return None
        if any(last.get(key) != value for key, value in _state(session).items()):
            return None
        return run


def run_shared(
    registry: Any,
    settings: Settings,
    by: str,
    threshold: float = 0.5,
    progress: Progress | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    engine: str | None = None,
    spark_conf: dict[str, str] | None = None,
) -> SharedRun:
    """Compare the active cases and save the run, or use the run another caller just
    saved (see the module docstring). The comparison runs on ``engine`` (default: the
    settings' ``DERMAVIGIL_ENGINE``), Spark with the settings' ``DERMAVIGIL_SPARK_*``
    under ``spark_conf``, as a signal run takes them."""
    engine_name = (engine or settings.engine).lower()
    conf = {**dict(settings.spark_conf), **(spark_conf or {})}
    say = progress or (lambda step, done, total: None)
    waited: list[str] = []

    def waiting(text: str) -> None:
        waited.append(text)
        say(text, 0, 0)

    settings.ensure_dirs()
    with SourceLock(settings.store_dir, LOCK, "run", RUN_LOCK_WAIT_S, waiting, label="duplicate"):
        if waited:
            reusable = _reusable(registry, settings, threshold)
            if reusable is not None:
                return SharedRun(reusable, reused=True)
        started = clock()
        with registry.transaction(readonly=True) as session:
            state = _state(session)  # first: the state of what is read next
            report = registry_duplicates(
                session, threshold, progress=progress, engine=engine_name, spark_conf=conf
            )
        with registry.transaction() as session:
            run = save_run(session, report, by, started, clock())
        _remember(settings, run.run_id, state, threshold)
    return SharedRun(run)


def shared_text(shared: SharedRun) -> str:
    """What a caller says about a run it used instead of running (empty when it ran)."""
    if not shared.reused:
        return ""
    run = shared.run
    return (
        f"another duplicate run (run {run.run_id} by {run.run_by}, finished "
        f"{run.finished_at:%H:%M} UTC) ended while this one waited, and the registry and "
        "the decisions are unchanged since it read the cases: its pairs are used"
    )
