"""A statement about a condition in general is no event of the case, in a case report written
in Spanish, Portuguese, French, German or Italian (issue 10): a present modal, a frequency
adverb or a report of the literature (:mod:`dermavigil.literature.extract.foreign_generic`);
and a vaccination prefixed "after" names the vaccine given. Texts written for these tests."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.terminology.coder import code_phrase


def _codes(facts) -> set[str]:
    return {c.code for r in facts.reactions for c in r.codes}


def _code(term: str) -> str:
    return code_phrase(term)[0].code


@pytest.mark.parametrize(
    ("text", "language", "kept", "dropped"),
    [
        (
            "Mujer de 52 años que consultó por una placa eritematosa en el brazo tras una "
            "inyección de vitamina B12. Se inició tratamiento tópico. Las inyecciones "
            "intramusculares pueden producir fiebre y linfadenopatía.",
            "es",
            "erythematous plaque",
            "fever",
        ),
        (
            "Homem de 40 anos apresentou edema na coxa dois dias após a aplicação. As reações "
            "locais geralmente se manifestam com prurido e hematoma.",
            "pt",
            "edema",
            "pruritus",
        ),
        (
            "Une femme de 61 ans présentait un nodule de la joue après une injection. Une "
            "urticaire a été rapportée après ce type de produit.",
            "fr",
            "nodule",
            "urticaria",
        ),
        (
            "Eine 35-jährige Patientin bemerkte eine Schwellung am Oberarm. Nach solchen "
            "Injektionen tritt häufig Fieber auf.",
            "de",
            "swelling",
            "fever",
        ),
    ],
)
def test_a_general_statement_after_the_case_names_no_reaction(text, language, kept, dropped):
    codes = _codes(read_foreign(text, language))
    assert _code(kept) in codes and _code(dropped) not in codes


def test_a_patient_sentence_with_a_modal_is_still_the_case():
    text = "El paciente de 70 años puede referir dolor intenso en el glúteo tras la inyección."
    assert _code("pain") in _codes(read_foreign(text, "es"))


def test_a_frequency_of_the_heart_is_no_frequency_adverb():
    text = (
        "Varón de 66 años con lesiones ampollosas en el abdomen tras la administración. "
        "Auscultación: rítmica con frecuencia controlada y crepitantes en ambas bases."
    )
    assert _code("crackles") in _codes(read_foreign(text, "es"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Abscesso subcutâneo pós-vacinação em lactente\nMenina de 8 meses apresentou "
            "um nódulo na coxa.",
            "pt",
        ),
        (
            "Granulome post-vaccinal chez un nourrisson\nUne fille de 9 mois présentait un "
            "nodule de la cuisse.",
            "fr",
        ),
        (
            "Eventos posvacunales en una lactante\nNiña de 7 meses que presentó un nódulo en "
            "el muslo.",
            "es",
        ),
    ],
)
def test_a_vaccination_prefixed_after_names_the_vaccine_given(text, language):
    facts = read_foreign(text, language)
    assert facts.product is not None and facts.product[1] == "vaccine"


@pytest.mark.parametrize(
    "text",
    [
        "Tuvo dolor tras la aplicación. Las lesiones crecieron.",
        "Teve dor após a injeção. As lesões cresceram.",
        "Teve dor no braço. Uma lesão cresceu.",
    ],
)
def test_a_word_ending_in_an_accented_letter_ends_its_sentence(text):
    """The last letters after an accented one ("-ción", "-ção", "-ço") are no initial."""
    assert len(split_sentences(text)) == 2


def test_an_initial_still_ends_no_sentence():
    assert len(split_sentences("Seen by J. Smith. He left.")) == 2
