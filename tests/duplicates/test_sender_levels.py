"""The facts a sender gives of its report: the lot, the outcome, the sender's own case
number and the publication cited."""

from __future__ import annotations

from dermavigil.domain.case import Case
from dermavigil.duplicates.detect import detect
from dermavigil.duplicates.model import LOT_ELSEWHERE


def _with_lot(case: Case, case_id: str, lot: str) -> Case:
    data = case.model_dump()
    data["case_id"] = case_id
    for product in data["products"]:
        product["lot"] = lot
    return Case.model_validate(data)


def test_same_lot_is_evidence_for_and_another_lot_against(clinician_case: Case) -> None:
    a = _with_lot(clinician_case, "A", "AB-1234 ")
    same, other = _with_lot(clinician_case, "B", "ab1234"), _with_lot(clinician_case, "C", "ZX9876")
    evidence = {}
    for copy in (same, other):
        (pair,) = detect([a, copy], threshold=0.0).pairs
        evidence[copy.case_id] = next(e for e in pair.explanation if e.field == "lot")
    # no event dates: not known to be of one region and month (test_lot_levels)
    assert evidence["B"].level == f"a lot number in common{LOT_ELSEWHERE}"
    assert evidence["B"].match_weight > 3
    assert (evidence["B"].value_a, evidence["B"].value_b) == (["AB1234"], ["AB1234"])
    assert evidence["C"].level == "no agreement" and evidence["C"].match_weight < -2


def test_a_fatal_and_a_recovered_report_weigh_against_one_case(clinician_case: Case) -> None:
    died, recovered = clinician_case.model_dump(), clinician_case.model_dump()
    died["case_id"], recovered["case_id"] = "DIED", "RECOVERED"
    died["reactions"][0]["outcome"] = "fatal"
    recovered["reactions"][0]["outcome"] = "recovered"
    again = {**recovered, "case_id": "AGAIN"}
    cases = [Case.model_validate(d) for d in (died, recovered, again)]
    pairs = detect(cases, threshold=0.0).pairs
    outcome = {
        (p.case_a, p.case_b): next(e for e in p.explanation if e.field == "outcome") for p in pairs
    }
    assert outcome[("DIED", "RECOVERED")].level == "no agreement"
    assert outcome[("DIED", "RECOVERED")].match_weight < 0
    assert outcome[("AGAIN", "RECOVERED")].level == "same outcome (fatal or not)"
    assert outcome[("AGAIN", "RECOVERED")].match_weight >= 0


def _numbered(case: Case, case_id: str, number: str | None) -> Case:
    data = case.model_dump()
    data["case_id"], data["report"]["sender_report_id"] = case_id, number
    return Case.model_validate(data)


def test_one_senders_two_numbers_weigh_against_and_one_number_for(clinician_case: Case) -> None:
    """A sender keeps one number for a case (ICH E2B(R3) C.1.1): the same number is
    evidence for, two numbers of one scheme (a clinic's reports numbered one by one)
    evidence against, and two senders' numbers neither."""
    a = _numbered(clinician_case, "A", "WAES9206-0768")
    copies = {
        "SAME": _numbered(clinician_case, "SAME", "waes92060768"),
        "NEXT": _numbered(clinician_case, "NEXT", "WAES92060769"),
        "OTHER": _numbered(clinician_case, "OTHER", "US-ACME-2025-1"),
        "NONE": _numbered(clinician_case, "NONE", None),
    }
    evidence = {}
    for key, copy in copies.items():
        (pair,) = detect([a, copy], threshold=0.0).pairs
        evidence[key] = next(e for e in pair.explanation if e.field == "report_number")
    assert evidence["SAME"].level == "same report number" and evidence["SAME"].match_weight > 10
    assert evidence["NEXT"].level.startswith("no agreement") and evidence["NEXT"].match_weight < -4
    assert evidence["OTHER"].level == "numbers of two schemes (two senders)"
    assert evidence["OTHER"].match_weight == 0
    assert evidence["NONE"].level == "missing on either side"


def test_one_article_cited_two_ways_is_the_same_publication(literature_case: Case) -> None:
    """Each filer types a citation its own way (FAERS lit_ref): the first author and the
    year still meet, where the verbatim citations weighed against the pair."""
    data = literature_case.model_dump()
    data["report"]["literature"] = {
        "citation": "Tawanwongsri W, Vachiramon V. Skin necrosis after intradermal injection "
        "of lyophilized exosome. J Cosmet Dermatol. 2024;23(5):1597-1603",
    }
    cited_again = Case.model_validate({**data, "case_id": "AGAIN"})
    seed = literature_case.model_copy(
        update={"report": literature_case.report.model_copy(update={"literature": (
            literature_case.report.literature.model_copy(update={"year": 2024})
        )})}
    )  # fmt: skip
    (pair,) = detect([seed, cited_again], threshold=0.0).pairs
    evidence = next(e for e in pair.explanation if e.field == "publication")
    assert evidence.level == "same publication" and evidence.match_weight > 5
    shown = {tuple(evidence.value_a), tuple(evidence.value_b)}
    assert shown == {
        ("cite:tawanwongsri:2024",),
        ("cite:tawanwongsri:2024", "doi:10.1111/jocd.16206"),
    }
