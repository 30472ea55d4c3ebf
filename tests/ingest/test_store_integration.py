"""Imported sources are read by the store's engine as one set of tables."""

from __future__ import annotations

from pathlib import Path

from dermavigil.ingest.normalize import product_key
from dermavigil.ingest.runner import run_import
from dermavigil.settings import Settings
from dermavigil.store.catalog import register_store
from dermavigil.store.engine import open_engine


def test_engine_sees_every_imported_source(
    settings: Settings, shared_data: Path, fixtures: Path
) -> None:
    run_import(settings, "faers", [shared_data / "faers_2025q4_sample"])
    run_import(settings, "vaers", [fixtures / "vaers_quirks"])
    run_import(settings, "openfda", [fixtures / "openfda_page.json"])
    with open_engine("duckdb") as engine:
        used = register_store(engine, settings.store_dir)
        counts = engine.sql(
            "SELECT r.source, count(DISTINCT r.report_id) AS reports, "
            "count(DISTINCT r.report_id || '|' || p.product_key) AS pairs "
            "FROM reports r JOIN report_products p USING (source, report_id) "
            "GROUP BY r.source ORDER BY r.source"
        ).to_pylist()
    assert used == ["faers", "openfda", "vaers"]
    assert counts == [
        {"source": "faers", "reports": 1000, "pairs": counts[0]["pairs"]},
        {"source": "openfda", "reports": 2, "pairs": 3},
        {"source": "vaers", "reports": 3, "pairs": 4},
    ]
    lines = (shared_data / "faers_2025q4_sample" / "DRUG25Q4.txt").read_text().splitlines()
    header = lines[0].split("$")
    rows = [dict(zip(header, line.split("$"), strict=True)) for line in lines[1:]]
    pairs = {(r["primaryid"], product_key(r["drugname"], r["prod_ai"])) for r in rows}
    assert counts[0]["pairs"] == len(pairs)
