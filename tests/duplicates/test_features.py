"""Feature records: what each case fact becomes, and that missing facts stay missing."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from dermavigil.domain.case import Case
from dermavigil.duplicates.features import (
    FEATURE_SCHEMA,
    case_features,
    citation_keys,
    content_words,
    lot_key,
    narrative_words,
    number_scheme,
    report_number_key,
)


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


def test_an_age_in_decades_is_its_ten_years(clinician_case: Case) -> None:
    """E2B(R3) D.2.2b unit 800: "7 decades" is a patient in the seventies, no exact age
    of 70 (which a follow-up's 78 years would contradict by 8 years)."""
    data = clinician_case.model_dump()
    data["patient"]["age"] = {"value": 7, "unit": "decade"}
    row = case_features(Case.model_validate(data), "c")
    assert row["age_years"] is None and row["birth_year"] is None
    assert (row["age_low"], row["age_high"]) == (70.0, 80.0)
    assert row["age"] == "70-79 years (decade)"


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


NARRATIVES = [
    "Pt rec'd MMR 0.5ml IM; fever 39.2C & rash on arms, face. Recovered!",
    "Rash, RASH, rash...  on the Überarm; no fever",
    "ab 12 cd",
    "",
]


def test_a_registry_cases_narrative_gives_its_words(clinician_case: Case) -> None:
    """The words of a registry case's own text are compared as the store's are (VAERS
    SYMPTOM_TEXT): distinct, letters only, three or more, lower case; none without one."""
    text = "Painful purple papules; the papules turned necrotic, then healed."
    row = case_features(clinician_case.model_copy(update={"narrative": text}), "x")
    assert row["narrative_words"] == [
        "healed", "necrotic", "painful", "papules", "purple", "the", "then", "turned",
    ]  # fmt: skip
    assert (
        case_features(clinician_case.model_copy(update={"narrative": None}), "x")["narrative_words"]
        is None
    )


def test_narrative_words_in_sql_are_the_python_words() -> None:
    import duckdb

    from dermavigil.duplicates.store_features import _NARRATIVE_WORDS

    con = duckdb.connect()
    sql = f"nullif({_NARRATIVE_WORDS.replace('rep.narrative', 'x')}, [])"
    (got,) = con.execute(
        f"SELECT list_transform(?::VARCHAR[], lambda x: {sql})", [NARRATIVES]
    ).fetchone()
    assert got == [narrative_words(text) for text in NARRATIVES]


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


def test_report_numbers_meet_across_spellings_and_name_their_scheme() -> None:
    assert report_number_key("us-pfizer inc-2023 1") == "USPFIZERINC20231"
    assert report_number_key("WAES 9206-0768") == report_number_key("waes92060768")
    assert number_scheme("WAES92060768") == number_scheme("WAES92060644") == "WAES99999999"
    assert number_scheme("893291018E") == "999999999E" != number_scheme("WAES92060768")
    for unknown in ("UNKNOWN", "unk", "N/A", "123", "", None):
        assert report_number_key(unknown) is None, unknown
    assert number_scheme(None) is None


def test_report_number_key_in_sql_is_the_python_key() -> None:
    import duckdb

    from dermavigil.duplicates.store_features import _NUMBER_KEY

    values = ["us-pfizer inc-2023 1", "WAES92060768", "UNKNOWN", "unk", "N/A", "123", "Ü12x9"]
    con = duckdb.connect()
    sql = _NUMBER_KEY.replace("rep.manufacturer_number", "n")
    (got,) = con.execute(
        f"SELECT list_transform(?::VARCHAR[], lambda n: {sql})", [values]
    ).fetchone()
    assert got == [report_number_key(v) for v in values]


def test_the_sender_report_id_is_the_report_number(clinician_case: Case) -> None:
    assert case_features(clinician_case, "c")["report_number"] is None
    data = clinician_case.model_dump()
    data["report"]["sender_report_id"] = "FR-ACME-2025-000123"
    row = case_features(Case.model_validate(data), "c")
    assert row["report_number"] == "FRACME2025000123"
    assert row["number_scheme"] == "FRACME9999999999"


CITATIONS = [
    "Kolluri M, Rao S. Title. Eur Heart J Case Rep. 2025 Oct 27;9(11):ytaf546. "
    "doi: 10.1093/ehjcr/ytaf546.",
    "Kolluri M, Rao S. Title. European Heart Journal. 2025;9(11):ytaf546",
    "B Dobreva-Yatseva, F Nikolov. A case. Bulgarian Cardiology. 2023;2:67-75",
    "Iso, H.. A remarkable response. Translational Cancer Research. 2023;12(8):2212",
    "Tu T-H, Lu J-W. Molecular hydrogen. In-Vivo. 2025;39 (4):2186",
    "O'Brien K, Müller T. X. 2001",
    "LIT",
    "",
]
"""Citations as FAERS lit_ref holds them (the first two: one article, two filers)."""


def test_one_article_cited_two_ways_has_a_key_in_common() -> None:
    first, second = citation_keys(CITATIONS[0]), citation_keys(CITATIONS[1])
    assert first == ["doi:10.1093/ehjcr/ytaf546", "cite:kolluri:2025"]
    assert set(first) & set(second) == {"cite:kolluri:2025"}
    assert citation_keys(CITATIONS[2]) == ["cite:dobrevayatseva:2023"]  # initial first
    assert citation_keys(CITATIONS[4]) == ["cite:tu:2025"]
    assert citation_keys(CITATIONS[5]) == ["cite:obrien:2001"]
    assert citation_keys("LIT") == [] and citation_keys(None) == []
    assert citation_keys("anything", "Lee, Jane", 2024) == ["cite:lee:2024"]


def test_citation_keys_in_sql_are_the_python_keys() -> None:
    import duckdb

    from dermavigil.duplicates.store_features import _PUBLICATION_IDS

    con = duckdb.connect()
    sql = _PUBLICATION_IDS.replace("rep.literature", "x")
    (got,) = con.execute(
        f"SELECT list_transform(?::VARCHAR[], lambda x: {sql})", [CITATIONS]
    ).fetchone()
    assert got == [citation_keys(c) or None for c in CITATIONS]


AUTHORITY_NUMBERS = {  # FAERS auth_num as filed (2017Q2, 2020Q3, 2025Q4 DEMO)
    "EU-AFSSAPS-AM2025000750": ("AFSSAPSAM2025000750", "AFSSAPS"),
    "FR-AFSSAPS-AM2025000750": ("AFSSAPSAM2025000750", "AFSSAPS"),
    "EU-AFSSAPS-AVNY2025000214": ("AFSSAPSAVNY2025000214", "AFSSAPS"),
    "GB-MHRA-ADR 22444313": ("MHRAADR22444313", "MHRA"),
    "CA-MHPD-E2B_03344059": ("MHPDE2B03344059", "MHPD"),
    "FDA-CDER-CTU-2017-34583": ("FDACDERCTU201734583", "FDA"),
    "GB-002147023-PHFR2014GB002156": ("002147023PHFR2014GB002156", None),
    "EU-ALKEM LABORATORIES LIMITED-DE-ALKEM-2025-08193": (
        "ALKEMLABORATORIESLIMITEDDEALKEM202508193",
        "ALKEMLABORATORIESLIMITED",
    ),
    "MHRA-": ("MHRA", None),  # no number: no authority named
    "UNKNOWN": (None, None),
    "": (None, None),
}


def test_an_authoritys_number_drops_the_country_and_names_the_authority() -> None:
    """One ANSM case filed as ``FR-AFSSAPS-...`` and ``EU-AFSSAPS-...`` is one number; the
    authority is the part after the country code (E2B C.1.8.1-style numbers)."""
    from dermavigil.domain.report_numbers import authority_key, authority_of

    for text, (key, authority) in AUTHORITY_NUMBERS.items():
        assert (authority_key(text), authority_of(text)) == (key, authority), text


def test_the_store_computes_authority_and_dose_keys_as_the_case_does() -> None:
    import duckdb

    from dermavigil.duplicates.store_features import features_of
    from dermavigil.store.schema import REPORT_PRODUCTS, REPORT_REACTIONS, REPORTS

    con = duckdb.connect()
    rep = pa.Table.from_pylist(
        [
            {"source": "faers", "report_id": str(i), "authority_number": text}
            for i, text in enumerate(AUTHORITY_NUMBERS)
        ],
        schema=REPORTS,
    )
    products = pa.Table.from_pylist(
        [
            {"source": "faers", "report_id": "0", "seq": seq, "role": "suspect",
             "product_key": key, "dose": dose}
            for seq, key, dose in ((1, "botox", "20 IU"), (2, "hyaluronic acid", None))
        ],
        schema=REPORT_PRODUCTS,
    )  # fmt: skip
    reactions = pa.Table.from_pylist(
        [{"source": "faers", "report_id": "0", "term_key": "ptosis"}], schema=REPORT_REACTIONS
    )
    con.register("rep", rep)
    con.register("products", products)
    con.register("reactions", reactions)
    rows = {r["unique_id"]: r for r in features_of(con, "rep", "products", "reactions").to_pylist()}
    for i, (key, authority) in enumerate(AUTHORITY_NUMBERS.values()):
        row = rows[f"faers:{i}"]
        assert (row["authority_number"], row["authority"]) == (key, authority)
    assert rows["faers:0"]["doses"] == ["botox|20 IU"]
