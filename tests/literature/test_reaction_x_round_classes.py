"""Reactions: failure classes of the x0xx round of real abstracts (kept out of the
repository), pinned on texts we wrote ourselves."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft


def _verbatims(text: str) -> set[str]:
    return {r["verbatim"].lower() for r in extract_draft(text).case["reactions"]}


def test_index_terms_naming_the_patient_are_no_event_of_the_case():
    """A keyword line names what the article is about ("male patient; anaphylaxis;
    urticaria"), not what happened to the patient (docs/annotation.md: index terms and
    keywords are not the patient's), even when one of its terms is a word for the patient."""
    text = (
        "Buttock nodule after a vitamin injection\n"
        "A 52-year-old man received an intramuscular injection of cyanocobalamin in the left "
        "buttock. Two weeks later he developed a tender nodule at the injection site. The "
        "nodule resolved after warm compresses.\n"
        "Keywords: male patient; anaphylaxis; urticaria; injections, intramuscular; "
        "vitamin B12\n"
    )
    verbatims = _verbatims(text)
    assert "tender nodule" in verbatims
    assert not verbatims & {"anaphylaxis", "urticaria"}


@pytest.mark.parametrize(
    ("text", "kept", "condition"),
    [
        (  # a plural patient noun "with" its condition, told before what they developed
            "Skin necrosis at interferon injection sites\n"
            "We report two patients with chronic hepatitis C who developed skin necrosis at the "
            "sites of subcutaneous interferon injections.",
            "skin necrosis",
            "hepatitis",
        ),
        (  # a title's indication named by an eponym's possessive (curly apostrophe)
            "Skin atrophy after a corticosteroid injection for de Quervain\u2019s tendonitis\n"
            "A 41-year-old woman developed skin atrophy over the wrist two months after a "
            "triamcinolone injection.",
            "skin atrophy",
            "tendonitis",
        ),
        (  # what a drug was prescribed "to him" for
            "Forearm abscess after injecting crushed tablets\n"
            "A 30-year-old man presented with a two-year history of tramadol use, which was "
            "prescribed to him for back pain. He injected crushed tablets into a forearm vein "
            "and developed an abscess of the forearm.",
            "abscess",
            "back pain",
        ),
        (  # what another drug had been taken because of
            "Abdominal wall haematoma after a depot injection\n"
            "An 80-year-old man, who had taken warfarin because of atrial fibrillation, received "
            "a subcutaneous leuprorelin injection and developed a large haematoma of the "
            "abdominal wall.",
            "haematoma",
            "atrial fibrillation",
        ),
    ],
)
def test_the_condition_a_patient_had_or_a_drug_was_taken_for_is_no_reaction(
    text: str, kept: str, condition: str
):
    """The condition of the patients "with" it (plural nouns too), the indication of a title
    written with an eponym's possessive, and what the patient's drugs were prescribed or
    taken for are what the patient had before the events (ConText's temporality, Harkema et
    al. 2009): not reactions (docs/annotation.md: not pre-existing disease or the
    indication)."""
    verbatims = _verbatims(text)
    assert any(kept in v for v in verbatims)
    assert not any(condition in v for v in verbatims)


def test_a_report_told_in_the_present_of_a_male_or_female_patient_is_about_someone():
    """The report's own present ("an abscess is described as a complication of ... in a
    previously well male") speaks of its patient when it calls the patient a male or a
    female, as it does with "man" or "woman": not a statement about no one."""
    text = (
        "Gluteal abscess as a complication of a vitamin injection.\n\nAbstract\n\n"
        "A gluteal abscess is described as a complication of an intramuscular vitamin B12 "
        "injection in a previously well male. This case highlights a rare complication. Early "
        "drainage is essential in this condition."
    )
    assert any("abscess" in v for v in _verbatims(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "She reported 80% pain relief two weeks after the injection.",
        "The injection relieved the pain within days.",
        "To relieve her pain, she had been given a corticosteroid injection.",
    ],
)
def test_a_symptom_a_treatment_relieved_is_no_reaction(sentence: str):
    """What a treatment relieved is the effect of the treatment on what it was given for, not
    an event of its own (a reaction it relieved is told where it began)."""
    text = (
        "Depigmentation after a corticosteroid injection\n"
        "A 38-year-old woman received a triamcinolone injection into the wrist. "
        f"{sentence} Eight weeks later she noticed linear depigmentation above the injection "
        "site."
    )
    verbatims = _verbatims(text)
    assert any("depigmentation" in v for v in verbatims)
    assert not any("pain" in v for v in verbatims)
