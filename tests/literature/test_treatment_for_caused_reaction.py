"""A product given "for" a reaction another product caused ("hyaluronidase injection for
filler-induced necrosis") is that reaction's treatment, not the suspect; a reaction told to
be to it keeps it the suspect. Texts written for these tests."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.suspect_roles import treats_complication


def _products(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["category"]) for p in extract_draft(text).case["products"]]


def test_a_product_given_for_a_reaction_named_by_its_cause_treats_it():
    assert treats_complication(" injection for hyaluronic acid filler-induced skin necrosis")
    assert treats_complication(" given for vaccine-related injection site nodules")


def test_for_without_a_caused_reaction_is_no_treatment():
    assert not treats_complication(" injection for lip augmentation two weeks earlier")


def test_a_reaction_told_to_be_to_the_product_keeps_it_the_suspect():
    before = "She had an allergic reaction to "
    assert not treats_complication(" injected for filler-induced nodules", before)


def test_the_filler_is_the_suspect_when_the_title_names_its_treatment_first():
    text = (
        "Outcome of arterial hyaluronidase injection for hyaluronic acid filler-induced "
        "necrosis of the nose\n"
        "A 35-year-old woman developed skin necrosis of the nasal tip one day after a "
        "hyaluronic acid filler injection. The necrosis healed in three weeks."
    )
    assert _products(text)[0][1] == "ha_filler"
