"""Feature records: what each case fact becomes, and that missing facts stay missing."""

from __future__ import annotations

from datetime import date

from dermavigil.domain.case import Case
from dermavigil.duplicates.features import FEATURE_SCHEMA, case_features, content_words, lot_key


def test_record_has_exactly_the_schema_columns(literature_case: Case) -> None:
    assert list(case_features(literature_case, "x")) == FEATURE_SCHEMA.names


def test_seed_case_features(literature_case: Case) -> None:
    row = case_features(literature_case, "LIT")
    assert row["sex"] == "male"
    assert row["age_years"] is None
    assert (row["age_low"], row["age_high"]) == (45.0, 65.0)
    assert row["country"] == "TH"
    assert row["suspect_products"] == ["lyophilized exosomes"]
    assert row["product_words"] == ["exosome", "lyophilized"]
    assert row["product_categories"] == ["exosome"]
    assert row["suspect_routes"] == ["intradermal"]
    assert "skin necrosis" in row["reaction_terms"]
    assert row["onset_latency_days"] == 3.0
    assert row["body_sites"] == ["arm", "face"]
    assert row["treatments"] == ["prednisolone"]
    assert row["publication_ids"] == ["doi:10.1111/jocd.16206"]
    assert row["publication_id"] == "doi:10.1111/jocd.16206"
    assert row["event_low"] is None and row["event_date"] is None
    assert row["source"] == "literature"


def test_exact_age_partial_date_and_codes(clinician_case: Case) -> None:
    data = clinician_case.model_dump()
    data["report"]["event_date"] = "2023-05"
    row = case_features(Case.model_validate(data), "c")
    assert row["age_years"] == 52 and (row["age_low"], row["age_high"]) == (51.5, 52.5)
    assert (row["event_low"], row["event_high"]) == (date(2023, 5, 1), date(2023, 5, 31))
    assert row["event_date"] == "2023-05"
    assert row["source"] == "clinician (physician)"
    assert row["body_sites"] == ["cheek", "face"]
    assert row["treatments"] == ["prednisolone"]
    assert row["publication_ids"] is None and row["publication_id"] is None


def test_terminology_codes_join_the_reaction_terms(clinician_case: Case) -> None:
    data = clinician_case.model_dump()
    data["reactions"][0]["codes"] = [
        {"system": "HPO 2025-01-16", "code": "HP:0025473", "label": "Skin necrosis"}
    ]
    row = case_features(Case.model_validate(data), "c")
    assert "HPO:HP:0025473" in row["reaction_terms"]


def test_content_words_fold_plurals_and_drop_stop_words() -> None:
    assert content_words(["Lyophilized EXOSOMES product", "exosome"]) == ["exosome", "lyophilized"]
    assert content_words(["injection site pain, left arm"]) == ["arm", "injection", "pain"]
    for plural, singular in [("papules", "papule"), ("bodies", "body"), ("Nodules", "nodule")]:
        assert content_words([plural]) == content_words([singular])
    assert content_words(["Abscess", "virus", "sepsis"]) == ["abscess", "sepsis", "virus"]


def test_lot_keys_meet_across_spellings_and_unknown_lots_are_none() -> None:
    assert lot_key(" w-0704 ") == lot_key("W0704") == "W0704"
    assert lot_key("037K20A") == "037K20A"
    for unknown in ("UNKNOWN", "unk", "Not available", "N/A", "none", "0", "", None):
        assert lot_key(unknown) is None, unknown


def test_lot_key_in_sql_is_the_python_lot_key() -> None:
    import duckdb

    from dermavigil.duplicates.store_features import _LOT_KEY

    values = [" w-0704 ", "037K20A", "UNKNOWN", "unk", "Not available", "N/A", "0", "ab", "Ü12x"]
    con = duckdb.connect()
    (got,) = con.execute(
        f"SELECT list_transform(?::VARCHAR[], lambda lot: {_LOT_KEY})", [values]
    ).fetchone()
    assert got == [lot_key(v) for v in values]


def test_suspect_lots_become_lot_keys_and_a_case_has_no_region(clinician_case: Case) -> None:
    data = clinician_case.model_dump()
    for product in data["products"]:
        product["lot"] = "lot ab-123"
    row = case_features(Case.model_validate(data), "c")
    assert row["lots"] == ["LOTAB123"]
    assert row["region"] is None
    assert case_features(clinician_case, "c")["lots"] is None


def test_outcome_is_fatal_not_fatal_or_unknown(clinician_case: Case) -> None:
    data = clinician_case.model_dump()
    assert case_features(clinician_case, "c")["outcome"] is None  # no outcome given
    data["reactions"][0]["outcome"] = "recovering"
    assert case_features(Case.model_validate(data), "c")["outcome"] == "not fatal"
    data["reactions"][1]["outcome"] = "fatal"
    assert case_features(Case.model_validate(data), "c")["outcome"] == "fatal"
    data["reactions"][1]["outcome"] = "unknown"
    data["reactions"][2]["seriousness"] = ["death"]
    assert case_features(Case.model_validate(data), "c")["outcome"] == "fatal"
