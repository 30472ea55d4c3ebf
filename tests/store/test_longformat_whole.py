"""``load_long_encoded(..., whole=True)`` (a signal run's small file, read whole and parsed in
one call on a thread of its own) gives the codes and the refusals of a streamed read."""

from __future__ import annotations

import gzip
import lzma
from pathlib import Path

import pytest

from dermavigil.errors import InputError
from dermavigil.store.longformat import ColumnSpec, EncodedLong, load_long, load_long_encoded
from dermavigil.store.readahead import read_ahead

ROWS = "".join(f"{i % 997},p{i % 13},x{i % 7}\n" for i in range(20_000))


def _same(a: EncodedLong, b: EncodedLong) -> None:
    assert a.n_reports == b.n_reports
    assert a.products.equals(b.products) and a.reactions.equals(b.reactions)
    assert (a.report == b.report).all()
    assert (a.product == b.product).all() and (a.reaction == b.reaction).all()


def _write(path: Path, text: str) -> Path:
    data = text.encode()
    if path.suffix == ".xz":
        data = lzma.compress(data)
    elif path.suffix == ".gz":
        data = gzip.compress(data)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", ["a.csv", "a.csv.xz", "a.csv.gz", "a.tsv"])
def test_a_file_read_whole_gives_the_codes_of_a_streamed_read(tmp_path: Path, name: str) -> None:
    delimiter = "\t" if name.endswith(".tsv") else ","
    text = ("id,var1,var2\n" + ROWS).replace(",", delimiter)
    path = _write(tmp_path / name, text)
    _same(load_long_encoded(path, ColumnSpec(), whole=True), load_long_encoded(path, ColumnSpec()))


def test_a_whole_read_refuses_what_a_streamed_one_refuses(tmp_path: Path) -> None:
    bad = _write(tmp_path / "a.csv.xz", "id,var1,var2\n1,A,X\n2, ,Y\n3,B,\n")
    with pytest.raises(InputError) as err:
        load_long_encoded(bad, ColumnSpec(), whole=True)
    assert "a.csv.xz:3: product is empty" in str(err.value)
    assert "a.csv.xz:4: reaction is empty" in str(err.value)
    with pytest.raises(InputError, match="no column 'id2'"):
        load_long_encoded(bad, ColumnSpec(report="id2"), whole=True)
    header = _write(tmp_path / "h.csv.xz", "id,var1,var2\n")
    with pytest.raises(InputError, match="no rows"):
        load_long_encoded(header, ColumnSpec(), whole=True)
    cut = tmp_path / "cut.csv.xz"
    cut.write_bytes(lzma.compress(("id,var1,var2\n" + ROWS).encode())[:-40])
    with pytest.raises(InputError, match="cannot read"):
        load_long_encoded(cut, ColumnSpec(), whole=True)
    with pytest.raises(InputError, match="does not exist"):
        load_long_encoded(tmp_path / "none.csv", ColumnSpec(), whole=True)


def test_concatenated_xz_streams_and_trailing_data_read_as_lzma_open_reads_them(
    tmp_path: Path,
) -> None:
    first, second = ROWS[: len(ROWS) // 2], ROWS[len(ROWS) // 2 :]
    blob = lzma.compress(f"id,var1,var2\n{first}".encode()) + lzma.compress(second.encode())
    path = tmp_path / "two.csv.xz"
    path.write_bytes(blob + b"trailing, not xz")
    plain = _write(tmp_path / "one.csv", "id,var1,var2\n" + ROWS)
    _same(
        load_long_encoded(path, ColumnSpec(), whole=True),
        load_long_encoded(plain, ColumnSpec()),
    )


def test_a_file_read_ahead_gives_the_same_codes_and_table(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.csv.xz", "id,var1,var2\n" + ROWS)
    streamed = load_long_encoded(path, ColumnSpec())
    _same(load_long_encoded(path, ColumnSpec(), ahead=read_ahead(path)), streamed)
    _same(load_long_encoded(path, ColumnSpec(), ahead=read_ahead(path)), streamed)
    assert load_long(path, ColumnSpec(), read_ahead(path)).equals(load_long(path, ColumnSpec()))
