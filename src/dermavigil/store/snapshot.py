"""One consistent version of the store for a reader, held while it reads (issue 16).

A writer builds a source's new generation aside and switches ``CURRENT`` to it with a
rename (:class:`~dermavigil.store.layout.SourceWriter`), so no reader ever sees a
half-written generation. Two things remained for a reader that registers the tables and
queries them later (DuckDB views read their files at each query): resolving ``CURRENT``
once per table could mix two generations of a source (reports of one export, products of
the next), and the writer removed the old generation right after its switch, under a
reader still reading it.

A :class:`StoreSnapshot` resolves each source's live generation once, for every table,
and holds a *lease* on it: a shared ``flock(2)`` on the generation's ``READERS`` file
(the readers-writer pattern of LMDB's reader table and of SQLite's WAL read locks, with
the operating system's file locks: a reader that dies releases its lease). A writer
removes an old generation only when it can take that lock exclusively
(:func:`remove_generation`), first renaming it out of ``sources/<source>/`` (atomic), so
a reader that resolved ``CURRENT`` just before the switch either leases the whole old
generation or finds it gone and resolves ``CURRENT`` again. A generation still leased is
left where it is; the next writer of the source, or ``dermavigil store gc``, removes it
once its readers are done.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
from pathlib import Path

from dermavigil.errors import StorageError
from dermavigil.store.layout import current_generation, sources

READERS = "READERS"
"""The lease file of a generation (empty; readers hold a shared lock on it)."""
_TRASH = ".removing-"
_ATTEMPTS = 100
_NO_LEASE = (errno.EACCES, errno.EPERM, errno.EROFS)
"""A store the reader may not write to (read-only mount, another user's files): nobody
writes it either, so it is read without a lease."""


def _open_lease(generation: Path) -> int:
    return os.open(generation / READERS, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)


def _lease(store_dir: Path, source: str) -> tuple[Path, int | None] | None:
    """The live generation of ``source`` and a shared lock on it (None: no live one)."""
    for _ in range(_ATTEMPTS):
        generation = current_generation(store_dir, source)
        if generation is None:
            return None
        try:
            fd = _open_lease(generation)
        except FileNotFoundError:  # removed between reading CURRENT and opening: again
            continue
        except OSError as exc:
            if exc.errno in _NO_LEASE:
                return generation, None
            raise
        fcntl.flock(fd, fcntl.LOCK_SH)
        try:
            still = os.stat(generation / READERS).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            still = False
        if still:  # not renamed away: nobody removes it while the lease is held
            return generation, fd
        os.close(fd)
    raise StorageError(f"the {source} source of {store_dir} kept changing while it was opened")


class StoreSnapshot:
    """The live generation of each source (every live source, or ``only``), leased until
    :meth:`close` (or the ``with`` block's end)."""

    def __init__(self, store_dir: Path, only: list[str] | None = None) -> None:
        self.store_dir = store_dir
        self.generations: dict[str, Path] = {}
        self._fds: list[int] = []
        try:
            for source in only if only is not None else sources(store_dir):
                held = _lease(store_dir, source)
                if held is None:
                    continue
                self.generations[source], fd = held
                if fd is not None:
                    self._fds.append(fd)
        except BaseException:
            self.close()
            raise

    def files(self, table: str) -> list[Path]:
        """The Parquet files of ``table`` in the leased generations."""
        return [
            path
            for source in self.generations
            for path in sorted((self.generations[source] / table).glob("*.parquet"))
        ]

    def close(self) -> None:
        fds, self._fds = self._fds, []
        for fd in fds:
            with contextlib.suppress(OSError):
                os.close(fd)  # closing releases the shared lock

    def __enter__(self) -> StoreSnapshot:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def in_use(generation: Path) -> bool:
    """Whether a reader holds a lease on ``generation`` now."""
    try:
        fd = os.open(generation / READERS, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def remove_generation(generation: Path) -> bool:
    """Remove a generation that is not live, unless a reader holds it; True if removed.
    Called by the writer of its source (holding the source's lock) or by ``store gc``."""
    try:
        fd = os.open(generation / READERS, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except FileNotFoundError:  # no folder any more, or a folder without a generation
        shutil.rmtree(generation, ignore_errors=True)
        return not generation.exists()
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return False
    trash = generation.with_name(f"{_TRASH}{generation.name}-{os.getpid()}")
    try:
        os.replace(generation, trash)  # readers that resolve it from now on find it gone
    finally:
        os.close(fd)
    shutil.rmtree(trash, ignore_errors=True)
    return True


def trash_left(root: Path) -> list[Path]:
    """Generations a killed writer was removing (renamed aside, not yet deleted)."""
    return sorted(root.glob(f"{_TRASH}*")) if root.is_dir() else []
