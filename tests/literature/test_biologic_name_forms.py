"""Biologics named as case reports name them (dermavigil.terminology.drug_variants and the
INN pre-stem "som-" of dermavigil.terminology.drugs): a Greek letter written as the letter
("interferon-\u03b1-2b"), an INN's words joined by a hyphen ("certolizumab-pegol"), the
MeSH common name of somatropin ("recombinant human growth hormone") and a growth hormone
newer than the lexicon ("somatrogon"). Every text here is our own."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.drugs import find_drugs


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("weekly subcutaneous interferon-\u03b1-2b injections", "interferon alfa-2b"),
        ("on interferon-\u03b2-1b", "interferon beta-1b"),
        ("certolizumab-pegol every two weeks", "certolizumab pegol"),
        ("daily recombinant human growth hormone", "somatropin"),
        ("weekly somatrogon", "somatrogon"),
        ("once-weekly somapacitan", "somapacitan"),
    ],
)
def test_a_biologic_named_in_another_form_is_a_drug(text: str, name: str) -> None:
    assert [d.name for d in find_drugs(text)] == [name]


def test_words_that_begin_like_the_growth_hormone_stem_are_not_drugs() -> None:
    assert find_drugs("somnolence, somatic symptoms and somatization") == []


@pytest.mark.parametrize(
    ("text", "product"),
    [
        (
            "Lipoatrophy of the thighs during somatrogon treatment\n"
            "A 9-year-old boy with growth hormone deficiency was started on weekly somatrogon "
            "injections into both thighs. After four months his mother noticed depressions of "
            "the skin at the injection sites, which improved once the sites were rotated.",
            "somatrogon",
        ),
        (
            "Psoriasiform eruption during certolizumab-pegol\n"
            "A 37-year-old woman with Crohn's disease developed scaly plaques on the trunk five "
            "months after starting certolizumab-pegol injections. The plaques cleared with a "
            "topical corticosteroid.",
            "certolizumab-pegol",
        ),
    ],
)
def test_the_biologic_is_the_suspect(text: str, product: str) -> None:
    products = extract_draft(text).case["products"]
    assert [(p["name"].lower(), p["category"]) for p in products][:1] == [(product, "drug")]


def test_screening_keeps_a_biologic_case_that_never_says_injection() -> None:
    """A monoclonal antibody (-mab) is given by injection or infusion: a case report of a
    reaction to one is screened in even when the abstract says only "therapy"."""
    from dermavigil.literature.biblio import Record
    from dermavigil.literature.screen import screen_record

    record = Record(
        title="Neutrophilic dermatosis after starting risankizumab",
        abstract=(
            "We report a 58-year-old man with psoriasis who developed painful red plaques on "
            "the arms and fever ten days after starting risankizumab therapy. A biopsy showed a "
            "dense dermal neutrophilia, and the plaques cleared with oral prednisone."
        ),
    )
    assert screen_record(record).relevant


def test_a_title_naming_the_drug_therapy_as_the_cause_names_the_suspect() -> None:
    """ "X therapy causing Y": the drug is what the reaction was to, even when the case
    sentences name it only among the patient's earlier treatments."""
    text = (
        "Evolocumab therapy causing a lichenoid eruption of the forearms\n"
        "A 66-year-old man with familial hypercholesterolaemia had stopped atorvastatin, "
        "ezetimibe and niacin because of myalgia. Eight weeks later violaceous flat papules "
        "appeared on both forearms; a biopsy showed interface dermatitis."
    )
    products = extract_draft(text).case["products"]
    assert [(p["name"].lower(), p["category"]) for p in products][:1] == [("evolocumab", "drug")]


def test_a_drug_class_named_by_a_phrase_ends_before_a_temporal_preposition() -> None:
    """ "injection of a local anaesthetic during a surgical procedure": the product is the
    local anaesthetic (a drug class), not a phrase running into the procedure."""
    text = (
        "Skin necrosis of the flank\n"
        "A 61-year-old woman developed a black eschar over the flank four days after injection "
        "of a local anesthetic during a surgical procedure on the hip."
    )
    products = extract_draft(text).case["products"]
    assert [(p["name"], p["category"]) for p in products][:1] == [("local anesthetic", "drug")]


def test_improvement_without_discontinuation_is_no_dechallenge() -> None:
    """ "improved ... without discontinuation of X": the drug was kept, so no dechallenge
    (docs/annotation.md: a dechallenge ties improvement to stopping the product)."""
    text = (
        "Psoriasiform eruption during adalimumab\n"
        "A 37-year-old woman with Crohn's disease developed scaly plaques on the trunk five "
        "months after starting adalimumab injections. The plaques improved with a "
        "topical corticosteroid without discontinuation of adalimumab."
    )
    assert draft_view(extract_draft(text))["dechallenge"] is None


def test_a_lower_case_prefixed_abbreviation_names_the_hormone() -> None:
    """ "recombinant human growth hormone (rhGH)", then "rhGH": the short form of a
    recombinant protein begins in lower case and still names the product."""
    text = (
        "Lipoatrophy of the arms in a child on growth hormone\n"
        "Recombinant human growth hormone (rhGH) is given by daily injections. A 6-year-old "
        "girl was started on rhGH for short stature. After two years of rhGH she had "
        "depressions of the skin of both upper arms where she was injected."
    )
    products = extract_draft(text).case["products"]
    assert [(p["name"], p["category"]) for p in products][:1] == [("rhGH", "drug")]
