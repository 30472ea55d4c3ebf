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


def test_a_partial_event_date_is_its_period_not_its_first_day() -> None:
    """FAERS event_dt "2012" is stored as 2012-01-01 with event_date_last 2012-12-31: two
    reports of that year are "compatible partial dates", not the "same day" (+8 bits)."""
    import duckdb

    from dermavigil.duplicates.detect import score_table, with_rare_terms
    from dermavigil.duplicates.model import level_labels
    from dermavigil.duplicates.store_features import features_of, with_optional_columns

    con = duckdb.connect()
    con.sql(
        "CREATE TABLE reports AS SELECT 'faers' AS source, id AS report_id, 'F' AS sex, "
        "40.0 AS age_years, 'IL' AS country, DATE '2012-01-01' AS received_date, "
        "CAST(NULL AS VARCHAR) AS literature, d AS event_date, last AS event_date_last FROM "
        "(VALUES ('1', DATE '2012-01-01', DATE '2012-12-31'), "
        "('2', DATE '2012-01-01', DATE '2012-12-31'), ('3', DATE '2012-06-05', NULL), "
        "('4', DATE '2012-01-01', NULL)) t(id, d, last)"
    )
    con.sql(
        "CREATE TABLE products AS SELECT 'faers' AS source, id AS report_id, 1 AS seq, "
        "'suspect' AS role, 'teriparatide' AS product_key, CAST(NULL AS VARCHAR) AS category, "
        "'subcutaneous' AS route FROM (VALUES ('1'), ('2'), ('3'), ('4')) t(id)"
    )
    con.sql(
        "CREATE TABLE reactions AS SELECT 'faers' AS source, id AS report_id, term AS term_key, "
        "CAST(NULL AS DOUBLE) AS onset_days FROM (VALUES ('1'), ('2'), ('3'), ('4')) t(id), "
        "(VALUES ('osteosarcoma'), ('bone pain')) r(term)"
    )
    table = with_rare_terms(
        features_of(
            con,
            with_optional_columns(con, "reports", "reports"),
            with_optional_columns(con, "report_products", "products"),
            "reactions",
        )
    )
    shown = dict(zip(table["unique_id"].to_pylist(), table["event_date"].to_pylist(), strict=True))
    assert shown == {
        "faers:1": "2012", "faers:2": "2012", "faers:3": "2012-06-05", "faers:4": "2012-01-01"
    }  # fmt: skip
    scored, _ = score_table(table, 0.0)
    labels = level_labels()["event_date"]
    level = {
        (row["unique_id_l"], row["unique_id_r"]): labels[row["gamma_event_date"]]
        for row in scored.to_pylist()
    }
    assert level[("faers:1", "faers:2")] == "compatible partial dates"
    assert level[("faers:1", "faers:3")] == "compatible partial dates"
    assert level[("faers:1", "faers:4")] == "compatible partial dates"
    assert level[("faers:3", "faers:4")] == "no agreement"  # two exact days 156 days apart


def test_an_age_in_decades_or_an_age_group_is_a_span() -> None:
    """FAERS ``age_cod`` DEC: "7 DEC" is stored as 70 years but stands for 70-79, so a
    follow-up's 78 years is in its decade (as a point, 70 against 78 would be "ages far
    apart"); a report with only ``age_grp`` "E" is elderly (65+): compatible with 78,
    against 30 (as no age at all it told nothing either way)."""
    import duckdb

    from dermavigil.duplicates.detect import score_table, with_rare_terms
    from dermavigil.duplicates.model import AGE_FAR, level_labels
    from dermavigil.duplicates.store_features import features_of, with_optional_columns

    con = duckdb.connect()
    con.sql(
        "CREATE TABLE reports AS SELECT 'faers' AS source, id AS report_id, 'F' AS sex, "
        "age AS age_years, unit AS age_unit, grp AS age_group, 'IL' AS country, "
        "DATE '2015-01-01' AS received_date, CAST(NULL AS VARCHAR) AS literature, "
        "DATE '2014-12-26' AS event_date FROM (VALUES "
        "('decade', 70.0, 'decade', 'elderly'), ('exact', 78.0, 'year', NULL), "
        "('group', NULL, NULL, 'elderly'), ('young', 30.0, 'year', 'adult')) t(id, age, unit, grp)"
    )
    con.sql(
        "CREATE TABLE products AS SELECT 'faers' AS source, id AS report_id, 1 AS seq, "
        "'suspect' AS role, 'teriparatide' AS product_key, CAST(NULL AS VARCHAR) AS category, "
        "'subcutaneous' AS route FROM (VALUES ('decade'), ('exact'), ('group'), ('young')) t(id)"
    )
    con.sql(
        "CREATE TABLE reactions AS SELECT 'faers' AS source, id AS report_id, term AS term_key, "
        "CAST(NULL AS DOUBLE) AS onset_days FROM "
        "(VALUES ('decade'), ('exact'), ('group'), ('young')) t(id), "
        "(VALUES ('osteosarcoma'), ('bone pain')) r(term)"
    )
    table = with_rare_terms(
        features_of(
            con,
            with_optional_columns(con, "reports", "reports"),
            with_optional_columns(con, "report_products", "products"),
            "reactions",
        )
    )
    rows = {row["unique_id"]: row for row in table.to_pylist()}
    assert rows["faers:decade"]["age"] == "70-79 years (decade)"
    assert rows["faers:decade"]["age_years"] is None
    assert (rows["faers:decade"]["age_low"], rows["faers:decade"]["age_high"]) == (70, 80)
    assert rows["faers:group"]["age"] == "elderly (65-120 years)"
    assert (rows["faers:group"]["age_low"], rows["faers:group"]["age_high"]) == (65, 120)
    assert rows["faers:exact"]["age_years"] == 78 and rows["faers:young"]["age_years"] == 30
    scored, _ = score_table(table, 0.0)
    labels, spans = level_labels()["age"], level_labels()["age_span"]
    # two exact ages are compared by "age", a span on one side by "age_span"
    level = {
        frozenset((row["unique_id_l"][6:], row["unique_id_r"][6:])): (
            spans[row["gamma_age_span"]] if row["gamma_age_span"] >= 0 else labels[row["gamma_age"]]
        )
        for row in scored.to_pylist()
    }
    compatible = "age and age group compatible"
    # within the decade itself: "same decade" (issue 16, twelfth session)
    assert level[frozenset(("decade", "exact"))] == "same decade" != AGE_FAR
    assert level[frozenset(("group", "exact"))] == compatible
    assert level[frozenset(("decade", "group"))] == compatible
    assert level[frozenset(("group", "young"))] == "no agreement"
    assert level[frozenset(("decade", "young"))] == "no agreement"
    assert level[frozenset(("exact", "young"))] == AGE_FAR
