"""Mentions that are not this patient's reaction, and terms the draft keeps twice: classes
of wording found on published abstracts (kept out of the repository), pinned on our own
texts (``tests/data/literature/dr*``) and sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.named_exposure import in_exposure_name
from dermavigil.literature.extract.negation import assertion

OWN_TEXTS = Path(__file__).resolve().parents[1] / "data" / "literature"


def _reactions(draft) -> tuple[set[str], set[str]]:
    """The draft's reaction verbatims (lower case) and their HPO codes."""
    reactions = draft.case["reactions"]
    return (
        {r["verbatim"].lower() for r in reactions},
        {c["code"] for r in reactions for c in r.get("codes", [])},
    )


def test_diseases_a_vaccine_is_named_by_are_not_reactions():
    """'a vaccine against diphtheria, tetanus, pertussis and poliomyelitis (DTaP-IPV)',
    'measles, mumps and rubella (MMR) vaccine', 'a hepatitis B booster': the product's name;
    the nodule and its itch are the reactions."""
    text = (OWN_TEXTS / "dr06_vaccine_named_by_its_diseases.txt").read_text(encoding="utf-8")
    verbatims, codes = _reactions(extract_draft(text))
    named = {"diphtheria", "tetanus", "pertussis", "poliomyelitis", "measles", "mumps"}
    assert not {w for v in verbatims for w in re.findall(r"\w+", v)} & (
        named | {"rubella", "hepatitis"}
    )
    assert {"HP:0000989", "HP:0001482"} <= codes


@pytest.mark.parametrize(
    ("text", "disease", "named"),
    [
        ("a diphtheria-tetanus-pertussis-polio-Hib vaccine", "pertussis", True),
        ("the measles, mumps, and rubella (MMR) vaccine", "rubella", True),
        ("a live vaccine given to protect against tuberculosis (TB)", "tuberculosis", True),
        ("he was started on rabies post-exposure prophylaxis", "rabies", True),
        ("she had measles and then received a vaccine", "measles", False),
        ("he developed tetanus after the vaccine", "tetanus", False),
        ("a swelling (5 cm) near the vaccine site", "swelling", False),
    ],
)
def test_a_disease_inside_a_vaccine_name(text: str, disease: str, named: bool):
    at = text.index(disease)
    assert in_exposure_name(text, at, at + len(disease)) is named


def test_generic_nouns_that_name_no_reaction():
    """'body mass index', 'a patch test', and 'the eruption' / 'this mass' referring back to
    the plaques already named: none is a reaction of its own."""
    text = (OWN_TEXTS / "dr07_generic_nouns_that_name_no_reaction.txt").read_text(encoding="utf-8")
    verbatims, codes = _reactions(extract_draft(text))
    assert not {w for v in verbatims for w in v.split()} & {"mass", "patch", "eruption"}
    assert {"HP:0000964", "HP:0000989", "HP:0200035"} <= codes


def test_illnesses_the_patient_already_had_are_not_reactions():
    """'suffering from psoriasis and ulcerative colitis', 'hospitalized for pneumonia and was
    given' the suspect, a drug 'used to treat' its indication, a past history listed without
    a serial comma, a differential diagnosis: none is a reaction; the plaque and the
    necrosis are."""
    text = (OWN_TEXTS / "dr08_illnesses_the_patient_already_had.txt").read_text(encoding="utf-8")
    verbatims, codes = _reactions(extract_draft(text))
    history = {"psoriasis", "colitis", "pneumonia", "osteoarthritis", "osteoporosis"}
    assert not {w for v in verbatims for w in v.split()} & (
        history | {"hypothyroidism", "cellulitis", "calciphylaxis"}
    )
    assert {"HP:0012531", "HP:0033126"} <= codes


@pytest.mark.parametrize(
    ("sentence", "word", "status"),
    [
        (
            "Her history included osteoarthritis, bilateral hip replacements, osteoporosis,"
            " anxiety and hypothyroidism.",
            "hypothyroidism",
            "historical",
        ),
        ("He was on chemotherapy for lung cancer.", "lung cancer", "historical"),
        ("Differential diagnoses included vasculitis.", "vasculitis", "uncertain"),
        ("The differential diagnosis was vasculitis.", "vasculitis", "uncertain"),
        (
            "Given the possibility of a zoster infection, she took valacyclovir.",
            "zoster",
            "uncertain",
        ),
        ("A presumptive herpes zoster reactivation was treated.", "herpes zoster", "uncertain"),
    ],
)
def test_history_and_differential_cues(sentence: str, word: str, status: str):
    at = sentence.index(word)
    assert assertion(sentence, at, at + len(word)).value == status


def test_an_umbrella_term_beside_the_specific_one_and_a_department_name():
    """'an allergic reaction and anaphylactic shock': the umbrella hypersensitivity is not kept
    beside its HPO descendant; 'the Department of Allergy and Clinical Immunology' and 'allergy
    injections' name no reaction."""
    text = (OWN_TEXTS / "dr09_umbrella_term_beside_the_specific_one.txt").read_text(
        encoding="utf-8"
    )
    _, codes = _reactions(extract_draft(text))
    assert codes == {"HP:0100845", "HP:0001025", "HP:0030828"}


def test_a_named_syndrome_with_a_typographic_apostrophe():
    """'Nicolau’s syndrome' (U+2019, as published texts print it) is the named syndrome."""
    draft = extract_draft(
        "Buttock necrosis\nA 40-year-old man developed Nicolau\u2019s syndrome of the left "
        "buttock after an intramuscular injection of diclofenac."
    )
    assert "nicolau\u2019s syndrome" in _reactions(draft)[0]


def test_the_coder_tables_carry_the_hierarchy():
    """``ancestors`` reads the cached ``is_a`` parents: the same terms as the full index."""
    from dermavigil.literature.extract.reaction_merge import ancestors
    from dermavigil.terminology.hpo import load_hpo

    hpo = load_hpo()
    for code in ("HP:0100845", "HP:0030834", "HP:0000618"):
        expected, stack = set(), list(hpo.term(code).is_a)
        while stack:
            parent = stack.pop()
            if parent not in expected:
                expected.add(parent)
                stack.extend(hpo.term(parent).is_a)
        assert ancestors(code) == expected


def test_a_slide_described_over_several_sentences_is_a_test_result():
    """'The granulomas were epithelioid, with ... multinucleated giant cells' after the biopsy
    sentence, and 'Repeat biopsies reported granulomatous chronic inflammation': findings
    (histopathology), not reactions; the nodules are."""
    text = (OWN_TEXTS / "dr10_microscope_words_are_test_results.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    _, codes = _reactions(draft)
    assert codes == {"HP:0025283", "HP:0200036"}
    found = {c["code"] for f in draft.case["findings"] for c in f.get("codes", [])}
    assert "HP:6000070" in found
