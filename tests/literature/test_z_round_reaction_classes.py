"""Mentions of a condition that are not the patient's reaction, pinned on sentences we wrote
(issue 10, the z0xx round; the published abstracts stay out of the repository).

Classes: the condition a course of treatment was for, told with no injection verb ("during the
treatment of eczema"); the population a product is given to ("injections in gout patients");
a word of how a condition answered treatment ("unresponsive to antibiotics"); a known case of a
disease; the diagnoses weighed in a differential or a condition it may be mistaken for; an
implant's insertion scar. The reaction told beside each stays the
case's.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.negation import Assertion
from dermavigil.literature.extract.preexisting import pre_existing


def _status(text: str, mention: str) -> Assertion | None:
    start = text.index(mention)
    return pre_existing(text, start, start + len(mention))


def _verbatims(text: str) -> list[str]:
    return [r["verbatim"].lower() for r in extract_draft(text).case["reactions"]]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Pustules appeared during the treatment of eczema with a biologic.", "eczema"),
        ("Two abscesses followed joint injections in gout patients.", "gout"),
        ("The swelling stayed unresponsive to antibiotics for a week.", "unresponsive"),
        ("A woman, a known case of psoriasis for ten years, was vaccinated.", "psoriasis"),
    ],
)
def test_what_the_product_was_given_for_is_no_reaction(text, mention):
    assert _status(text, mention) is Assertion.historical


@pytest.mark.parametrize(
    "text",
    [
        "The differential included a foreign-body reaction, sarcoidosis and lymphoma.",
        "Clinical concern was for sarcoidosis and a biopsy was taken.",
        "Such a lesion may be misdiagnosed as sarcoidosis by a clinician.",
    ],
)
def test_a_diagnosis_weighed_is_hypothetical(text):
    assert _status(text, "sarcoidosis") is Assertion.hypothetical


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("She developed necrosis during the treatment with the filler.", "necrosis"),
        ("Biopsy confirmed sarcoidosis after the differential was weighed.", "sarcoidosis"),
        ("Necrosis patients were rare; she developed an abscess in the buttock.", "abscess"),
        ("She was referred for treatment of indurated plaques on the buttocks.", "plaques"),
        ("The paraffinoma was unresponsive to conservative treatment.", "paraffinoma"),
    ],
)
def test_the_reaction_told_beside_stays_the_case(text, mention):
    assert _status(text, mention) is None


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (
            "A 40-year-old woman developed a nodule on the cheek three months after a "
            "hyaluronic acid filler injection. The differential included sarcoidosis and "
            "lymphoma, and histology showed a foreign-body granuloma.",
            "nodule",
            "sarcoidosis",
        ),
        (
            "A 30-year-old woman developed a generalized rash during the treatment of eczema "
            "with weekly dupilumab injections.",
            "rash",
            "eczema",
        ),
    ],
)
def test_a_case_keeps_its_reaction_and_drops_the_condition(text, kept, dropped):
    found = _verbatims(text)
    assert any(kept in v for v in found)
    assert not any(dropped in v for v in found)


def test_an_implant_insertion_scar_is_a_landmark():
    text = (
        "A 30-year-old woman had pain in the arm; the implant was palpable 10 cm above the "
        "insertion scar."
    )
    assert not any("scar" in v for v in _verbatims(text))
