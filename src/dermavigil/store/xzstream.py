"""An xz file decompressed in large steps, for Arrow's CSV reader (which has no xz codec).

``lzma.open`` decompresses through ``io.BufferedReader`` and ``_compression``'s
Python loop, 8 KiB of compressed input at a time: a 1 MiB read is a few dozen
trips through Python, each needing the GIL. Arrow reads on its own I/O thread
while a signal run imports scipy on another, so every trip could wait for the
GIL (up to the 5 ms switch interval). :class:`XzReader` fills each ``read(n)``
with one ``LZMADecompressor.decompress(..., max_length=n)`` call (which releases
the GIL) from 1 MiB of compressed input read at a time. As ``lzma.open``,
it reads concatenated streams one after another and stops at trailing data
that is not another stream.
"""

from __future__ import annotations

import io
import lzma
from pathlib import Path

INPUT_BYTES = 1 << 20
"""Compressed bytes read from the file at a time."""


class XzReader(io.RawIOBase):
    """A read-only binary stream of the decompressed content of an ``.xz`` file."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._file = open(path, "rb")  # noqa: SIM115 (closed by close())
        self._decompressor = lzma.LZMADecompressor()
        self._done = False

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` decompressed bytes (all that is left when ``size`` < 0); fewer
        only at the end of the file."""
        wanted = size if size is not None and size >= 0 else 1 << 62
        pieces = []
        while wanted > 0 and not self._done:
            piece = self._decompress(wanted)
            pieces.append(piece)
            wanted -= len(piece)
        return b"".join(pieces)

    def _decompress(self, wanted: int) -> bytes:
        if self._decompressor.eof:  # a stream ended: another may follow
            rest = self._decompressor.unused_data or self._file.read(INPUT_BYTES)
            if not rest:
                self._done = True
                return b""
            self._decompressor = lzma.LZMADecompressor()
            try:
                return self._decompressor.decompress(rest, max_length=wanted)
            except lzma.LZMAError:  # trailing data, not a stream: ignored as lzma.open does
                self._done = True
                return b""
        data = b""
        if self._decompressor.needs_input:
            data = self._file.read(INPUT_BYTES)
            if not data:
                raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        return self._decompressor.decompress(data, max_length=wanted)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._file.close()
        super().close()
