"""One writer per source: an exclusive ``flock(2)`` on ``store_dir/locks/<source>.lock``.

Every command that rebuilds or removes a source (``dermavigil import``, the
web import queue, ``store drop``, ``store gc``) holds the source's lock for its
whole run, from reading the inputs to the generation switch and the clean-up
of staged inputs. A second writer does not wait: it fails at once with
"another vaers import is running since 14:02 (pid 4711)", read from the lock
file, where the holder writes its pid, start time and what it is doing.

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
from pathlib import Path

from dermavigil.errors import ConflictError

LOCKS = "locks"


def lock_path(store_dir: Path, source: str) -> Path:
    return store_dir / LOCKS / f"{source}.lock"


class SourceLock:
    """``with SourceLock(store_dir, "vaers", "import"):`` -- or ConflictError at once."""

    def __init__(self, store_dir: Path, source: str, what: str = "import") -> None:
        self.path = lock_path(store_dir, source)
        self.source = source
        self.what = what
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise ConflictError(self._busy_message()) from None
        except BaseException:
            os.close(fd)
            raise
        holder = {"pid": os.getpid(), "since": time.time(), "what": self.what}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        self._fd = fd

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
