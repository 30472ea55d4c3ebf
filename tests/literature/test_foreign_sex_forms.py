"""The patient's sex in a text in another language (issue 10): the sex named as a gender, a
title, a feminine form (never generic); a generic masculine states none. Texts written for
these tests."""

from __future__ import annotations

import pytest

from dermavigil.domain.vocab import Sex
from dermavigil.literature.extract.foreign import read_foreign


@pytest.mark.parametrize(
    ("text", "language", "sex"),
    [
        ("Se atendió a paciente femenino de 47 años con eritema en el brazo.", "es", Sex.female),
        ("Caso de um indivíduo do género masculino, de 58 anos, com dor no braço.", "pt", Sex.male),
        ("Nous rapportons le cas de monsieur R, 66 ans, avec un œdème.", "fr", Sex.male),
        ("Une personne âgée de 52 ans consultait pour un œdème du bras.", "fr", Sex.female),
        ("Eine 71-jährige bemerkte eine Schwellung am Oberarm.", "de", Sex.female),
    ],
)
def test_a_gender_a_title_or_a_feminine_form_names_the_sex(text, language, sex):
    assert read_foreign(text, language).sex is sex


def test_a_generic_masculine_names_no_sex():
    facts = read_foreign("Der 64-jährige Patient bemerkte eine Schwellung am Oberarm.", "de")
    assert facts.sex is None
