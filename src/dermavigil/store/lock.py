"""One writer per source: an exclusive ``flock(2)`` on ``store_dir/locks/<source>.lock``.

Every command that rebuilds or removes a source (``dermavigil import``, the
web import queue, ``store drop``, ``store gc``) holds the source's lock for its
whole run, from reading the inputs to the generation switch and the clean-up
of staged inputs. A second writer does not wait: it fails at once with
"another vaers import is running since 14:02 (pid 4711)", read from the lock
file, where the holder writes its pid, start time and what it is doing. A writer
that can use the first one's work waits instead (``wait`` seconds, told what it waits
for and how long so far through ``waiting``, at once and then every second), then fails
the same way, saying how long it waited: a signal run's registry export, which another
run's fresh export makes unnecessary, or a duplicate run, which another's result
answers (issue 16).

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


def duration(seconds: float) -> str:
    """``45 s``, ``10 min``, ``2 min 5 s``: a wait as people read it."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


class SourceLock:
    """``with SourceLock(store_dir, "vaers", "import"):`` -- or ConflictError at once, or
    after ``wait`` seconds (``waiting`` is called with what it waits for and how long so
    far, at once and then each time another whole second has passed). ``label`` names the
    lock's owner in messages (default: ``source``)."""

    def __init__(
        self,
        store_dir: Path,
        source: str,
        what: str = "import",
        wait: float = 0.0,
        waiting: Callable[[str], None] | None = None,
        label: str | None = None,
    ) -> None:
        self.path = lock_path(store_dir, source)
        self.source = label or source
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
        started = time.monotonic()
        told = -1
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                waited = time.monotonic() - started
                if waited >= self.wait:
                    raise ConflictError(self._busy_message(waited)) from None
            if self.waiting is not None and int(waited) > told:
                told = int(waited)
                self.waiting(self._waiting_message(told))
            time.sleep(POLL_S)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)  # the next reader must not see a finished holder
            os.close(fd)  # closing releases the flock

    def _busy_message(self, waited: float) -> str:
        holder = holder_of(self.path)
        after = f"; waited {duration(waited)}" if self.wait else ""
        if holder is None:
            return (
                f"another {self.source} {self.what} is running (it has just started){after}; "
                "try again when it has finished"
            )
        what = holder.get("what", "import")
        since = time.strftime("%H:%M", time.localtime(float(holder.get("since", 0))))
        return (
            f"another {self.source} {what} is running since {since} "
            f"(pid {holder.get('pid', '?')}){after}; try again when it has finished"
        )

    def _waiting_message(self, waited: int) -> str:
        holder = holder_of(self.path)
        so_far = f"{waited} s so far, at most {duration(self.wait)}"
        if holder is None:
            return (
                f"waiting for another {self.source} writer to finish (it has just started): "
                + so_far
            )
        since = time.strftime("%H:%M", time.localtime(float(holder.get("since", 0))))
        return (
            f"waiting for another {self.source} {holder.get('what', 'import')} to finish "
            f"(pid {holder.get('pid', '?')}, since {since}): {so_far}"
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
