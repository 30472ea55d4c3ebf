"""``store.xzstream.XzReader`` gives the bytes ``lzma.open`` gives, in large steps."""

from __future__ import annotations

import lzma
from pathlib import Path

import pytest

from dermavigil.store.xzstream import XzReader

ONE = lzma.compress(b"id,var1,var2\n" + b"1,A,X\n" * 50_000)
TWO = lzma.compress(b"2,B,Y\n" * 30_000)


def _read_all(path: Path, size: int) -> bytes:
    pieces = []
    with XzReader(path) as reader:
        while piece := reader.read(size):
            pieces.append(piece)
    return b"".join(pieces)


@pytest.mark.parametrize(
    "blob", [ONE, ONE + TWO, ONE + b"\0" * 8 + TWO, ONE + TWO + b"trailing, not xz"]
)
@pytest.mark.parametrize("size", [1, 4096, 1 << 20, -1])
def test_same_bytes_as_lzma_open(tmp_path: Path, blob: bytes, size: int) -> None:
    path = tmp_path / "f.csv.xz"
    path.write_bytes(blob)
    with lzma.open(path) as reference:
        expected = reference.read()
    if size == 1:  # one byte at a time: a shorter file is enough
        path.write_bytes(lzma.compress(expected[:5000]))
        expected = expected[:5000]
    assert _read_all(path, size) == expected


def test_a_read_is_filled_until_the_end(tmp_path: Path) -> None:
    path = tmp_path / "f.csv.xz"
    path.write_bytes(ONE + TWO)
    with XzReader(path) as reader:
        first = reader.read(350_000)  # across the two streams
        assert len(first) == 350_000
        assert len(reader.read(1 << 30)) == 50_000 * 6 + 13 + 30_000 * 6 - 350_000
        assert reader.read(10) == b""


def test_a_cut_file_is_an_error_as_with_lzma_open(tmp_path: Path) -> None:
    path = tmp_path / "f.csv.xz"
    path.write_bytes(ONE[:-20])
    with pytest.raises(EOFError), lzma.open(path) as reference:
        reference.read()
    with pytest.raises(EOFError, match="end-of-stream marker"):
        _read_all(path, 1 << 20)
