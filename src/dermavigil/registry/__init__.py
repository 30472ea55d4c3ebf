"""The case registry: versioned, audited case storage on SQLite or PostgreSQL.

Public API (see the interface contract)::

    registry = open_registry()              # runs the migrations
    with registry.transaction() as session:  # commit on success, rollback on error
        stored = CaseService(session).create(case, by="alice")

Services never commit; the caller's transaction does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dermavigil.registry.batch import GroupCommitter
from dermavigil.registry.changes import FieldChange
from dermavigil.registry.db import READONLY_OPTION, WriteGate, make_engine
from dermavigil.registry.migrate import current_revision, head_revision, upgrade
from dermavigil.registry.models import (
    CaseFilter,
    CaseSummary,
    Page,
    StoredCase,
    User,
    VersionInfo,
)
from dermavigil.registry.service import CaseService, NewCase
from dermavigil.registry.sessions import SessionInfo, SessionService
from dermavigil.registry.users import UserService

__all__ = [
    "CaseFilter",
    "CaseService",
    "CaseSummary",
    "FieldChange",
    "NewCase",
    "Page",
    "Registry",
    "SessionInfo",
    "SessionService",
    "StoredCase",
    "User",
    "UserService",
    "VersionInfo",
    "open_registry",
]

T = TypeVar("T")


class Registry:
    """A migrated registry database and its transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._gate = WriteGate(engine)
        self._committer: GroupCommitter | None = None
        self._committer_lock = threading.Lock()

    @contextmanager
    def transaction(self, readonly: bool = False) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error.

        ``readonly`` transactions take no write lock on SQLite; write transactions
        of this process queue on its :class:`~dermavigil.registry.db.WriteGate` first.
        """
        bind = self.engine.execution_options(**{READONLY_OPTION: True}) if readonly else self.engine
        gate = nullcontext() if readonly else self._gate.held()
        with gate, Session(bind, expire_on_commit=False) as session, session.begin():
            yield session

    def group_write(self, work: Callable[[Session], T]) -> T:
        """Run ``work(session)`` in a transaction shared with concurrent callers (group
        commit, :mod:`dermavigil.registry.batch`); return its result once committed.

        For short, independent writes under load (case creation): the transaction and
        its commit are paid once per batch; a failing ``work`` is rolled back alone.
        """
        return self._writer().submit(work)

    async def group_write_async(self, work: Callable[[Session], T]) -> T:
        """:meth:`group_write` awaited on an event loop (no thread waits for the commit)."""
        return await self._writer().submit_async(work)

    def queue_write(self, work: Callable[[Session], object]) -> None:
        """Queue ``work(session)`` on the group-commit writer and return at once: the write
        joins the next batch (shared with case creations) and nobody waits for its commit.
        For records a request must not wait for (the read-access log); a failure is
        logged. :meth:`flush_writes` waits for what was queued."""
        self._writer().post(work)

    def _writer(self) -> GroupCommitter:
        with self._committer_lock:  # one writer per registry, even when first used at once
            if self._committer is None:
                self._committer = GroupCommitter(self)
            return self._committer

    def flush_writes(self) -> None:
        """Wait until every write queued (:meth:`queue_write`) so far is committed."""
        if self._committer is not None:
            self._committer.flush()

    def close(self) -> None:
        """Release the connection pool and the write gate's lock file."""
        if self._committer is not None:
            self._committer.close()
        self.engine.dispose()
        self._gate.close()


def open_registry(url: str | None = None) -> Registry:
    """Open (and migrate to the newest schema) the registry at ``url``.

    ``url`` defaults to the settings' ``database_url`` (SQLite under
    ``DERMAVIGIL_HOME``).
    """
    if url is None:
        from dermavigil.settings import load_settings

        url = load_settings().database_url
    engine = make_engine(url)
    if current_revision(engine) != head_revision():
        upgrade(engine)
    return Registry(engine)
