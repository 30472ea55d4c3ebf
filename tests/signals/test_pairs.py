"""The in-memory counter of long files (``signals.pairs``) gives the engine's counts exactly:
same pairs, same cells, same signal table, on CAERS, on FAERS 2022Q3 and on tricky files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from dermavigil.errors import InputError
from dermavigil.signals import pairs
from dermavigil.signals.counts import counts_sql, long_sources
from dermavigil.signals.detect import SignalRequest, analyse, detect, detect_file
from dermavigil.signals.pairs import count_long
from dermavigil.store.engine import open_engine
from dermavigil.store.longformat import (
    LONG_TABLE,
    ColumnSpec,
    load_long,
    load_long_encoded,
    parse_columns,
    register_long,
)

CELLS = ("n", "b", "c", "d", "n_drug", "n_event", "n_total")


def _by_pair(table: pa.Table, columns: tuple[str, ...]) -> dict[tuple[str, str], tuple]:
    keys = zip(table["product"].to_pylist(), table["reaction"].to_pylist(), strict=True)
    values = zip(*(table[c].to_pylist() for c in columns), strict=True)
    return dict(zip(keys, values, strict=True))


def _engine_counts(path: Path, spec: ColumnSpec, min_count: int = 1) -> pa.Table:
    with open_engine("duckdb") as engine:
        available = register_long(engine, load_long(path, spec))
        sources = long_sources(("product", "reaction"), (), LONG_TABLE, available)
        return engine.sql(counts_sql(sources, min_count))


def _assert_same_counts(path: Path, spec: ColumnSpec, min_count: int = 1) -> pa.Table:
    mine = count_long(load_long_encoded(path, spec), min_count)
    engine = _engine_counts(path, spec, min_count)
    assert mine.num_rows == engine.num_rows
    assert _by_pair(mine, CELLS) == _by_pair(engine, CELLS)
    pairs = list(zip(mine["product"].to_pylist(), mine["reaction"].to_pylist(), strict=True))
    assert pairs == sorted(pairs)
    return mine


TRICKY = (
    "id,var1,var2\n"
    "1,A,X\n"
    "1,B,Y\n"  # report 1 names A and B, X and Y: all four pairs count once
    "1,A,X\n"  # a repeated row counts once
    "2, A ,X\n"  # trimmed: the same product A
    "2,C,Z\n"
    " 3 ,A,Z\n"  # report ids are trimmed text too
    "3,A,Y\n"
    "4,B,X\n"
)


def test_tricky_file_counts_like_the_engine(tmp_path: Path) -> None:
    path = tmp_path / "tricky.csv"
    path.write_text(TRICKY)
    counts = _assert_same_counts(path, ColumnSpec())
    got = _by_pair(counts, ("n", "b", "c", "d"))
    assert got[("A", "X")] == (2, 1, 1, 0)  # reports 1, 2 (A and X); 3 (A not X); 4 (X not A)
    assert got[("C", "X")] == (1, 0, 2, 1)  # report 2 names C and X on different rows
    _assert_same_counts(path, ColumnSpec(), min_count=2)


def test_caers_counts_and_signal_table_match_the_engine(caers_csv: Path) -> None:
    spec = ColumnSpec()
    _assert_same_counts(caers_csv, spec)
    request = SignalRequest()
    fast = detect_file(caers_csv, spec, request)
    with open_engine("duckdb") as engine:
        available = register_long(engine, load_long(caers_csv, spec))
        slow = detect(engine, long_sources(request.by, (), LONG_TABLE, available), request)
    columns = tuple(c for c in slow.table.column_names if c not in ("product", "reaction"))
    assert fast.table.column_names == slow.table.column_names
    a, b = _by_pair(fast.table, columns), _by_pair(slow.table, columns)
    assert a.keys() == b.keys()
    for key, row in a.items():
        np.testing.assert_allclose(np.array(row, float), np.array(b[key], float), rtol=1e-12)
    assert fast.prior.theta == pytest.approx(slow.prior.theta, rel=1e-12)


@pytest.mark.slow
def test_faers_quarter_counts_match_the_engine(shared_data: Path) -> None:
    path = shared_data / "faers_2022q3_ps_drug_pt_pairs" / "faers22q3raw.csv.xz"
    counts = _assert_same_counts(path, parse_columns("report=CASEID,product=DRUG,reaction=AE"))
    assert counts.num_rows == 111_118 and counts["n_total"][0].as_py() == 215_867


def test_empty_keys_are_refused_by_line_as_before(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,var1,var2\n1,A,X\n2, ,Y\n3,B,\n")
    with pytest.raises(InputError) as err:
        load_long_encoded(path, ColumnSpec())
    text = str(err.value)
    assert "a.csv:3: product is empty" in text and "a.csv:4: reaction is empty" in text
    (tmp_path / "h.csv").write_text("id,var1,var2\n")
    with pytest.raises(InputError, match="no rows"):
        load_long_encoded(tmp_path / "h.csv", ColumnSpec())
    with pytest.raises(InputError, match="no column 'id2'"):
        load_long_encoded(path, ColumnSpec(report="id2"))


def test_nothing_reaching_min_count_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "tricky.csv"
    path.write_text(TRICKY)
    counts = count_long(load_long_encoded(path, ColumnSpec()), min_count=50)
    assert counts.num_rows == 0
    with pytest.raises(InputError, match="nothing to analyse"):
        analyse(counts, ["product", "reaction"], SignalRequest(min_count=50))


@pytest.mark.parametrize("chunk", [1, 97, 1 << 22])
@pytest.mark.parametrize("dense", [True, False])
def test_chunked_and_sparse_counts_are_the_same(
    caers_csv: Path, chunk: int, dense: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = load_long_encoded(caers_csv, ColumnSpec())
    whole = count_long(data)
    if not dense:
        monkeypatch.setattr(pairs, "_BINCOUNT_LIMIT", 0)
    assert count_long(data, chunk=chunk).equals(whole)
    assert count_long(data, min_count=3, chunk=chunk).equals(whole.filter(pc.field("n") >= 3))


def test_a_file_run_imports_neither_pandas_nor_scipy_before_it_counts(caers_csv: Path) -> None:
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from dermavigil.signals.pairs import count_long\n"
        "from dermavigil.store.longformat import ColumnSpec, load_long_encoded\n"
        f"count_long(load_long_encoded(Path({str(caers_csv)!r}), ColumnSpec()))\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'scipy'}))\n"
        "from dermavigil.signals.detect import SignalRequest, detect_file\n"
        f"detect_file(Path({str(caers_csv)!r}), ColumnSpec(), SignalRequest())\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "False"]
