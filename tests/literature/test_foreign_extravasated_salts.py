"""A drug a case in Spanish, Portuguese, French, Italian or German says was extravasated is
the suspect, and a salt named by its anion and the cation's adjective ("gluconato cálcico")
is the lexicon's salt. Texts written for these tests."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.terminology.drug_spellings import romance_salt


def _products(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["category"]) for p in extract_draft(text).case["products"]]


@pytest.mark.parametrize(
    ("phrase", "english"),
    [
        ("gluconato calcico", "calcium gluconate"),
        ("bicarbonato sodico", "sodium bicarbonate"),
        ("gluconato de calcio", "calcium gluconate"),
    ],
)
def test_a_salt_named_by_the_cations_adjective_is_the_lexicon_salt(phrase, english):
    assert romance_salt(phrase) == english


def test_a_salt_named_by_a_word_that_is_no_cation_is_none():
    assert romance_salt("gluconato clasico") is None


def test_the_drug_a_spanish_case_says_was_extravasated_is_the_suspect():
    text = (
        "Calcinosis cutánea en el antebrazo de un adulto\n"
        "Presentamos el caso de un varón de 60 años que desarrolló pápulas blanquecinas en el "
        "antebrazo izquierdo secundarias a extravasación de gluconato cálcico durante su "
        "ingreso. Las lesiones se resolvieron en dos meses."
    )
    assert _products(text) == [("gluconato cálcico", "drug")]
