"""The CSV batch size of the long-format reader follows the file's size on disk."""

from pathlib import Path

from dermavigil.store import longformat


def test_small_file_small_batches_large_file_large_batches(tmp_path: Path, monkeypatch) -> None:
    small = tmp_path / "small.csv"
    small.write_text("report,product,reaction\n1,a,x\n")
    assert longformat.block_bytes(small) == longformat.BLOCK_BYTES
    monkeypatch.setattr(longformat, "LARGE_FILE_BYTES", 10)
    assert longformat.block_bytes(small) == longformat.LARGE_BLOCK_BYTES
    assert longformat.LARGE_BLOCK_BYTES > longformat.BLOCK_BYTES


def test_large_batches_read_the_same_codes(tmp_path: Path, monkeypatch) -> None:
    rows = "".join(f"r{i % 997},p{i % 13},x{i % 7}\n" for i in range(20_000))
    path = tmp_path / "long.csv"
    path.write_text("report,product,reaction\n" + rows)
    columns = longformat.ColumnSpec(report="report", product="product", reaction="reaction")
    small = longformat.load_long_encoded(path, columns)
    monkeypatch.setattr(longformat, "LARGE_FILE_BYTES", 0)
    monkeypatch.setattr(longformat, "LARGE_BLOCK_BYTES", 1 << 16)
    large = longformat.load_long_encoded(path, columns)
    assert small.n_reports == large.n_reports
    assert small.products.equals(large.products) and small.reactions.equals(large.reactions)
    assert (small.product == large.product).all() and (small.reaction == large.reaction).all()
