"""Suspects named by the site of their injection, by a class head noun or with a hyphen
between the words of their name, and injection objects that are anatomical structures
(issue 10, tune rounds r-w and a), on texts we wrote."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.terminology.products import find_products


def _products(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["category"]) for p in extract_draft(text).case["products"]]


def test_the_drug_whose_injection_site_the_reaction_is_at_is_the_suspect():
    """The phrase "at the injection site of X" is the genitive of "X injection site": X was injected
    there, so X is the suspect although no exposure verb names it."""
    assert _products(
        "A subcutaneous granuloma of the abdominal wall\nA 68-year-old man with prostate "
        "cancer was followed after surgery. A firm nodule was found at the injection site of "
        "goserelin acetate during a routine visit three months later."
    ) == [("goserelin acetate", "drug")]


def test_a_drug_named_by_its_class_head_noun_is_a_drug():
    """Named as "a somatostatin analogue", "a pyrazolone derivative", "contrast material": the head
    noun names a pharmacological class, so the descriptive product is a drug, not ``other``."""
    assert _products(
        "Skin necrosis of the buttock\nA 61-year-old woman with a neuroendocrine tumour had a "
        "somatostatin analogue injected into the buttock every four weeks. After the third "
        "dose a painful ulcer developed."
    ) == [("somatostatin analogue", "drug")]


def test_an_artery_injected_into_is_not_the_product():
    """The phrase "accidental injection of the brachial artery" names where the injection went: an
    anatomical structure is never the product."""
    assert (
        _products(
            "Hand ischaemia in a man who injects drugs\nA 30-year-old man presented with a cold, "
            "painful hand after accidental injection of the brachial artery. Gangrene of two "
            "fingers followed."
        )
        == []
    )


def test_what_a_vessel_was_injected_with_is_the_product():
    """In "injection of his brachial artery with a solution of crushed X tablets" the artery
    is where the injection went and the object of "with" is what was injected."""
    assert _products(
        "Hand ischaemia in a man who injects drugs\nA 30-year-old man presented with a cold, "
        "painful hand two hours after accidental injection of his brachial artery with a "
        "solution of crushed oxazepam tablets. Gangrene of two fingers followed."
    ) == [("oxazepam", "drug")]


def test_words_of_a_product_name_joined_by_a_hyphen_are_that_name():
    """In "BCG-vaccination" and "influenza-vaccine" a hyphen joins the words of a family's name
    as a space does, and a case that names its vaccine so has its suspect."""
    assert [(m.text, m.category.value) for m in find_products("after an influenza-vaccine")] == [
        ("influenza-vaccine", "vaccine")
    ]
    assert _products(
        "Sternal osteitis in a toddler\nA 14-month-old girl had a painful swelling over the "
        "sternum ten months after her BCG-vaccination."
    ) == [("BCG-vaccination", "vaccine")]
