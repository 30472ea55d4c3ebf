"""A small ``.xz`` input file decompressed on a thread from the very start of a signal run.

Arrow has no xz codec, so a long file's ``.xz`` is decompressed by Python's
``lzma`` (a FAERS quarter's 2 MB: 0.13 s on one core, in one call that releases the
GIL). This module needs the standard library only, so the CLI can start the
decompression before it imports numpy, pyarrow and scipy (about a third of a second
of the GIL on this path), and the run picks the content up when it reads the file
(:func:`dermavigil.store.longformat.load_long_encoded`'s ``ahead``).

Decompression is one call into liblzma (``lzma_stream_buffer_decode`` per stream, through
ctypes, which lets go of the GIL for the call) into an anonymous memory map: Python's
``lzma`` takes the GIL back at each of the ~7 growths of its output buffer (each time
waiting for the thread that imports scipy meanwhile) and then copies the 15 MB of a
FAERS quarter into one ``bytes`` (3,600 more page faults). Where liblzma cannot be
loaded, or the file is not one or more whole ``.xz`` streams (trailing data, padding,
the legacy ``.lzma`` format, an error), ``lzma.decompress`` reads it, with its results
and its errors.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import lzma
import mmap
import threading
from pathlib import Path

SMALL_FILE_BYTES = 16 << 20
"""On-disk size up to which a file is read whole (see ``store.longformat``)."""


class ReadAhead:
    """The decompressed content of one ``.xz`` file, made on a thread of its own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._content: bytes | memoryview | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._read, name="read-ahead", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._content = decompressed(self.path)
        except BaseException as exc:  # handed to whoever asks for the content
            self._error = exc

    def content(self) -> bytes | memoryview:
        """The file's decompressed bytes, once made; raises what reading it raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._content is not None
        return self._content


def decompressed(path: Path) -> bytes | memoryview:
    """The content of an ``.xz`` file, read in one call and decompressed in one more (each
    releasing the GIL), as ``lzma.open`` reads it: concatenated streams one after
    another, trailing data that is not a stream ignored."""
    raw = path.read_bytes()
    content = _liblzma_decoded(raw)
    return lzma.decompress(raw) if content is None else content


_LZMA_OK, _LZMA_BUF_ERROR = 0, 10
_MAX_RATIO = 1 << 12
"""Output room tried, as a multiple of the input, before handing over to Python's lzma."""
_decoder: object = None


def _stream_decoder() -> object:
    """liblzma's ``lzma_stream_buffer_decode``, or ``False`` where liblzma is not found."""
    global _decoder
    if _decoder is None:
        try:
            library = ctypes.CDLL(ctypes.util.find_library("lzma") or "liblzma.so.5")
            decode = library.lzma_stream_buffer_decode
        except (OSError, AttributeError):
            _decoder = False
            return _decoder
        size_p = ctypes.POINTER(ctypes.c_size_t)
        decode.argtypes = [
            ctypes.POINTER(ctypes.c_uint64), ctypes.c_uint32, ctypes.c_void_p,
            ctypes.c_char_p, size_p, ctypes.c_size_t, ctypes.c_void_p, size_p, ctypes.c_size_t,
        ]  # fmt: skip
        decode.restype = ctypes.c_int
        _decoder = decode
    return _decoder


def _liblzma_decoded(raw: bytes) -> memoryview | None:
    """``raw`` decoded by liblzma when it is one or more whole ``.xz`` streams, else
    ``None``. The output goes to an anonymous map with room for 32 times the input
    (only the pages written are memory), twice as much again while it is too small
    (up to :data:`_MAX_RATIO` times)."""
    decode = _stream_decoder()
    if not decode or not raw:
        return None
    room = max(1 << 20, 32 * len(raw))
    while True:
        out = mmap.mmap(-1, room)
        target = (ctypes.c_char * room).from_buffer(out)
        done = ctypes.c_size_t(0)
        read = ctypes.c_size_t(0)
        status = _LZMA_OK
        while read.value < len(raw) and status == _LZMA_OK:
            no_limit = ctypes.c_uint64(2**64 - 1)
            status = decode(
                ctypes.byref(no_limit), 0, None, raw, ctypes.byref(read), len(raw),
                ctypes.addressof(target), ctypes.byref(done), room,
            )  # fmt: skip
        del target  # the map is only read from here on
        if status == _LZMA_OK:
            return memoryview(out)[: done.value]
        out.close()
        if status != _LZMA_BUF_ERROR or room > _MAX_RATIO * len(raw):
            return None  # Python's lzma says what is wrong, or copes
        room *= 2


def read_ahead(path: Path) -> ReadAhead | None:
    """Start decompressing ``path`` when it is an ``.xz`` file of at most
    :data:`SMALL_FILE_BYTES` on disk; ``None`` for any other file (or none)."""
    try:
        small = path.stat().st_size <= SMALL_FILE_BYTES
    except OSError:  # missing or unreadable: the reader says so in its own words
        return None
    return ReadAhead(path) if small and path.suffix.lower() == ".xz" else None
