"""Which sentences of a text in another language tell the case (issue 10): the sentences
under a case label, a German sentence whose nouns are all capitalised; texts written for
these tests."""

from __future__ import annotations

from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.terminology.coder import code_phrase


def _reads(facts, *english: str) -> bool:
    """Every English term is among the codes of the reactions read."""
    found = {c.code for r in facts.reactions for c in r.codes}
    return all(code_phrase(term)[0].code in found for term in english)


def test_every_sentence_under_a_case_label_tells_the_case():
    facts = read_foreign(
        "Réactions cutanées tardives après vaccination\n"
        "Observation\n"
        "Une fillette de 6 ans consultait en dermatologie.\n"
        "Cliniquement, on notait un prurit et une hypertrichose de la cuisse gauche.\n",
        "fr",
    )
    assert _reads(facts, "pruritus", "hypertrichosis")


def test_a_german_sentence_of_capitalised_nouns_is_no_list_of_names():
    facts = read_foreign(
        "Eine 60-jährige Patientin stellte sich vor. Klinischer Befund Am Unterschenkel "
        "Schwellung und Juckreiz mit Rötung der Haut.",
        "de",
    )
    assert _reads(facts, "swelling", "pruritus")


def test_a_case_label_run_into_its_first_sentence_opens_the_case():
    facts = read_foreign(
        "Introduction : les injections de mésothérapie sont fréquentes en France. "
        "ObservationUne femme de 50 ans consultait pour une douleur du genou. "
        "L'examen montrait un purpura de la jambe gauche.",
        "fr",
    )
    assert _reads(facts, "purpura")


def _verbatims(text: str, language: str) -> list[str]:
    return [r.verbatim for r in read_foreign(text, language).reactions]


def test_what_the_blood_tests_showed_is_no_reaction():
    spanish = _verbatims(
        "Mujer de 64 años que acude por placas eritematosas dolorosas en el abdomen. La "
        "analítica muestra leucocitosis e hipocalcemia.",
        "es",
    )
    assert spanish
    assert not {"leukocytosis", "hypocalcemia"} & set(spanish)
    french = _verbatims(
        "Une patiente âgée de 70 ans présentait un érythème du bras. Le bilan biologique "
        "montrait une leucopénie.",
        "fr",
    )
    assert french and "leukopenia" not in french
    german = _verbatims(
        "Eine 58-jährige Patientin stellte sich mit einer Schwellung am Gesäß vor. Im Labor "
        "zeigte sich eine Leukozytose.",
        "de",
    )
    assert german and "leukocytosis" not in german
    told = _verbatims(
        "Varón de 40 años que consulta por un nódulo en el glúteo. En el laboratorio se "
        "presentó con fiebre.",
        "es",
    )
    assert "fever" in told
