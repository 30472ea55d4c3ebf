"""Long-format loading: the --columns spec, CSV/TSV/xz/Parquet, errors that name the place."""

from __future__ import annotations

import lzma
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dermavigil.errors import InputError
from dermavigil.store.engine import open_engine
from dermavigil.store.longformat import ColumnSpec, load_long, parse_columns, register_long

CSV = "case,drug,event,sex\n1,A,X,F\n1,A,Y,F\n2,B,X,M\n"


def test_parse_columns() -> None:
    assert parse_columns(None) == ColumnSpec()
    spec = parse_columns("report=case, product=drug,reaction=event,stratum=sex,stratum=yr")
    assert spec == ColumnSpec("case", "drug", "event", ("sex", "yr"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("report", "not role=column"),
        ("colour=x", "unknown role"),
        ("report=a,report=b", "twice"),
        ("stratum=bad-name", "identifier"),
    ],
)
def test_parse_columns_errors(text: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_columns(text)
    assert message in str(err.value)


def test_csv_tsv_xz_and_parquet_load_alike(tmp_path: Path) -> None:
    spec = parse_columns("report=case,product=drug,reaction=event,stratum=sex")
    (tmp_path / "a.csv").write_text(CSV)
    (tmp_path / "a.tsv").write_text(CSV.replace(",", "\t"))
    with lzma.open(tmp_path / "a.csv.xz", "wt") as fh:
        fh.write(CSV)
    pq.write_table(load_long(tmp_path / "a.csv", spec), tmp_path / "raw.parquet")
    tables = [load_long(tmp_path / n, spec) for n in ("a.csv", "a.tsv", "a.csv.xz")]
    parquet_spec = parse_columns("report=report_id,product=product,reaction=reaction,stratum=sex")
    tables.append(load_long(tmp_path / "raw.parquet", parquet_spec))
    for table in tables:
        assert table.column_names == ["report_id", "product", "reaction", "sex"]
        assert table["report_id"].to_pylist() == ["1", "1", "2"]
        assert table["sex"].to_pylist() == ["F", "F", "M"]


def test_missing_columns_are_named(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(CSV)
    with pytest.raises(InputError) as err:
        load_long(tmp_path / "a.csv", ColumnSpec())
    assert "no column 'id'" in str(err.value) and "case, drug, event, sex" in str(err.value)


def test_empty_cells_are_reported_by_line(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("id,var1,var2\n1,A,X\n2,,Y\n3,B,\n")
    with pytest.raises(InputError) as err:
        load_long(tmp_path / "a.csv", ColumnSpec())
    text = str(err.value)
    assert "a.csv:3: product is empty" in text and "a.csv:4: reaction is empty" in text


def test_unreadable_inputs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_long(tmp_path / "none.csv", ColumnSpec())
    (tmp_path / "a.xlsx").write_text("x")
    with pytest.raises(InputError, match="expected a .csv"):
        load_long(tmp_path / "a.xlsx", ColumnSpec())
    (tmp_path / "h.csv").write_text("id,var1,var2\n")
    with pytest.raises(InputError, match="no rows"):
        load_long(tmp_path / "h.csv", ColumnSpec())


def test_register_returns_strata(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(CSV)
    table = load_long(
        tmp_path / "a.csv", parse_columns("report=case,product=drug,reaction=event,stratum=sex")
    )
    with open_engine("duckdb") as engine:
        assert register_long(engine, table) == ("sex",)
        assert engine.sql("SELECT COUNT(*) AS n FROM long_items")["n"].to_pylist() == [3]
    assert isinstance(table, pa.Table)
