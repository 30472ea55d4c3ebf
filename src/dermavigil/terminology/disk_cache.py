"""Derived tables kept on disk between processes, keyed on the sources they are built from.

A table that takes a process a noticeable time to build from the packaged data (the
coder's tables of ``hp.obo``, the translation glossaries) is written once to a ``marshal``
file in the cache directory, with a key: a SHA-256 over the format number, each data
source's path, size and modification time, and the bytes of the modules that build it. A
later process reads the file back when its key is the key of the sources it has now, else
rebuilds the table and rewrites the file (atomic rename; an unwritable cache directory
only costs the rebuild). ``marshal`` holds plain tuples, lists, dicts and strings only:
loading it runs no code.

Cache directory: ``DERMAVIGIL_CACHE_DIR``, else ``$DERMAVIGIL_HOME/cache`` when
``DERMAVIGIL_HOME`` is set, else ``$XDG_CACHE_HOME/dermavigil`` (default
``~/.cache/dermavigil``).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def cache_dir(env: dict[str, str] | None = None) -> Path:
    """The directory of derived, rebuildable files (see the module docstring)."""
    env = dict(os.environ if env is None else env)
    if env.get("DERMAVIGIL_CACHE_DIR"):
        return Path(env["DERMAVIGIL_CACHE_DIR"]).expanduser()
    if env.get("DERMAVIGIL_HOME"):
        return Path(env["DERMAVIGIL_HOME"]).expanduser() / "cache"
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "dermavigil"


def source_key(fmt: int, data: Iterable[Path], code: Iterable[Path]) -> str:
    """The key of a table built by the modules ``code`` from the files ``data``: their
    paths, sizes and modification times (a data file may be large), the modules' bytes."""
    digest = hashlib.sha256(str(fmt).encode())
    for path in data:
        stat = path.stat()
        digest.update(f"|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    for path in code:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read(path: Path, key: str) -> object | None:
    """The table stored at ``path`` under ``key``; None when the file is missing, unreadable
    or holds another key."""
    try:
        stored_key, table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return table if stored_key == key else None


def write(path: Path, key: str, table: object, stale: str) -> None:
    """Store ``table`` under ``key`` at ``path`` (atomic rename) and remove the other files
    of the glob pattern ``stale`` (a former format's); an unwritable directory is skipped."""
    payload = marshal.dumps((key, table))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            tmp.write(payload)
        os.replace(tmp.name, path)
        for older in path.parent.glob(stale):
            if older != path:
                older.unlink(missing_ok=True)
    except OSError:
        return
