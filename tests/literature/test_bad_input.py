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


def test_not_english_is_partial_with_the_reason() -> None:
    """A text in Spanish is partial, the language named; what its words give is kept with
    its evidence (tests/literature/test_foreign_language.py), nothing else."""
    text = (DATA / "d10_spanish.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert draft.partial and draft.case["products"] == []
    assert all(text[a:b] for spans in draft.evidence.values() for a, b in spans)
    assert "English" in draft.warnings[0]
    assert "Spanish" in draft.warnings[0]  # the reason names the language
    assert english_share("There was no necrosis after the injection of the filler.") > 0.3


def test_a_second_abstract_in_another_language_is_set_aside_and_named() -> None:
    """An English abstract followed by a Portuguese *resumo*: the English one is read, the
    Portuguese one is named and set aside; the draft is complete (offsets unchanged)."""
    text = (DATA / "dq12_second_abstract_portuguese.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert not draft.partial
    assert any("Portuguese" in w and "set aside" in w for w in draft.warnings)
    assert draft.text == text
    resumo = text.index("RESUMO")
    assert all(a < resumo for spans in draft.evidence.values() for a, _ in spans)
    assert draft.case["patient"]["age"]["value"] == 47
    assert not any("truncated" in w for w in draft.warnings)


def test_a_text_mostly_in_another_language_is_partial_with_the_reason() -> None:
    """Only the English title of an Italian report can be read: what it states is kept,
    and the draft is partial because the case itself is told in Italian."""
    draft = extract_draft(
        (DATA / "dq13_italian_with_english_title.txt").read_text(encoding="utf-8")
    )
    assert draft.partial
    assert any("Italian" in w and "partial" in w for w in draft.warnings)
    assert draft.case["products"][0]["name"].lower() == "diclofenac"
    # the patient is described in Italian only: read with the Italian words
    assert draft.case["patient"] == {"sex": "female"}
    assert any(w.startswith("read in Italian") for w in draft.warnings)


def test_an_abstract_in_a_script_without_spaces_is_recognised() -> None:
    check = check_text(
        (DATA / "dq14_chinese_abstract_after_english.txt").read_text(encoding="utf-8")
    )
    assert check.usable and not check.incomplete
    assert any("Chinese" in w for w in check.warnings)
    assert "摘要" not in check.text and "摘要" in check.shown


def test_english_text_never_loads_the_language_identifier() -> None:
    """The identifier's model takes ~1.5 s to load: English texts must not pay for it."""
    from dermavigil.literature.extract import language

    language._identifier.cache_clear()
    extract_draft((DATA / "d02_ha_filler_occlusion.txt").read_text(encoding="utf-8"))
    extract_draft((DATA / "dq01_page_furniture_and_hyphens.txt").read_text(encoding="utf-8"))
    assert language._identifier.cache_info().misses == 0


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


def test_an_excerpt_ending_on_an_ellipsis_is_truncated() -> None:
    text = (
        "Abscess after a vaccine\nA 30-year-old woman developed a painful abscess at the "
        "injection site four weeks after a BCG vaccination. Routine cul..."
    )
    check = check_text(text)
    assert check.truncated
    assert extract_draft(text).partial
    assert not check_text(text.replace("Routine cul...", "It drained.")).truncated


def test_a_population_in_the_plural_is_not_the_patients_age_group() -> None:
    """issue 10: the patient is not taken from a background sentence about another population
    ("administered to adults worldwide")."""
    draft = extract_draft(
        "Bursitis after a vaccine\nMillions of vaccine doses have been administered to adults "
        "worldwide. We report a case of bursitis after an intramuscular vaccination in the "
        "deltoid."
    )
    assert "age_group" not in draft.case["patient"]
    assert draft.partial  # no age, age group or sex: the patient is not identifiable
    single = extract_draft(
        "Bursitis after a vaccine\nAn adult developed bursitis after an intramuscular "
        "vaccination in the deltoid."
    )
    assert single.case["patient"]["age_group"] == "adult"
