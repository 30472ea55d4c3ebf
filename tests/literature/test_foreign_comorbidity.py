"""Illnesses a patient is introduced with, in case reports in other languages (issue 10):
joined to the patient's noun by "with" before the story's first verb, a chronic illness is
pre-existing, not a reaction (:mod:`dermavigil.literature.extract.foreign_comorbidity`); on
texts written for these tests."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.foreign import read_foreign


def _read(text: str, language: str) -> list[str]:
    return [r.verbatim for r in read_foreign(text, language).reactions]


@pytest.mark.parametrize(
    ("language", "text", "reaction", "illnesses"),
    [
        (
            "es",
            "Varón de 38 años de edad con hipertensión arterial sistémica e insuficiencia renal "
            "crónica, que acudió por una placa necrótica en el glúteo tras una inyección.",
            "plaque",
            ("hypertension", "renal insufficiency"),
        ),
        (
            "fr",
            "Une femme de 47 ans, ayant une hypothyroïdie auto-immune depuis dix ans, a présenté "
            "des nodules douloureux après une injection d'acide hyaluronique.",
            "nodules",
            ("hypothyroidism",),
        ),
        (
            "pt",
            "Paciente do sexo feminino, 50 anos, com hipertensão e diabetes, apresentou abscesso "
            "glúteo após injeção.",
            "abscess",
            ("hypertension",),
        ),
    ],
)
def test_an_illness_the_patient_is_introduced_with_is_no_reaction(
    language, text, reaction, illnesses
):
    found = _read(text, language)
    assert reaction in found
    assert not any(illness in term for term in found for illness in illnesses)


def test_a_lesion_the_patient_is_introduced_with_stays_the_reaction():
    text = (
        "Mujer de 45 años con nódulos dolorosos y eritema en los labios, que consultó dos "
        "meses después del relleno."
    )
    assert {"nodules", "erythema"} <= set(_read(text, "es"))


def test_an_illness_told_with_its_cause_is_the_event():
    text = "Mujer de 30 años con oclusión vascular tras la inyección de ácido hialurónico."
    assert "vascular occlusion" in _read(text, "es")


def test_a_complaint_told_with_how_many_days_it_has_lasted_stays_the_reaction():
    text = (
        "Homem, 35 anos, com intensa dispneia e dor abdominal há 2 dias, febre e tosse "
        "produtiva há 1 dia. Havia realizado injeções de silicone nos glúteos."
    )
    assert {"dyspnea", "fever"} <= set(_read(text, "pt"))
