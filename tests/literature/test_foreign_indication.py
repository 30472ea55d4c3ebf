"""The condition a product was given for, in case reports in other languages (issue 10): bound
to the giving by a preposition of purpose or cause, it is the indication, not a reaction
(:mod:`dermavigil.literature.extract.foreign_indication`); on texts written for these tests."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.foreign import read_foreign


def _read(text: str, language: str) -> list[str]:
    return [r.verbatim for r in read_foreign(text, language).reactions]


@pytest.mark.parametrize(
    ("language", "text", "reaction", "indication"),
    [
        (
            "es",
            "Mujer de 44 años. En marzo, debido a una amigdalitis aguda recibió penicilina "
            "benzatina por vía intramuscular. A las dos horas presentó urticaria generalizada.",
            "urticaria",
            "tonsillitis",
        ),
        (
            "fr",
            "Une femme de 52 ans avait reçu une séance de mésothérapie réalisée pour une "
            "tendinite du genou. Trois semaines plus tard, elle présentait des nodules.",
            "nodules",
            "tendonitis",
        ),
        (
            "de",
            "Eine 61-jährige Patientin erhielt eine Injektion wegen Rückenschmerzen. Zwei Tage "
            "später zeigte sich eine Nekrose der Haut am Gesäß.",
            "necrosis",
            "back pain",
        ),
    ],
)
def test_the_condition_a_product_was_given_for_is_no_reaction(language, text, reaction, indication):
    found = _read(text, language)
    assert reaction in found
    assert not any(indication in term for term in found)


def test_a_reaction_told_before_stays_when_a_treatment_is_given_because_of_it():
    text = (
        "Varón de 30 años que presentó nódulos eritematosos tras una inyección de ácido "
        "hialurónico. Debido a la celulitis recibió tratamiento con amoxicilina."
    )
    assert "cellulitis" in _read(text, "es")


def test_a_treatment_named_before_the_purpose_keeps_the_reaction_it_treats():
    text = (
        "Mujer de 40 anos com nódulos na face após preenchimento. Recebeu tratamento com "
        "corticoides por edema importante."
    )
    assert "edema" in _read(text, "pt")
