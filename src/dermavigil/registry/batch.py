"""Group commit: one writer thread stores concurrent requests' writes in shared transactions.

Under many concurrent writers, each write paying for its own transaction --
queueing for SQLite's single write lock, ``BEGIN IMMEDIATE``, the commit and
its WAL write -- caps throughput and makes requests queue. :class:`GroupCommitter`
gives a process one writer thread: :meth:`GroupCommitter.submit` queues a
write (a function of the session) and blocks; the writer takes every write
queued meanwhile (up to ``max_batch``), runs each in a savepoint of one
transaction, commits once, and only then answers each caller with its result
or its own exception. This is the group commit of database logs (Gray &
Reuter, *Transaction Processing*, 1993, sec. 9.4.7; DeWitt et al. 1984),
applied above the database.

Guarantees:

- a caller returns only after the transaction holding its write has committed,
  so an acknowledged write survives the process being killed (``kill -9``):
  SQLite commits in WAL with ``synchronous=NORMAL`` are durable across an
  application crash (see :mod:`dermavigil.registry.db`);
- a write that raises is rolled back alone; the others of its batch still commit
  (a batch runs first without savepoints; when a write fails it is rolled back and
  run again with each write in a savepoint of its own);
- if the commit itself fails, every caller of the batch gets that error, and
  none of their writes is stored.

Writes are taken in arrival order. Consecutive writes of one kind may be run together:
a write object with a ``many(session, writes)`` (a new case's,
:mod:`dermavigil.web.casework`) stores its run of the batch at once -- the case numbers
in one counter update, the rows in one ``INSERT`` per table -- so the statements of a
batch, and the time it holds the write lock, hardly grow with its size. The writer
holds the registry's write gate (:class:`~dermavigil.registry.db.WriteGate`) per batch
like any writer, so other writes of this or another process interleave between batches.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

MAX_BATCH = 64
"""Most writes committed together."""

LINGER_S = 0.05
"""How long a batch of posted writes alone (:meth:`GroupCommitter.post`) waits for more."""


@dataclass
class _Pending:
    work: Callable[[Any], Any]
    done: threading.Event | None = None  # a thread waits on it (submit)
    future: asyncio.Future[Any] | None = None  # a coroutine awaits it (submit_async)
    result: Any = None
    error: BaseException | None = None
    posted: bool = False  # nobody waits: errors are logged

    def finish(self) -> None:
        """Answer whoever waits (called by the writer thread once the batch is over)."""
        if self.done is not None:
            self.done.set()
        elif self.future is not None:
            self.future.get_loop().call_soon_threadsafe(_resolve, self.future, self)


def _resolve(future: asyncio.Future[Any], pending: _Pending) -> None:
    if future.done():  # the awaiting request was cancelled; its write stands
        return
    if pending.error is not None:
        future.set_exception(pending.error)
    else:
        future.set_result(pending.result)


class GroupCommitter:
    """The process's single writer for batched writes to one registry."""

    def __init__(self, registry: Any, max_batch: int = MAX_BATCH) -> None:
        self._registry = registry
        self._max_batch = max_batch
        self._queue: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.batches = 0
        """Transactions committed (for tests and benchmarks)."""
        self.writes = 0
        """Writes stored through them."""

    def submit(self, work: Callable[[Any], Any]) -> Any:
        """Run ``work(session)`` in the next batch; return its result once committed
        (or raise its exception, or the commit's)."""
        pending = _Pending(work, done=threading.Event())
        self._ensure_thread()
        self._queue.put(pending)
        pending.done.wait()  # type: ignore[union-attr]
        if pending.error is not None:
            raise pending.error
        return pending.result

    async def submit_async(self, work: Callable[[Any], Any]) -> Any:
        """:meth:`submit` for a coroutine on an event loop: the loop is not blocked and no
        thread is held while the batch commits (the answer comes back through the loop)."""
        pending = _Pending(work, future=asyncio.get_running_loop().create_future())
        self._ensure_thread()
        self._queue.put(pending)
        return await pending.future  # type: ignore[misc]

    def post(self, work: Callable[[Any], Any]) -> None:
        """Queue ``work(session)`` for the next batch and return at once (fire and forget:
        for writes a request must not wait for, such as the read-access log). Its error,
        or the batch's, is logged, never raised; :meth:`flush` waits for it."""
        self._ensure_thread()
        self._queue.put(_Pending(work, posted=True))

    def flush(self) -> None:
        """Wait until every write queued before this call is committed (or failed)."""
        self.submit(lambda session: None)

    def close(self) -> None:
        """Stop the writer after the writes already queued."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join()

    def _ensure_thread(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="registry-group-commit", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            stop = False
            # posted writes alone (nobody waits) linger a moment for company: a steady
            # stream of reads' log rows then costs a transaction per LINGER_S, not per read
            linger_until = time.monotonic() + LINGER_S if first.posted else 0.0
            while len(batch) < self._max_batch:
                wait = linger_until - time.monotonic()
                try:
                    item = self._queue.get(timeout=wait) if wait > 0 else self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                batch.append(item)
                if not item.posted:
                    linger_until = 0.0  # someone waits: commit what is there now
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[_Pending]) -> None:
        if self._commit_at_once(batch):
            return
        try:
            with self._registry.transaction() as session:
                for pending in batch:
                    try:
                        with session.begin_nested():
                            pending.result = _run_one(pending.work, session)
                    except Exception as exc:  # that write alone is rolled back
                        pending.error = exc
        except BaseException as exc:  # the commit failed: nothing of the batch is stored
            log.warning("group commit of %d write(s) failed: %s", len(batch), exc)
            for pending in batch:
                pending.result, pending.error = None, exc
        else:
            self.batches += 1
            self.writes += sum(1 for p in batch if p.error is None)
        finally:
            for pending in batch:
                if pending.posted and pending.error is not None:
                    log.error("a queued registry write was lost: %s", pending.error)
                pending.finish()

    def _commit_at_once(self, batch: list[_Pending]) -> bool:
        """Run the whole batch in one transaction without savepoints (two statements less
        per write); whether that committed and answered everyone. When a write fails, the
        transaction rolls back and, if others shared it, :meth:`_commit` runs them again,
        each in its savepoint; a write alone gets its error at once.

        Writes of one kind that follow each other (their ``work`` has the same ``many``)
        run together (see :func:`_run_one`)."""
        outcomes: list[Any] = []
        try:
            with self._registry.transaction() as session:
                for run in _runs(batch):
                    many = getattr(run[0].work, "many", None)
                    if many is None:
                        outcomes.append(run[0].work(session))
                    else:
                        outcomes.extend(many(session, [pending.work for pending in run]))
        except BaseException as exc:
            if len(batch) > 1:
                return False
            batch[0].error = exc
            if batch[0].posted:
                log.error("a queued registry write was lost: %s", exc)
            elif len(outcomes) == 1:  # the write ran; the commit failed
                log.warning("group commit of 1 write failed: %s", exc)
        else:
            for pending, outcome in zip(batch, outcomes, strict=True):
                if isinstance(outcome, BaseException):
                    pending.error = outcome
                else:
                    pending.result = outcome
            self.batches += 1
            self.writes += sum(1 for p in batch if p.error is None)
        for pending in batch:
            pending.finish()
        return True


def _run_one(work: Any, session: Any) -> Any:
    """Run one write: ``work(session)``, or for a write that is run with others of its
    kind, its run of one: ``work.many(session, works)`` returns each one's result, or the
    error that refused it (a refused write must have written nothing)."""
    many = getattr(work, "many", None)
    if many is None:
        return work(session)
    (outcome,) = many(session, [work])
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def _runs(batch: list[_Pending]) -> list[list[_Pending]]:
    """``batch`` cut into runs of consecutive writes of one kind (the same ``work.many``);
    a write without ``many`` is a run of its own."""
    runs: list[list[_Pending]] = []
    for pending in batch:
        many = getattr(pending.work, "many", None)
        if many is not None and runs and getattr(runs[-1][0].work, "many", None) == many:
            runs[-1].append(pending)
        else:
            runs.append([pending])
    return runs
