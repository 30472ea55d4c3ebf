"""``store.readahead``: a small ``.xz`` file decompressed on a thread gives the bytes
``lzma.open`` gives; other files are not read ahead; errors reach the reader."""

from __future__ import annotations

import lzma
from pathlib import Path

import pytest

from dermavigil.store import readahead
from dermavigil.store.readahead import decompressed, read_ahead

ONE = lzma.compress(b"id,var1,var2\n" + b"1,A,X\n" * 5_000)
TWO = lzma.compress(b"2,B,Y\n" * 3_000)


@pytest.mark.parametrize("blob", [ONE, ONE + TWO, ONE + TWO + b"trailing, not xz"])
def test_the_content_is_what_lzma_open_reads(tmp_path: Path, blob: bytes) -> None:
    path = tmp_path / "f.csv.xz"
    path.write_bytes(blob)
    with lzma.open(path) as expected:
        text = expected.read()
    ahead = read_ahead(path)
    assert ahead is not None and ahead.content() == text == decompressed(path)


def test_a_truncated_file_raises_when_its_content_is_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv.xz"
    path.write_bytes(ONE[:-30])
    ahead = read_ahead(path)
    assert ahead is not None
    with pytest.raises(lzma.LZMAError):
        ahead.content()


def test_only_small_xz_files_are_read_ahead(tmp_path: Path, monkeypatch) -> None:
    plain = tmp_path / "f.csv"
    plain.write_text("id,var1,var2\n1,A,X\n")
    packed = tmp_path / "f.csv.xz"
    packed.write_bytes(ONE)
    assert read_ahead(plain) is None and read_ahead(tmp_path / "none.csv.xz") is None
    monkeypatch.setattr(readahead, "SMALL_FILE_BYTES", 10)
    assert read_ahead(packed) is None


def test_xz_streams_are_decoded_by_liblzma_and_anything_else_by_python(
    tmp_path: Path, monkeypatch
) -> None:
    """Whole ``.xz`` streams take the one-call liblzma path (a memory map, no ``bytes``
    copy); trailing data, a legacy ``.lzma`` file or too little output room go to
    ``lzma.decompress``, with the same content."""
    for name, blob, by_liblzma in (
        ("one.xz", ONE, True),
        ("two.xz", ONE + TWO, True),
        ("tail.xz", ONE + TWO + b"trailing, not xz", False),
        ("legacy.xz", lzma.compress(b"a,b\n" * 100, format=lzma.FORMAT_ALONE), False),
    ):
        path = tmp_path / name
        path.write_bytes(blob)
        assert (readahead._liblzma_decoded(blob) is not None) == by_liblzma, name
        content = decompressed(path)
        assert isinstance(content, memoryview) == by_liblzma, name
        assert content == lzma.decompress(blob), name
    big = lzma.compress(b"x" * (3 << 20))  # more than 32 times its size: room doubles
    assert readahead._liblzma_decoded(big) == b"x" * (3 << 20)
    monkeypatch.setattr(readahead, "_MAX_RATIO", 1)  # room never enough: Python's lzma
    assert readahead._liblzma_decoded(big) is None
    assert decompressed(tmp_path / "one.xz") == lzma.decompress(ONE)
