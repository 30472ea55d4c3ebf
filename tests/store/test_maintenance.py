"""``store check``: every live Parquet file read to the end, rows compared with the record."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from dermavigil.store.layout import ROWS_FILE, SourceWriter, current_generation
from dermavigil.store.maintenance import check, stale_generations
from dermavigil.store.schema import TABLES


def _write(store: Path, source: str, reports: int) -> Path:
    rows = {n: [None] * reports for n in TABLES["reports"].names}
    rows["source"] = [source] * reports
    rows["report_id"] = [str(i) for i in range(reports)]
    with SourceWriter(store, source) as w:
        w.write("reports", pa.table(rows))
    gen = current_generation(store, source)
    assert gen is not None
    return gen


def test_a_sound_store_passes(tmp_path: Path) -> None:
    _write(tmp_path, "vaers", 5)
    _write(tmp_path, "caers", 0)
    (result_caers, result_vaers) = check(tmp_path)
    assert result_vaers.ok and result_vaers.counts_from == ROWS_FILE
    assert result_vaers.rows == {"reports": 5, "report_products": 0, "report_reactions": 0}
    assert result_caers.ok and result_caers.generation == "gen-000001"


def test_damaged_file_and_wrong_count_are_found(tmp_path: Path) -> None:
    gen = _write(tmp_path, "vaers", 500)
    part = gen / "reports" / "part-00000.parquet"
    raw = bytearray(part.read_bytes())
    raw[len(raw) - 40 : len(raw) - 30] = b"\xff" * 10  # inside the footer
    part.write_bytes(bytes(raw))
    (result,) = check(tmp_path)
    assert not result.ok
    assert any(p.startswith(f"{part}: unreadable (") for p in result.problems)
    assert "reports: 0 rows, but 500 were written (rows.json)" in result.problems


def test_counts_of_an_older_generation_come_from_its_manifest(tmp_path: Path) -> None:
    gen = _write(tmp_path, "faers", 3)
    (gen / ROWS_FILE).unlink()
    counts = {"reports_kept": 4, "product_rows": 0, "reaction_rows": 0}
    (gen / "manifest.json").write_text(json.dumps({"inputs": {}, "counts": counts}))
    (result,) = check(tmp_path)
    assert result.counts_from == "manifest.json"
    assert result.problems == ["reports: 3 rows, but 4 were written (manifest.json)"]


def test_missing_generation_and_leftovers(tmp_path: Path) -> None:
    gen = _write(tmp_path, "vaers", 1)
    root = gen.parent
    (root / "gen-000007").mkdir()
    (root / "CURRENT.tmp").write_text("gen-000007")
    assert stale_generations(tmp_path, "vaers") == [root / "CURRENT.tmp", root / "gen-000007"]
    (root / "CURRENT").write_text("gen-000042")
    (result,) = check(tmp_path)
    assert result.problems == ["CURRENT names gen-000042, which does not exist"]
    (root / "CURRENT").unlink()
    assert stale_generations(tmp_path, "vaers") == [root]
    assert check(tmp_path)[0].problems[0].startswith("no live generation")
