"""One writer per source: an exclusive ``flock(2)`` on ``store_dir/locks/<source>.lock``.

Every command that rebuilds or removes a source (``dermavigil import``, the
web import queue, ``store drop``, ``store gc``) holds the source's lock for its
whole run, from reading the inputs to the generation switch and the clean-up
of staged inputs. A second writer does not wait: it fails at once with
"another vaers import is running since 14:02 (pid 4711)", read from the lock
file, where the holder writes its pid, start time and what it is doing. A writer
that can use the first one's work waits instead (``wait`` seconds, told what it waits
for through ``waiting``), then fails the same way: a signal run's registry export,
which another run's fresh export makes unnecessary (issue 16).

The lock belongs to an open file description, so two threads of one process
(the web queue and a test) exclude each other as two processes do, and the
operating system releases it when its holder dies (``kill -9`` leaves no
stale lock: the file stays, the lock does not).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from dermavigil.errors import ConflictError

LOCKS = "locks"
POLL_S = 0.1
"""How often a waiting writer tries the lock again."""


def lock_path(store_dir: Path, source: str) -> Path:
    return store_dir / LOCKS / f"{source}.lock"


class SourceLock:
    """``with SourceLock(store_dir, "vaers", "import"):`` -- or ConflictError at once, or
    after ``wait`` seconds (``waiting`` is called once with what it waits for)."""

    def __init__(
        self,
        store_dir: Path,
        source: str,
        what: str = "import",
        wait: float = 0.0,
        waiting: Callable[[str], None] | None = None,
    ) -> None:
        self.path = lock_path(store_dir, source)
        self.source = source
        self.what = what
        self.wait = wait
        self.waiting = waiting
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            self._lock(fd)
        except BaseException:
            os.close(fd)
            raise
        holder = {"pid": os.getpid(), "since": time.time(), "what": self.what}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        self._fd = fd

    def _lock(self, fd: int) -> None:
        deadline = time.monotonic() + self.wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ConflictError(self._busy_message()) from None
            if not told and self.waiting is not None:
                self.waiting(self._waiting_message())
                told = True
            time.sleep(POLL_S)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)  # the next reader must not see a finished holder
            os.close(fd)  # closing releases the flock

    def _busy_message(self) -> str:
        holder = holder_of(self.path)
        if holder is None:
            return (
                f"another {self.source} {self.what} is running (it has just started); "
                "try again when it has finished"
            )
        what = holder.get("what", "import")
        since = time.strftime("%H:%M", time.localtime(float(holder.get("since", 0))))
        return (
            f"another {self.source} {what} is running since {since} "
            f"(pid {holder.get('pid', '?')}); try again when it has finished"
        )

    def _waiting_message(self) -> str:
        holder = holder_of(self.path)
        if holder is None:
            return f"waiting for another {self.source} writer to finish (it has just started)"
        since = time.strftime("%H:%M", time.localtime(float(holder.get("since", 0))))
        return (
            f"waiting for another {self.source} {holder.get('what', 'import')} to finish "
            f"(pid {holder.get('pid', '?')}, since {since})"
        )

    def __enter__(self) -> SourceLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def holder_of(path: Path) -> dict[str, object] | None:
    """What the lock file says about its holder (``None`` if empty or unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "null")
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
