"""Bad input gives a clear warning and an empty or partial draft, never a crash or a fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.domain.routes import Route
from dermavigil.errors import InputError
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.quality import check_text, english_share

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty(text: str) -> None:
    draft = extract_draft(text)
    assert draft.partial
    assert draft.warnings == ["empty text: nothing to extract"]
    assert draft.case["products"] == [] and draft.case["reactions"] == []
    with pytest.raises(InputError):
        draft.to_case()


def test_not_english_extracts_nothing() -> None:
    draft = extract_draft((DATA / "d10_spanish.txt").read_text(encoding="utf-8"))
    assert draft.partial and draft.case["reactions"] == [] and draft.evidence == {}
    assert "English" in draft.warnings[0]
    assert english_share("There was no necrosis after the injection of the filler.") > 0.3


def test_no_adverse_event() -> None:
    draft = extract_draft((DATA / "d08_no_adverse_event.txt").read_text(encoding="utf-8"))
    assert draft.partial
    assert "no adverse event found in the text" in draft.warnings
    assert draft.case["reactions"] == []
    assert draft.case["products"] == []  # background mentions are not the case's products


def test_mojibake_is_repaired_and_truncation_flagged() -> None:
    text = (DATA / "h06_mojibake_truncated.txt").read_text(encoding="utf-8")
    assert "Ã©" in text
    check = check_text(text)
    assert "Juvéderm" in check.text and check.truncated
    draft = extract_draft(text)
    assert draft.partial
    assert any("mojibake" in w for w in draft.warnings)
    assert any("truncated" in w for w in draft.warnings)
    assert draft.case["products"][0]["category"] == "ha_filler"


def test_unrepairable_garbling_is_reported() -> None:
    text = (
        "Papules after platelet-rich plasma\n"
        "A 40-year-old woman developed papules \ufffd\ufffd after a PRP injection on her face."
    )
    draft = extract_draft(text)
    assert any("garbled" in w for w in draft.warnings)
    assert not draft.partial


def test_no_invented_facts_in_a_sparse_report() -> None:
    draft = extract_draft(
        "Rash after toxin\nA woman developed a rash after a botulinum toxin injection."
    )
    case = draft.to_case()
    assert case.patient.sex is not None and case.patient.age is None
    assert case.patient.age_group is None
    product = case.products[0]
    assert product.route is None
    # the labelled route comes from the product catalogue, and says so; the text gives none
    assert product.approved_routes == [Route.intramuscular]
    assert product.labelled_use and product.labelled_use.startswith("catalogue: ")
    assert draft.evidence["products.0.approved_routes"] == draft.evidence["products.0.name"]
    assert case.treatments == [] and case.findings == []
    assert case.reactions[0].outcome is None and case.reactions[0].onset_latency is None


def test_series_is_flagged() -> None:
    draft = extract_draft((DATA / "d06_plla_series.txt").read_text(encoding="utf-8"))
    assert draft.is_series
    assert draft.case["report"]["patients_in_report"] == 3
    assert any("series of 3 patients" in w for w in draft.warnings)


def test_untitled_text_lacks_a_citation_but_is_not_partial_for_that() -> None:
    """docs/annotation.md: a text without a title (it opens with its author list, its
    journal line or its abstract) is partial only by the criteria under `partial`."""
    draft = extract_draft((DATA / "dq07_untitled_abstract.txt").read_text(encoding="utf-8"))
    assert "literature" not in draft.case["report"]
    assert any("citation" in w for w in draft.warnings)
    assert not draft.partial
    with pytest.raises(InputError, match="literature reference"):
        draft.to_case()  # the bibliographic record must give the reference
    # what a case needs is still required: no identifiable patient is partial
    assert extract_draft("Someone developed a rash after a botulinum toxin injection.").partial
