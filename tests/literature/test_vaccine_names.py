"""A disease named in a vaccine's name is the vaccine's target, not a reaction (issue 10,
reactions of this patient only)."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.vaccine_names import names_a_vaccine

REPORT = (
    "Firm nodule at the site of a combined childhood vaccine\n"
    "A 14-month-old girl received a combined vaccine (diphtheria, tetanus, pertussis, "
    "hepatitis B) and a measles vaccine into the left thigh. Two weeks later she developed "
    "a firm, itchy nodule at the injection site, which resolved within four months."
)


def _span(text: str, word: str) -> tuple[int, int]:
    return text.index(word), text.index(word) + len(word)


def test_the_diseases_a_combined_vaccine_is_named_by_are_no_reactions() -> None:
    draft = extract_draft(REPORT)
    verbatims = " ".join(r["verbatim"].lower() for r in draft.case["reactions"])
    for disease in ("diphtheria", "tetanus", "pertussis", "hepatitis", "measles"):
        assert disease not in verbatims
    assert "nodule" in verbatims


@pytest.mark.parametrize(
    ("text", "mention", "target"),
    [
        ("She came for her third rabies pre-exposure vaccination.", "rabies", True),
        ("Lichenoid papules at the site of a Hepatitis B Virus Vaccination\n", "Hepatitis", True),
        ("The tetanus toxoid was given in the deltoid.", "tetanus", True),
        ("A combined vaccine (diphtheria, tetanus, pertussis) was given.", "tetanus", True),
        # the vaccine as the cause, or its name told apart: the mention stays a reaction
        ("Fever began after the influenza vaccine.", "Fever", False),
        ("Erythema (influenza vaccine, second dose) spread to the elbow.", "Erythema", False),
        ("A granuloma HPV vaccine induced in the deltoid.", "granuloma", False),
        ("An itching vaccination granuloma was excised.", "itching", False),
    ],
)
def test_a_vaccine_s_target_is_read_from_its_noun_phrase(
    text: str, mention: str, target: bool
) -> None:
    assert names_a_vaccine(text, *_span(text, mention)) is target
