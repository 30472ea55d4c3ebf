"""A small ``.xz`` input file decompressed on a thread from the very start of a signal run.

Arrow has no xz codec, so a long file's ``.xz`` is decompressed by Python's
``lzma`` (a FAERS quarter's 2 MB: 0.13 s on one core, in one call that releases the
GIL). This module needs the standard library only, so the CLI can start the
decompression before it imports numpy, pyarrow and scipy (about a third of a second
of the GIL on this path), and the run picks the content up when it reads the file
(:func:`dermavigil.store.longformat.load_long_encoded`'s ``ahead``).
"""

from __future__ import annotations

import lzma
import threading
from pathlib import Path

SMALL_FILE_BYTES = 16 << 20
"""On-disk size up to which a file is read whole (see ``store.longformat``)."""


class ReadAhead:
    """The decompressed content of one ``.xz`` file, made on a thread of its own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._content: bytes | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._read, name="read-ahead", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._content = decompressed(self.path)
        except BaseException as exc:  # handed to whoever asks for the content
            self._error = exc

    def content(self) -> bytes:
        """The file's decompressed bytes, once made; raises what reading it raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._content is not None
        return self._content


def decompressed(path: Path) -> bytes:
    """The content of an ``.xz`` file, read in one call and decompressed in one more (each
    releasing the GIL), as ``lzma.open`` reads it: concatenated streams one after
    another, trailing data that is not a stream ignored."""
    return lzma.decompress(path.read_bytes())


def read_ahead(path: Path) -> ReadAhead | None:
    """Start decompressing ``path`` when it is an ``.xz`` file of at most
    :data:`SMALL_FILE_BYTES` on disk; ``None`` for any other file (or none)."""
    try:
        small = path.stat().st_size <= SMALL_FILE_BYTES
    except OSError:  # missing or unreadable: the reader says so in its own words
        return None
    return ReadAhead(path) if small and path.suffix.lower() == ".xz" else None
