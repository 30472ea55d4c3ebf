"""Word forms of case reports in other languages (issue 10): an adjective or a participle
read as the noun it derives from (:mod:`dermavigil.terminology.derivation`), on texts written
for these tests."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.derivation import noun_forms
from dermavigil.terminology.translation_gloss import skin_heads


def _reads(facts, *english: str) -> bool:
    """Every English term is among the codes of the reactions read."""
    found = {c.code for r in facts.reactions for c in r.codes}
    return all(code_phrase(term)[0].code in found for term in english)


@pytest.mark.parametrize(
    ("word", "language", "noun"),
    [
        ("ampollosas", "es", "ampolla"),
        ("indurada", "es", "induracion"),
        ("ulceradas", "pt", "ulceracao"),
        ("indurée", "fr", "induration"),
        ("nodulaires", "fr", "nodule"),
        ("schmerzhaften", "de", "schmerz"),
        ("douloureuses", "fr", "douleur"),
        ("erythematösen", "de", "erythematous"),  # -ös: the English cognate's -ous
    ],
)
def test_an_adjective_gives_the_noun_it_derives_from(word, language, noun):
    assert noun in noun_forms(word, language)


def test_a_word_without_a_derivational_ending_gives_no_noun():
    assert noun_forms("dolor", "es") == [] and noun_forms("Knoten", "de") == []


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        (
            "Varón de 61 años que a los dos días de la inyección presentó lesiones "
            "ampollosas sobre una placa indurada del muslo.",
            "es",
            ["blistering", "induration"],
        ),
        (
            "Paciente do sexo feminino, 45 anos, apresentou lesões ulceradas no braço "
            "uma semana após a aplicação.",
            "pt",
            ["ulceration"],
        ),
        (
            "Eine 48-jährige Patientin stellte sich mit einem schmerzhaften Knoten am Oberarm vor.",
            "de",
            ["pain"],
        ),
        (
            "Un homme de 33 ans présentait des lésions douloureuses de la cuisse dix jours "
            "après l'injection.",
            "fr",
            ["pain"],
        ),
        (
            "Ein 70-jähriger Patient stellte sich mit einer erythematösen Schwellung am Knie vor.",
            "de",
            ["erythema"],
        ),
    ],
)
def test_an_adjective_of_a_lesion_is_read_as_its_noun(text, language, english):
    assert _reads(read_foreign(text, language), *english)


def test_the_head_word_of_a_skin_lesions_label_names_the_lesion_alone():
    assert skin_heads("es")["placa"] == "plaque" and skin_heads("fr")["plaque"] == "plaque"
    assert "placa" in skin_heads("pt")  # read from the Spanish labels Portuguese lacks
    facts = read_foreign(
        "Mujer de 39 años que a las tres semanas de la inyección presentó una placa "
        "violácea en la mejilla.",
        "es",
    )
    assert _reads(facts, "plaque")
