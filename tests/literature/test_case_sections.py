"""A case told under a background or introduction heading, on texts we wrote (issue 10:
reactions lost because the sentence telling them was judged background)."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.case_sections import with_case_sections
from dermavigil.literature.extract.sentences import split_sentences

_TEXT = (
    "Eyelid complications after a collagen stimulator: a case report\n"
    "Background: Collagen stimulators are used widely for facial volume loss. "
    "A 41-year-old woman who received the stimulator under both eyes complained of "
    "ectropion and lumps for a year. She then developed redness of the lower lids. "
    "Results: The lumps were removed surgically."
)


def test_the_sentences_from_a_patient_introduced_with_her_age_are_the_cases():
    sentences = with_case_sections(_TEXT, split_sentences(_TEXT))
    sections = [(s.text.split()[0], s.section) for s in sentences[1:]]
    assert sections == [
        ("Collagen", "background"),
        ("A", "case"),
        ("She", "case"),
        ("The", "results"),
    ]


def test_a_case_told_under_a_background_heading_gives_its_reactions_and_patient():
    draft = extract_draft(_TEXT)
    verbatims = [r["verbatim"] for r in draft.case["reactions"]]
    assert {"ectropion", "redness"} <= set(verbatims)
    assert draft.case["patient"] == {"age": {"value": 41.0, "unit": "year"}, "sex": "female"}


def test_a_case_the_literature_reported_stays_background():
    text = (
        "Filler complications: a review\n"
        "Background: A 35-year-old woman developed blindness, as previously reported by "
        "Smith et al. Fillers are popular.\n"
    )
    sentences = with_case_sections(text, split_sentences(text))
    assert all(s.section != "case" for s in sentences)


def test_a_run_in_case_heading_the_splitter_does_not_know_opens_the_case():
    text = (
        "Lipoatrophy far from the injection site\n"
        "Introduction Lipoatrophy is rare with modern insulins. Case history A 58-year-old "
        "man on insulin presented with a depression of the flank. It grew.\n"
        "Source: a journal. Tags: infections, allergy.\n"
    )
    sections = [s.section for s in with_case_sections(text, split_sentences(text))]
    assert sections[-4:] == ["case", "case", "introduction", "introduction"]
