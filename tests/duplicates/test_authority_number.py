"""The authority's case number as evidence, the way real duplicates differ in it: one
authority's case forwarded by several firms keeps the authority's number under each
firm's own (FAERS auth_num / mfr_num: "EU-AFSSAPS-AM2025000750" filed by Zydus and by
Sanofi), and two numbers of one authority are two of its cases (the French
addictovigilance pair AVMA / AVNY of ``bench/faers_links.py``)."""

from __future__ import annotations

from typing import Any

from dermavigil.domain.case import Case
from dermavigil.duplicates.detect import detect

from .conftest import clinician_report, on_duckdb

AUTHORITY = "authority_number"
TWO_AUTHORITIES = "missing on either side, or numbers of two authorities"


def _filed(case_id: str, sender: str | None, authority: str | None, **report: Any) -> Case:
    data = clinician_report()
    data["report"] |= {"sender_report_id": sender, "authority_number": authority, **report}
    return Case.model_validate({**data, "case_id": case_id})


def _evidence(a: Case, b: Case, field: str) -> tuple[float, str, float]:
    """(the pair's probability, the fact's level, its weight); 0 when it is not scored."""
    pairs = detect([a, b], threshold=0.0).pairs
    if not pairs:
        return 0.0, "not scored", 0.0
    (pair,) = pairs
    found = next(e for e in pair.explanation if e.field == field)
    return pair.match_probability, found.level, found.match_weight


def test_a_pair_differing_only_in_the_authoritys_number() -> None:
    """Two firms' reports (two numbering schemes: no evidence either way) that agree on
    every fact: one authority number makes them one case, two of its numbers two."""
    a = _filed("A", "EU-AUROBINDO-AUR-APL-2025-050575", "EU-AFSSAPS-AVMA2025000588")
    same = _filed("SAME", "EU-MYLANLABS-2025M1096825", "FR-AFSSAPS-AVMA2025000588")
    other = _filed("OTHER", "EU-MYLANLABS-2025M1096825", "EU-AFSSAPS-AVNY2025000214")
    p_same, level, weight = _evidence(a, same, AUTHORITY)
    assert level == "same authority number" and weight > 10
    p_other, level, weight = _evidence(a, other, AUTHORITY)
    assert level.startswith("no agreement") and weight < -4
    assert p_other < p_same
    _, level, weight = _evidence(a, same, "report_number")
    assert level == "numbers of two schemes (two senders)" and weight == 0


def test_numbers_of_two_authorities_say_nothing() -> None:
    a = _filed("A", None, "EU-AFSSAPS-AVMA2025000588")
    for other in ("GB-MHRA-ADR 22444313", "GB-002147023-PHFR2014GB002156", None):
        _, level, weight = _evidence(a, _filed("B", None, other), AUTHORITY)
        assert (level, weight) == (TWO_AUTHORITIES, 0), other


def test_one_patient_filed_by_two_firms_from_one_authority_case() -> None:
    """The same patient reported by two firms (different manufacturer numbers), the second
    naming only its own drug, no age and one reaction: the authority's number makes the
    pair; without it the facts left do not."""
    full = _filed("ZYDUS", "EU-CADILA HEALTHCARE LIMITED-FR-ZYDUS-129393", None)
    sparse = clinician_report()
    sparse["patient"] = {"sex": "male"}
    sparse["reactions"] = sparse["reactions"][:1]
    sparse["treatments"] = []
    sparse["products"] = [
        {"name": "Exosome (lyophilised) for skin booster", "role": "concomitant"},
        {"name": "Lidocaine cream", "category": "drug", "route": "topical"},
    ]
    sparse["report"] |= {"sender_report_id": "EU-SA-2025SA302767"}
    p_without, _, _ = _evidence(full, Case.model_validate({**sparse, "case_id": "SA"}), "sex")
    numbered = _filed("ZYDUS", full.report.sender_report_id, "EU-AFSSAPS-AM2025000750")
    sparse["report"]["authority_number"] = "FR-AFSSAPS-AM2025000750"
    p_with, level, _ = _evidence(numbered, Case.model_validate({**sparse, "case_id": "SA"}),
                                 AUTHORITY)  # fmt: skip
    assert level == "same authority number"
    assert p_with >= 0.9 and p_without < 0.5
    _, level, weight = _evidence(numbered, Case.model_validate({**sparse, "case_id": "SA"}),
                                 "report_number")  # fmt: skip
    assert (level, weight) == ("numbers of two schemes (two senders)", 0)


def test_one_authority_number_shares_a_blocking_key_without_any_product() -> None:
    """Two firms' reports of one authority case, each naming its own drug, meet by the
    authority's number (and the pair is among those scored)."""
    import duckdb
    import pyarrow as pa

    from dermavigil.duplicates.blocking import COLUMN, block_keys
    from dermavigil.duplicates.features import FEATURE_SCHEMA
    from dermavigil.duplicates.meta_blocking import block_pairs

    records = [
        dict.fromkeys(FEATURE_SCHEMA.names)
        | {"unique_id": uid, "source": "faers", "authority_number": "AFSSAPSAM2025000750",
           "authority": "AFSSAPS", "first_suspect": drug, "suspect_products": [drug]}
        for uid, drug in (("zydus", "paroxetine"), ("sanofi", "zolpidem"))
    ]  # fmt: skip
    table = pa.Table.from_pylist(records, schema=FEATURE_SCHEMA)
    keyed, _ = block_keys(table)
    keys = dict(zip(keyed["unique_id"].to_pylist(), keyed[COLUMN].to_pylist(), strict=True))
    assert any(k.startswith("authority_number") for k in set(keys["zydus"]) & set(keys["sanofi"]))
    con = duckdb.connect()
    con.register("records", table)
    block_pairs(on_duckdb(con), "records", "pairs")
    assert con.sql("SELECT join_key_l, join_key_r FROM pairs").fetchall() == [("sanofi", "zydus")]
