"""The disk cache of derived tables: directory, key of the sources, read back, stale files."""

import os

from dermavigil.terminology import disk_cache


def test_cache_dir_follows_the_environment(tmp_path):
    assert disk_cache.cache_dir({"DERMAVIGIL_CACHE_DIR": str(tmp_path)}) == tmp_path
    assert disk_cache.cache_dir({"DERMAVIGIL_HOME": str(tmp_path)}) == tmp_path / "cache"
    assert disk_cache.cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "dermavigil"


def test_the_key_changes_with_a_data_file_and_with_the_code(tmp_path):
    data, code = tmp_path / "table.tsv", tmp_path / "builder.py"
    data.write_text("a\tb\n")
    code.write_text("X = 1\n")
    key = disk_cache.source_key(1, [data], [code])
    assert disk_cache.source_key(1, [data], [code]) == key
    assert disk_cache.source_key(2, [data], [code]) != key
    data.write_text("a\tb\nc\td\n")
    changed_data = disk_cache.source_key(1, [data], [code])
    assert changed_data != key
    stat = data.stat()
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert disk_cache.source_key(1, [data], [code]) != changed_data
    code.write_text("X = 2\n")
    assert disk_cache.source_key(1, [data], [code]) != changed_data


def test_a_table_is_read_back_under_its_key_only(tmp_path):
    path = tmp_path / "t-1.marshal"
    (tmp_path / "t-0.marshal").write_bytes(b"an older format")
    disk_cache.write(path, "k", {"word": ("a", "b")}, "t-*.marshal")
    assert disk_cache.read(path, "k") == {"word": ("a", "b")}
    assert disk_cache.read(path, "other") is None
    assert [p.name for p in tmp_path.iterdir()] == ["t-1.marshal"]
    path.write_bytes(b"not marshal data")
    assert disk_cache.read(path, "k") is None
    assert disk_cache.read(tmp_path / "missing.marshal", "k") is None
