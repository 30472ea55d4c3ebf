"""Suspects the lexicon lacks, named by a brand the text marks with a trademark sign; a
drug named as what the reactions were to ("reactions to therapy with X"); the agent of a
sclerotherapy and a drug named after its concentration. Texts written for these tests."""

from __future__ import annotations

import pytest

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.trademark_names import trademark_mentions


def _products(text: str) -> list[tuple[str, str]]:
    return [(p["name"], p["category"]) for p in extract_draft(text).case["products"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ulcers arose after sclerotherapy with Veinosol® 2% in the calf.", ("Veinosol", "drug")),
        ("She received an injection of Zemarion(R) into the thigh.", ("Zemarion", "drug")),
        ("A nodule formed after injection of Corvalift™ filler.", ("Corvalift", "other")),
        (
            "Hives followed the second dose of Pertivax® vaccine.",
            ("Pertivax", "vaccine"),
        ),
        (
            "Necrosis followed an injection of deoxycholic acid (Lipocura®) in the chin.",
            ("Lipocura", "mesotherapy"),
        ),
    ],
)
def test_a_marked_brand_given_as_the_exposure_is_a_suspect(sentence, expected):
    found = trademark_mentions(sentence, [])
    assert [(m.text, m.category.value) for m in found] == [expected]
    assert sentence[found[0].start : found[0].end] == expected[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "The lesions were treated with Dermacalm® cream twice daily.",
        "Records were searched in PubMed® and Ovid®.",
        "Following Zemarion® injection the pain resolved.",  # the first word is no name
    ],
)
def test_a_marked_name_not_given_as_the_exposure_is_none(sentence):
    found = trademark_mentions(sentence, [])
    assert all(m.text not in {"Dermacalm", "PubMed", "Ovid", "Following"} for m in found)


def test_a_lexicon_drug_marked_with_the_sign_is_found_once():
    sentence = "Necrosis developed after an injection of Kenalog® into the scar."
    from dermavigil.terminology.products import ProductMention

    known = [ProductMention("Kenalog", ProductCategory.drug, 41, 48)]
    assert trademark_mentions(sentence, known) == []


def test_a_case_names_its_marked_brand_as_the_suspect():
    text = (
        "Skin necrosis after foam sclerotherapy with Veinosol®: a case report\n"
        "A 58-year-old woman developed skin necrosis of the ankle two days after foam "
        "sclerotherapy with Veinosol® 1% for varicose veins. The ulcer healed in eight weeks."
    )
    assert _products(text)[0] == ("Veinosol", "drug")


def test_reactions_to_a_therapy_with_a_drug_name_that_drug_as_the_suspect():
    text = (
        "Injection site nodules in reaction to long-term therapy with enfuvirtide\n"
        "A 45-year-old man developed painful nodules at the injection sites. The nodules "
        "persisted for months."
    )
    assert ("enfuvirtide", "drug") in _products(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ethanol sclerotherapy of a venous malformation of the forearm\n"
        "A 33-year-old woman developed skin necrosis over the forearm. The wound healed.",
        "Skin necrosis of the thigh: a case report\n"
        "A 61-year-old woman developed skin necrosis of the thigh three days after "
        "sclerotherapy with 3% polidocanol. The wound healed in six weeks.",
    ],
)
def test_the_agent_of_a_sclerotherapy_is_the_suspect(text):
    assert _products(text)[0][1] == "drug"
    assert _products(text)[0][0].lower() in {"ethanol", "polidocanol"}


@pytest.mark.parametrize(
    "before",
    ["Necrosis followed an injection of 2% ", "She had sclerotherapy with 0.5% "],
)
def test_a_concentration_before_the_name_keeps_it_the_exposure(before):
    from dermavigil.literature.extract.suspect_roles import given_as_exposure

    assert given_as_exposure(before, " into the vein.")
