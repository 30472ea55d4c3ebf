"""Drugs named as British or European texts name them, and skin-test antigens
(dermavigil.terminology.drug_variants), on texts we wrote: "lignocaine with adrenaline"
given before a dental extraction, a tuberculin skin test with a blistering reaction."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.drugs import find_drugs


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2 ml of lignocaine were given", "lidocaine"),
        ("adrenaline 1:80,000", "epinephrine"),
        ("after intramuscular pethidine", "meperidine"),
        ("a course of sulphasalazine", "sulfasalazine"),
        ("an oestradiol implant", "estradiol"),
        ("benzathine benzylpenicillin 2.4 MU", "penicillin g benzathine"),
        ("a tuberculin skin test", "tuberculin"),
        ("intralesional Candida antigen", "candida antigen"),
    ],
)
def test_a_british_or_inn_name_is_the_lexicon_drug(text: str, name: str) -> None:
    assert [d.name for d in find_drugs(text)] == [name]


def test_words_with_british_spelling_are_not_drugs_by_themselves() -> None:
    assert find_drugs("the phase of haemorrhage in the oedema") == []


def test_a_local_anaesthetic_named_by_its_british_name_is_the_suspect() -> None:
    text = (
        "Gingival necrosis after a dental block\n"
        "A 45-year-old man had a lower molar extracted. Before the extraction, 2.2 ml of "
        "lignocaine 2% with adrenaline 1:80,000 was injected for an inferior alveolar nerve "
        "block. Three days later a painful ulcer formed at the injection site."
    )
    products = draft_view(extract_draft(text))["products"]
    assert products[0] == ("lignocaine", "drug")


def test_a_tuberculin_skin_test_is_the_exposure() -> None:
    text = (
        "Bullous reaction to a tuberculin skin test\n"
        "A 30-year-old nurse had an intradermal tuberculin test on the left forearm. "
        "Two days later a 25 mm bulla with surrounding erythema developed at the site."
    )
    view = draft_view(extract_draft(text))
    assert view["products"][0] == ("tuberculin", "drug")
    assert view["route"] == "intradermal"
    assert view["route_approval"] is True


def test_a_tuberculin_test_in_a_spanish_text_is_the_exposure() -> None:
    text = (
        "Reacción ampollosa a la prueba de la tuberculina\n"
        "Mujer de 35 años, sin antecedentes de interés. Se le realizó la prueba de la "
        "tuberculina en el antebrazo izquierdo y a las 48 horas presentó una ampolla de 3 cm "
        "con eritema e induración alrededor."
    )
    assert draft_view(extract_draft(text))["products"][0] == ("tuberculina", "drug")
