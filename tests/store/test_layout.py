"""The store's per-source writer goes live atomically or not at all."""

from __future__ import annotations

import pyarrow as pa
import pytest

from dermavigil.errors import InputError
from dermavigil.store.layout import SourceWriter, read_table, sources


def _reports(ids: list[str]) -> pa.Table:
    return pa.table({"source": ["t"] * len(ids), "report_id": ids}).append_column(
        "case_id", pa.array([None] * len(ids), pa.string())
    )


def _full(ids: list[str]) -> pa.Table:
    from dermavigil.store.schema import REPORTS

    cols = {n: pa.nulls(len(ids), REPORTS.field(n).type) for n in REPORTS.names}
    cols["source"] = pa.array(["t"] * len(ids))
    cols["report_id"] = pa.array(ids)
    return pa.table(cols)


def test_write_then_replace(tmp_path):
    with SourceWriter(tmp_path, "t") as w:
        w.write("reports", _full(["1", "2"]))
    assert sources(tmp_path) == ["t"]
    assert read_table(tmp_path, "reports").num_rows == 2
    assert read_table(tmp_path, "report_reactions").num_rows == 0
    with SourceWriter(tmp_path, "t") as w:
        w.write("reports", _full(["3"]))
    assert read_table(tmp_path, "reports").column("report_id").to_pylist() == ["3"]
    assert len(list((tmp_path / "sources" / "t").glob("gen-*"))) == 1


def test_failed_write_keeps_previous_generation(tmp_path):
    with SourceWriter(tmp_path, "t") as w:
        w.write("reports", _full(["1"]))
    with pytest.raises(RuntimeError), SourceWriter(tmp_path, "t") as w:
        w.write("reports", _full(["9", "10"]))
        raise RuntimeError("boom")
    assert read_table(tmp_path, "reports").column("report_id").to_pylist() == ["1"]


def test_missing_column_is_refused(tmp_path):
    with pytest.raises(InputError, match="missing columns"), SourceWriter(tmp_path, "t") as w:
        w.write("reports", _reports(["1"]).select(["source"]))
    assert sources(tmp_path) == []


def test_bad_source_name(tmp_path):
    with pytest.raises(InputError, match="invalid source name"):
        SourceWriter(tmp_path, "../etc")
