"""Across sources: a registry case that is also a FAERS report is found in the analytic
store (FAERS 2025Q4 sample + the registry export), with no other cross-source pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.duplicates.store_features import store_duplicates, store_feature_table
from dermavigil.ingest.registry_export import export_registry
from dermavigil.ingest.runner import run_import
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import load_settings

from .faers_cases import as_case, faers_documents


@pytest.mark.slow
def test_a_registry_copy_of_a_faers_report_is_found_across_sources(
    tmp_path: Path, shared_data: Path
) -> None:
    settings = load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")})
    settings.ensure_dirs()
    folder = shared_data / "faers_2025q4_sample"
    run_import(settings, "faers", [folder])
    documents = faers_documents(folder)
    # a case with an event date, an age and several reactions, re-entered in the registry
    caseid, document = next(
        (cid, doc) for cid, doc in sorted(documents.items())
        if doc["report"]["event_date"] and doc["patient"]["age"] and len(doc["reactions"]) >= 3
    )  # fmt: skip
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        copy = as_case({**document, "report": {**document["report"], "source": "clinician"}}, "x")
        stored = CaseService(session).create(copy.model_copy(update={"case_id": None}), by="a")
    registry.close()
    export_registry(settings)

    table = store_feature_table(settings.store_dir)
    assert table.num_rows > 900 and set(table["source"].to_pylist()) == {"faers", "registry"}
    pairs = store_duplicates(settings.store_dir, threshold=0.5, across_only=True).to_pylist()
    assert len(pairs) == 1, pairs
    (pair,) = pairs
    assert {pair["source_l"], pair["source_r"]} == {"faers", "registry"}
    assert f"registry:{stored.case_id}" in (pair["unique_id_l"], pair["unique_id_r"])
    faers_id = next(u for u in (pair["unique_id_l"], pair["unique_id_r"]) if u.startswith("faers"))
    assert faers_id.startswith("faers:") and caseid in faers_id
    assert pair["match_probability"] >= 0.9
