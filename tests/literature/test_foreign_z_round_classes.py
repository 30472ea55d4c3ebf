"""Classes of the z0xx round's case reports in Spanish and Portuguese (issue 10): clinical
words read by their English form, the patient's background, on texts written for these
tests."""

from __future__ import annotations

import pytest

from dermavigil.domain.vocab import Outcome
from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.terminology.coder import code_phrase


def _codes(facts) -> set[str]:
    return {c.code for r in facts.reactions for c in r.codes}


def _code(english: str) -> str:
    return code_phrase(english)[0].code


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        (
            "Mujer de 52 años que presentó hipopigmentación en el antebrazo tras la "
            "inyección de un corticoide.",
            "es",
            ["hypopigmentation"],
        ),
        (
            "Paciente do sexo masculino, 60 anos, apresentou equimose e bolhas na coxa "
            "após injeção intramuscular.",
            "pt",
            ["ecchymosis", "blistering"],
        ),
    ],
)
def test_a_word_of_a_label_or_a_cognate_is_read_by_its_english_form(text, language, english):
    assert {_code(e) for e in english} <= _codes(read_foreign(text, language))


def test_a_disease_ontology_name_is_read_by_its_cognate():
    facts = read_foreign("Hombre de 40 años que presentó flebitis tras la inyección.", "es")
    assert "phlebitis" in {r.verbatim for r in facts.reactions}


def test_a_colour_or_an_infection_named_alone_is_no_glossed_reaction():
    facts = read_foreign(
        "Mujer de 35 años que presentó una lesión rojiza en el labio, tratada antes "
        "por una infección urinaria, tras la inyección de relleno.",
        "es",
    )
    assert not {"red", "infection"} & {r.verbatim for r in facts.reactions}


def test_the_patients_background_gives_no_reaction_and_no_treatment():
    facts = read_foreign(
        "Mujer de 70 años con antecedentes de diabetes mellitus e hipertensión arterial, "
        "en tratamiento con metformina y enalapril. Acudió por un absceso en el glúteo "
        "tras una inyección intramuscular. Se trató con amoxicilina.",
        "es",
    )
    codes = _codes(facts)
    assert _code("abscess") in codes
    assert not {_code("diabetes mellitus"), _code("hypertension")} & codes
    assert [t.drug for t in facts.treatments] == ["amoxicillin"]


def test_a_with_phrase_after_the_background_is_the_case_again():
    facts = read_foreign(
        "Relatamos o caso de um lactente, portador de anemia falciforme, com "
        "linfadenite supurativa após a vacinação.",
        "pt",
    )
    assert _code("lymphadenitis") in _codes(facts)


@pytest.mark.parametrize(
    "told",
    [
        "La herida evolucionó de forma favorable.",
        "Se indicó reposo, con buena evolución clínica.",
        "Tras la crema, las lesiones siguen mejorando.",
        "O quadro evoluiu bem após a drenagem.",
    ],
)
def test_a_favourable_course_is_recovering(told):
    facts = read_foreign(
        f"Mujer de 60 años que presentó un absceso en el glúteo tras una inyección. {told}",
        "es",
    )
    assert facts.outcome is Outcome.recovering


def test_improving_a_contour_is_no_outcome():
    facts = read_foreign(
        "Mujer de 30 años que presentó nódulos tras un relleno para mejorar el contorno.", "es"
    )
    assert facts.outcome is None


@pytest.mark.parametrize(
    ("text", "language", "days"),
    [
        (
            "Mujer de 30 años. A los tres días presentó un nódulo doloroso en el glúteo "
            "tras la inyección.",
            "es",
            3,
        ),
        (
            "Homem de 50 anos submetido a infiltração. Após 2 semanas iniciou dor e "
            "eritema no local.",
            "pt",
            14,
        ),
        (
            "Mulher de 45 anos com injeções de silicone. Após 8 anos apresentou nódulos "
            "nas pernas.",
            "pt",
            8 * 365.25,
        ),
    ],
)
def test_a_latency_told_before_the_signs_verb(text, language, days):
    facts = read_foreign(text, language)
    assert facts.onset is not None and facts.onset.days() == pytest.approx(days)


def test_an_age_in_years_before_the_injection_is_no_latency():
    facts = read_foreign("Mujer de 45 años tras la inyección de relleno presentó nódulos.", "es")
    assert facts.onset is None


def test_what_a_biopsy_showed_is_read_as_an_english_phrase():
    facts = read_foreign(
        "Mujer de 50 años con nódulos en la mejilla tras un relleno. La biopsia mostró una "
        "reacción granulomatosa a cuerpo extraño. Se observaron células gigantes "
        "multinucleadas.",
        "es",
    )
    found = {c.code for f in facts.findings for c in f.codes}
    assert {_code("foreign body granuloma"), _code("multinucleated giant cells")} <= found
    assert not {_code("multinucleated giant cells")} & _codes(facts)


@pytest.mark.parametrize(
    ("text", "language", "drugs"),
    [
        (
            "Mujer de 40 años con un absceso glúteo tras una inyección. Se indicó tratamiento "
            "con ampicilina sulbactam por vía oral.",
            "es",
            ["ampicillin-sulbactam"],
        ),
        (
            "Homem de 30 anos com necrose após injeção. Foi realizada intubação orotraqueal e "
            "ventilação mecânica.",
            "pt",
            ["orotracheal intubation", "mechanical ventilation"],
        ),
        (
            "Mujer de 45 años con edema tras la inyección de ácido hialurónico. Se trató con "
            "ácido tranexámico.",
            "es",
            ["tranexamic acid"],
        ),
    ],
)
def test_treatments_named_in_the_languages_words(text, language, drugs):
    facts = read_foreign(text, language, suspects=frozenset({"ácido hialurónico"}))
    assert [t.drug for t in facts.treatments] == drugs


def test_a_series_patients_counted_tell_its_reactions():
    facts = read_foreign(
        "Preenchimento com ácido hialurônico: série de casos. Foram avaliados 40 pacientes "
        "após o preenchimento. Granuloma foi observado em 12 pacientes; edema, em 9.",
        "pt",
    )
    assert {_code("granuloma"), _code("edema")} <= _codes(facts)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Mujer de 30 años, con hipotiroidismo como único antecedente de interés, que "
            "presentó fiebre tras la inyección.",
            "es",
        ),
        ("Homme de 40 ans atteint d'une hypothyroïdie, qui a présenté de la fièvre.", "fr"),
    ],
)
def test_a_condition_the_patient_lives_with_is_no_reaction(text, language):
    codes = _codes(read_foreign(text, language))
    assert _code("fever") in codes and _code("hypothyroidism") not in codes
