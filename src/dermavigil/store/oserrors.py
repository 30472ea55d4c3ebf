"""Errors of the machine translated at the edge into the :class:`DermavigilError` family.

Two kinds, both of which used to reach the user as tracebacks:

- ``OSError`` of the disk: no space (``ENOSPC``, ``EDQUOT``), permission
  (``EACCES``, ``EPERM``), read-only file system (``EROFS``), and any other;
- a damaged input archive: a bad CRC, a truncated member (``EOFError``,
  ``zlib.error``), a zip or gzip that is not one.

:func:`translated` wraps a run that writes a store: the message names the
path the system gave, what went wrong in words, and whether the store was
left unchanged (the caller says how to tell, e.g. "the live vaers generation
is still gen-000003").
"""

from __future__ import annotations

import errno
import gzip
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from dermavigil.errors import DermavigilError, InputError, StorageError

ARCHIVE_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    gzip.BadGzipFile,
    zlib.error,
    EOFError,
)

_WORDS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "read-only file system",
    errno.ENOENT: "no such file or folder",
    errno.EIO: "input/output error of the device",
}


def describe_os_error(exc: OSError, where: Path | None = None) -> str:
    """``"no space left on the device: /path"``: the words, then the path(s) involved.

    Some libraries (pyarrow) give no file name; then ``where`` (the store) is named.
    """
    words = _WORDS.get(exc.errno or -1) or (exc.strerror or str(exc) or type(exc).__name__)
    paths = [str(p) for p in (exc.filename, exc.filename2) if p]
    if paths:
        return f"{words}: {' -> '.join(paths)}"
    return f"{words}: writing under {where}" if where else words


def describe_archive_error(exc: BaseException) -> str:
    """What is wrong with a damaged archive, in words."""
    text = str(exc)
    if isinstance(exc, EOFError) or "ended before" in text or "truncated" in text.lower():
        return f"truncated archive ({text})" if text else "truncated archive"
    if "CRC" in text:
        return f"damaged archive: {text}"
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a gzip file ({text})"
    if isinstance(exc, zipfile.BadZipFile) and "not a zip file" in text.lower():
        return "not a zip archive"
    return f"damaged archive ({type(exc).__name__}: {text})"


@contextmanager
def translated(
    action: str,
    input_path: Callable[[], Path | None],
    unchanged: Callable[[], str],
    where: Path | None = None,
) -> Iterator[None]:
    """Run a store-writing block; turn disk and archive errors into user errors.

    ``action`` names the run ("import vaers"); ``input_path()`` the input being
    read when an archive error happens (or ``None``); ``unchanged()`` the clause
    saying what was left as it was, computed after the failure (also added
    to an :class:`InputError` the block raises); ``where`` the
    folder named when an ``OSError`` carries no file name.
    """
    try:
        yield
    except InputError as exc:  # a refused input: say so, and what was left as it was
        raise type(exc)(f"{exc.message}; {unchanged()}", exc.problems) from exc
    except DermavigilError:
        raise
    except ARCHIVE_ERRORS as exc:  # before OSError: BadGzipFile is one
        where = input_path()
        prefix = f"{where}: " if where else ""
        raise InputError(f"{action}: {prefix}{describe_archive_error(exc)}; {unchanged()}") from exc
    except OSError as exc:
        raise StorageError(f"{action}: {describe_os_error(exc, where)}; {unchanged()}") from exc
