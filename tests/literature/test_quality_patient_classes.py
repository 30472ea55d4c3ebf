"""Failure classes of the partial flag and of the patient's age and sex found on real
abstracts (page furniture after the abstract, words dropped from an excerpt, series,
Unicode and spaced hyphens in ages, pronouns that are not the patient's), each pinned
on a text we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.quality import check_text, last_prose_line

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _draft(name: str):
    return extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8"))


def test_page_furniture_after_the_abstract_is_not_a_truncation():
    draft = _draft("dq01_page_furniture_and_hyphens")
    assert not draft.partial
    assert not any("truncated" in w for w in draft.warnings)
    assert draft.case["patient"] == {"age": {"value": 61.0, "unit": "year"}, "sex": "female"}


@pytest.mark.parametrize(
    ("tail", "truncated"),
    [
        ("Keywords: toxin; ptosis; eyelid", False),
        ("KEYWORDS:\nAbscess\nVaccines\nSurgery", False),
        ("View details for DOI 10.0000/x.1", False),
        (
            "Preview Article PDF\nAna Lopes, Rui Pinto, Joana Sousa, Marta Reis and Pedro Dias And",
            False,
        ),
        (
            "Level of Evidence IV\nThis journal requires a level of evidence for each article, "
            "see the online Instructions to Authors\n\nFiller Nodules Granuloma",
            False,
        ),
        ("Final Diagnosis\nMycobacterial infect", True),
        ("The patient was given oral doxycycline and the nodules were then", True),
    ],
)
def test_the_last_line_of_prose_decides_truncation(tail: str, truncated: bool):
    text = (
        "Nodules after filler\nA 50-year-old woman developed nodules after a hyaluronic acid "
        "filler injection in her lips. They resolved after hyaluronidase.\n" + tail
    )
    assert check_text(text).truncated is truncated
    if not truncated:
        assert last_prose_line(text).endswith("hyaluronidase.")


def test_a_short_unfinished_line_after_a_legend_is_where_the_text_was_cut():
    draft = _draft("dq02_cut_after_a_figure_legend")
    assert draft.partial and any("truncated" in w for w in draft.warnings)
    assert draft.case["patient"]["age"] == {"value": 47.0, "unit": "year"}  # "47 -year-old"


def test_words_dropped_from_the_excerpt_make_it_partial():
    draft = _draft("dq03_words_missing")
    assert draft.partial
    assert any("words are missing" in w for w in draft.warnings)
    assert not check_text("The nodule was excised. It did not recur.").elided


def test_a_series_draft_is_partial():
    draft = _draft("d20_series_per_patient")
    assert draft.is_series and draft.partial


@pytest.mark.parametrize(
    ("sentence", "sex"),
    [
        (
            "Mira Stone, Tomas He, Ana Ruiz\nA patient developed ptosis after a toxin injection.",
            None,
        ),
        (
            "A patient developed ptosis after a toxin injection. The injector should rely on "
            "his or her own experience.",
            None,
        ),
        ("A patient developed ptosis after a toxin injection. He was given apraclonidine.", "male"),
    ],
)
def test_pronouns_of_either_sex_and_names_are_not_the_patients_sex(sentence: str, sex):
    draft = extract_draft("Ptosis after toxin\n" + sentence)
    assert draft.case["patient"].get("sex") == sex


_SHOULDER = (
    " A 45-year-old woman developed shoulder pain two days after an intramuscular influenza "
    "vaccine."
)
_CITED_SERIES = [
    "According to the national reporting system, 412 patients reported shoulder pain.",
    "Shoulder pain after vaccination was described in a case series of 13 patients.4",
    "Shoulder pain after vaccination was described in a case series of 13 patients [4].",
]


@pytest.mark.parametrize("sentence", _CITED_SERIES)
def test_a_series_counted_in_the_literature_is_not_this_reports(sentence: str):
    assert not extract_draft("Shoulder pain after vaccination\n" + sentence + _SHOULDER).is_series


def test_this_reports_own_series_after_a_literature_sentence():
    text = "Pain was reported in the literature. We report 3 patients with shoulder pain."
    assert extract_draft("Shoulder pain after vaccination\n" + text + _SHOULDER).is_series


def test_own_text_pubmed_furniture_a_table_and_a_run_in_citation_are_not_a_cut():
    """A complete abstract followed by the PubMed page's headers and lists, a table of the
    record and 'Read full abstract', with the journal citation run into its last sentence,
    is not truncated (r457, r526, r532, r550, r571)."""
    draft = _draft("dc05_complete_with_page_furniture")
    assert not draft.partial
    assert not any("truncated" in w for w in draft.warnings)


@pytest.mark.parametrize(
    ("tail", "truncated"),
    [
        ("Publication types\n\n  • Case Reports\n\nSubstances\n\n  • Hyaluronic Acid", False),
        ("Full Text\nPublished version (Free)\nTalk to us\nSchedule a call", False),
        ("Volume 68\nPages None\nLanguage English", False),
        ("year | journal | country |\n---|---|---|\n2007 | The Journal of infection |", False),
        ("Read full abstract", False),
        (
            "Publication types\n\n  • Case Reports\n\nThe patient was given oral doxycycline "
            "and the nodules were then",
            True,
        ),
    ],
)
def test_page_furniture_of_pubmed_and_publisher_pages(tail: str, truncated: bool):
    text = (
        "Nodules after filler\nA 50-year-old woman developed nodules after a hyaluronic acid "
        "filler injection in her lips. They resolved after hyaluronidase.\n" + tail
    )
    assert check_text(text).truncated is truncated


@pytest.mark.parametrize(
    "run_in",
    [
        "Keywords : filler, nodules, hyaluronidase",
        "Skin Research, 15: 270-273, 2016",
        "\\n",  # a line break the source page left escaped (r579)
    ],
)
def test_a_keyword_list_or_citation_run_into_the_last_sentence_is_no_cut(run_in: str):
    text = (
        "Nodules after filler\nA 50-year-old woman developed nodules after a hyaluronic acid "
        "filler injection in her lips. They resolved after hyaluronidase." + run_in
    )
    assert not check_text(text).truncated
    assert check_text(text.removesuffix(run_in) + " and the nodules").truncated


def test_own_text_patient_named_only_in_the_sentence_that_sums_the_case_up():
    """'This case describes a 29-year-old male who developed ...' in the conclusion names the
    patient when the case sentences do not (r473); the draft is then not partial for want
    of an identifiable patient."""
    draft = _draft("dc09_patient_in_the_conclusion")
    assert draft.case["patient"] == {"age": {"value": 29.0, "unit": "year"}, "sex": "male"}
    assert not draft.partial


@pytest.mark.parametrize(
    ("tail", "truncated"),
    [
        ("MeSH terms\n\n  • Humans\n  • Skin / p", True),  # r554
        ("[1]  A. Author, et al.  Delayed Nodules After Calcium", True),  # r586
        ("MeSH terms\n\n  • Humans\n  • Skin / drug effects", False),
        ("[1]  A. Author, et al.  Delayed nodules. J Derm. 2020;1:1-2.", False),
    ],
)
def test_a_listed_item_cut_short_at_the_very_end_is_a_cut(tail: str, truncated: bool):
    """docs/annotation.md (r5xx decisions): a cut anywhere, in page furniture or references
    included, makes the excerpt partial; a complete list or reference does not."""
    draft = _draft("dc05_complete_with_page_furniture")
    text = draft.text.rstrip() + "\n\n" + tail
    assert check_text(text).truncated is truncated


def test_a_citation_run_into_the_text_is_no_count_of_patients():
    """'(HA). 1–3 Cases of ...' and 'the tip.2,3 A 45-year-old woman': superscript citations
    copied into the text as plain digits are neither a series of 3 nor the patient's age."""
    draft = _draft("dc18_citation_numbers_run_in")
    assert not draft.partial
    assert draft.case["report"]["patients_in_report"] == 1
    assert draft.case["patient"] == {"age": {"value": 45.0, "unit": "year"}, "sex": "female"}
    assert not any("series" in w for w in draft.warnings)


@pytest.mark.parametrize(
    ("text", "patients"),
    [
        ("Necrosis is rare (HA).1\u20133 Cases are shown. A woman had a filler.", 1),
        ("Necrosis is rare after fillers 2,3 Cases are shown. A woman had a filler.", 1),
        ("We describe 3 patients who had necrosis after a filler injection.", 3),
        ("Nicolau syndrome: 3 Cases after intramuscular diclofenac injection.", 3),
    ],
)
def test_a_count_glued_to_the_word_before_is_a_citation(text: str, patients: int):
    from dermavigil.literature.extract.patient import find_patient
    from dermavigil.literature.extract.sentences import split_sentences

    sentences = split_sentences(text)
    assert find_patient(sentences, sentences).patients == patients
