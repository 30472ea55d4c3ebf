"""Suspect-product and route-approval classes found on real published case reports (round
r3xx), each pinned on a text we wrote: a wrong technique stated in its many wordings, a
filler injected into an artery, a material named as industrial, a correct technique, a
hedged wrong route; a product used to reverse the complication, an unnamed filler, a
peptide, a drug class given as the cause; a drug found by its INN stem, a usual treatment
given as injections, a filler family named with a cosmetic form, a clause read as a name,
a vaccine brand."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.generic_products import generic_mentions
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.extract.wrong_route import WRONG as _WRONG
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.drugs import find_drugs, is_vaccine

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _suspect(name: str) -> dict:
    return extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8")).case["products"][0]


def _approval(name: str) -> bool | None:
    return draft_view(extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8")))[
        "route_approval"
    ]


@pytest.mark.parametrize(
    "wording",
    [
        "after inaccurate intradermal injections of the extract",
        "an inappropriate site of administration of the vaccine",
        "an improper intramuscular injection technique",
        "the drug was injected too superficially",
        "the product was given intradermally instead of subcutaneously",
        "the toxin had been administered erroneously into the lid",
        "the filler, which was injected intra-arterially",
        "an accidental intravascular injection",
    ],
)
def test_wrong_technique_wordings(wording: str) -> None:
    assert _WRONG.search(wording)


@pytest.mark.parametrize(
    "wording",
    [
        "the outcome after filler injection is poor",
        "a proper injection technique was used",
        "hyaluronic acid was injected into the dermis",
    ],
)
def test_not_a_wrong_technique(wording: str) -> None:
    assert not _WRONG.search(wording)


def test_an_extract_given_intradermally_instead_of_subcutaneously():
    product = _suspect("d90_allergen_intradermal_instead")
    assert product["category"] == "allergen_immunotherapy"
    # the route meant ("instead of subcutaneously") and the later tolerated course are not
    # the route used
    assert product["route"] == "intradermal"
    assert product["additional_information"] == ["off_label_use"]


def test_an_inappropriate_site_of_administration_and_an_oral_treatment():
    product = _suspect("d91_vaccine_inappropriate_site")
    assert (product["name"], product["category"]) == ("influenza vaccine", "vaccine")
    assert "route" not in product  # "treated with oral ibuprofen" is the treatment's route
    assert _approval("d91_vaccine_inappropriate_site") is False


def test_a_filler_injected_into_an_artery_against_its_family_label():
    product = _suspect("d92_filler_into_an_artery")
    assert product["category"] == "ha_filler"
    assert product["route"] == "intra_arterial"
    assert product["approved_routes"] == ["intradermal", "subcutaneous"]  # the HA filler family
    assert _approval("d92_filler_into_an_artery") is False


def test_an_industrial_material_is_not_made_for_injection():
    product = _suspect("d93_industrial_silicone")
    assert (product["name"], product["category"]) == ("industrial silicone", "other")
    assert _approval("d93_industrial_silicone") is False


def test_a_correct_technique_and_a_hedged_wrong_route():
    product = _suspect("d94_vaccine_correct_technique")
    # "may have been inadvertently injected into the fat" is the authors' guess
    assert "additional_information" not in product
    assert product["route"] == "intramuscular"
    assert _approval("d94_vaccine_correct_technique") is True


def _products(name: str) -> list[tuple[str, str]]:
    draft = extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8"))
    return [(p["name"], p["category"]) for p in draft.case["products"]]


def test_a_product_used_to_reverse_the_complication_is_a_treatment_not_a_suspect():
    # "platelet-rich plasma to reverse skin necrosis", "recovery aided by use of PRP"
    assert _products("d95_prp_reverses_necrosis") == [("calcium hydroxylapatite filler", "caha")]


def test_an_unnamed_filler_takes_the_family_the_abstract_names_elsewhere():
    assert _products("d96_unnamed_filler_family_elsewhere") == [("filler", "ha_filler")]


def test_an_unnamed_filler_dissolved_with_hyaluronidase_stays_an_unnamed_filler():
    """docs/annotation.md: a "dermal filler" of an unnamed type is ``other`` (the r083 and r205
    corrections); hyaluronidase given does not name the material."""
    draft = extract_draft(
        (DATA / "d97_filler_dissolved_hyaluronidase.txt").read_text(encoding="utf-8")
    )
    assert [(p["name"], p["category"]) for p in draft.case["products"]] == [
        ("dermal filler", "other")
    ]
    assert [t["drug"] for t in draft.case["treatments"]] == ["hyaluronidase"]


def test_a_peptide_named_with_its_injections_is_the_suspect():
    assert _products("d98_peptide_injections") == [("acetyl hexapeptide-8", "other")]


def test_a_drug_class_given_as_the_cause_without_its_route():
    assert _products("d99_lipoatrophy_from_steroid_injection") == [("steroid", "drug")]


def test_a_drug_the_lexicon_lacks_is_found_by_its_inn_stem():
    assert [d.text for d in find_drugs("a subcutaneous injection of cyclizine")] == ["cyclizine"]
    # English words with look-alike endings are not drugs
    assert find_drugs("the concept of cholesterol in April, a magazine and a routine") == []
    product = _suspect("d80_cyclizine_inn_stem")
    assert (product["name"], product["category"], product["route"]) == (
        "cyclizine",
        "drug",
        "subcutaneous",
    )
    assert _approval("d80_cyclizine_inn_stem") is True


def test_a_usual_treatment_given_as_injections_after_the_reaction_is_not_a_suspect():
    # "treated with oral corticosteroids and monthly intralesional triamcinolone injections"
    assert _products("d81_triamcinolone_treatment_injections") == [
        ("calcium hydroxylapatite filler", "caha")
    ]


def test_a_filler_family_named_with_a_cosmetic_form_is_a_cosmetic_injected_wrongly():
    assert _products("d82_ha_serum_self_injected") == [("hyaluronic acid serum", "other")]
    assert _approval("d82_ha_serum_self_injected") is False


def test_a_clause_is_not_a_descriptive_product_name():
    sentences = split_sentences("Injection of the drug is a possible cause of the necrosis.")
    assert generic_mentions(sentences) == []


def test_a_vaccine_brand_of_the_faers_and_vaers_data_is_a_vaccine():
    assert is_vaccine("Gardasil") and is_vaccine("Boostrix") and is_vaccine("Fluzone")
    assert not is_vaccine("diclofenac")
    product = _suspect("d83_vaccine_brand")  # "her second dose of Gardasil, given IM"
    assert (product["name"], product["category"], product["route"]) == (
        "Gardasil",
        "vaccine",
        "intramuscular",
    )
    assert _approval("d83_vaccine_brand") is True
