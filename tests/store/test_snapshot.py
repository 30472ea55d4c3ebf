"""A reader of the store sees one whole generation of each source while a writer replaces it
(issue 16: a signal run reading the registry export while another run exports it again).

The writer writes a new generation aside and switches ``CURRENT`` by a rename; a reader
resolves each source's generation once for all its tables and holds it (a shared lease)
until it is done, so it never reads tables of two generations, nor files removed under it.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pyarrow as pa
import pytest

from dermavigil.ingest.housekeeping import collect
from dermavigil.settings import load_settings
from dermavigil.store.catalog import register_store
from dermavigil.store.engine import open_engine
from dermavigil.store.layout import SourceWriter, current_generation
from dermavigil.store.schema import REPORT_PRODUCTS, REPORT_REACTIONS, REPORTS
from dermavigil.store.snapshot import StoreSnapshot


def _rows(schema: pa.Schema, values: dict[str, list[object]], n: int) -> pa.Table:
    cols = {f.name: pa.nulls(n, f.type) for f in schema}
    for name, column in values.items():
        cols[name] = pa.array(column, schema.field(name).type)
    return pa.table(cols)


def write_generation(store_dir: Path, tag: int, n: int = 3) -> None:
    """A registry export whose every row names it: ``tag`` reports R<tag>-i, one
    product and one reaction each, all keyed by that tag."""
    ids = [f"R{tag}-{i}" for i in range(n)]
    with SourceWriter(store_dir, "registry") as writer:
        writer.write("reports", _rows(REPORTS, {"source": ["registry"] * n, "report_id": ids}, n))
        writer.write(
            "report_products",
            _rows(REPORT_PRODUCTS, {"source": ["registry"] * n, "report_id": ids,
                                    "product_key": [f"p{tag}"] * n, "role": ["suspect"] * n}, n),
        )  # fmt: skip
        writer.write(
            "report_reactions",
            _rows(REPORT_REACTIONS, {"source": ["registry"] * n, "report_id": ids,
                                     "term_key": [f"t{tag}"] * n}, n),
        )  # fmt: skip


_CONSISTENT = """
SELECT (SELECT COUNT(*) FROM reports) AS reports,
       (SELECT COUNT(*) FROM reports r JOIN report_products p USING (source, report_id))
           AS joined_products,
       (SELECT COUNT(*) FROM reports r JOIN report_reactions x USING (source, report_id))
           AS joined_reactions,
       (SELECT COUNT(DISTINCT product_key) FROM report_products) AS product_keys
"""


def _read(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return engine.sql(_CONSISTENT).to_pylist()[0]


def test_a_reader_keeps_reading_its_generation_while_a_writer_switches(tmp_path: Path) -> None:
    write_generation(tmp_path, 1)
    engine = open_engine("duckdb")
    try:
        register_store(engine, tmp_path)
        write_generation(tmp_path, 2, n=5)  # another run's export goes live meanwhile
        assert _read(engine) == {
            "reports": 3, "joined_products": 3, "joined_reactions": 3, "product_keys": 1,
        }  # fmt: skip
    finally:
        engine.close()
    fresh = open_engine("duckdb")
    try:
        register_store(fresh, tmp_path)
        assert _read(fresh)["reports"] == 5  # a new reader opens the new export
    finally:
        fresh.close()


def test_every_table_is_read_from_one_generation(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A switch between the registration of two tables does not mix generations."""
    write_generation(tmp_path, 1)
    engine = open_engine("duckdb")
    registered = []
    real = type(engine).register_parquet

    def register_then_switch(self, table, files, schema):  # type: ignore[no-untyped-def]
        real(self, table, files, schema)
        registered.append(table)
        if len(registered) == 1:
            write_generation(tmp_path, 2, n=5)

    monkeypatch.setattr(type(engine), "register_parquet", register_then_switch)
    try:
        register_store(engine, tmp_path)
        found = _read(engine)
    finally:
        engine.close()
    assert found == {"reports": 3, "joined_products": 3, "joined_reactions": 3, "product_keys": 1}


def test_readers_under_a_stream_of_exports_see_whole_generations(tmp_path: Path) -> None:
    """Exports switch as fast as they can while readers query: every read is one whole
    generation (every report joined to its product and reaction, one tag)."""
    write_generation(tmp_path, 1)
    stop = threading.Event()
    failures: list[BaseException] = []

    def export_again() -> None:
        tag = 2
        try:
            while not stop.is_set():
                write_generation(tmp_path, tag, n=2 + tag % 7)
                tag += 1
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    writer = threading.Thread(target=export_again)
    writer.start()
    reads = 0
    deadline = time.monotonic() + 3.0
    try:
        while time.monotonic() < deadline:
            engine = open_engine("duckdb")
            try:
                register_store(engine, tmp_path)
                first = _read(engine)
                time.sleep(0.01)
                again = _read(engine)
            finally:
                engine.close()
            assert first == again
            n = first["reports"]
            assert first == {
                "reports": n, "joined_products": n, "joined_reactions": n, "product_keys": 1,
            }  # fmt: skip
            reads += 1
    finally:
        stop.set()
        writer.join()
    assert not failures
    assert reads > 5


def test_a_generation_in_use_is_removed_once_its_readers_are_done(tmp_path: Path) -> None:
    write_generation(tmp_path, 1)
    first = current_generation(tmp_path, "registry")
    assert first is not None
    with StoreSnapshot(tmp_path) as snapshot:
        assert snapshot.generations == {"registry": first}
        write_generation(tmp_path, 2)
        settings = load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")})
        object.__setattr__(settings, "store_dir", tmp_path)
        collect(settings)  # store gc leaves a generation that is read
        assert first.is_dir()
        assert all(f.is_file() for f in snapshot.files("reports"))
    write_generation(tmp_path, 3)  # the next export removes it
    assert not first.is_dir()
    assert sorted(p.name for p in (tmp_path / "sources" / "registry").iterdir()) == [
        "CURRENT",
        "gen-000003",
    ]


def test_a_read_only_store_is_read_without_a_lease(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write_generation(tmp_path, 1)
    import dermavigil.store.snapshot as snap

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(snap, "_open_lease", refuse)
    with StoreSnapshot(tmp_path) as snapshot:
        assert [f.parent.name for f in snapshot.files("reports")] == ["reports"]


@pytest.mark.parametrize("only", [None, ["registry"]])
def test_snapshot_lists_the_live_sources(tmp_path: Path, only: list[str] | None) -> None:
    write_generation(tmp_path, 1)
    with StoreSnapshot(tmp_path, only) as snapshot:
        assert list(snapshot.generations) == ["registry"]
        assert len(snapshot.files("report_products")) == 1
