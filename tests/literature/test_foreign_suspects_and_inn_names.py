"""Suspects a case report names in another language or by an INN the FDA lexicon lacks, and
the route approval they carry (docs/annotation.md, r9xx decisions), pinned on texts we
wrote: a low-molecular-weight heparin tied to the reaction in Spanish, given by its labelled
route; a veterinary vaccine injected by accident, in French (approved false); an LHRH
analogue named by its INN (-relin), not by its class."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.drugs import find_drugs

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _own(name: str) -> dict:
    return draft_view(extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8")))


def test_own_text_spanish_heparin_tied_to_the_reaction_and_its_route():
    view = _own("dpr01_spanish_lmwh_subcutaneous")
    assert view["products"] == [("enoxaparina", "drug")]
    assert view["route"] == "subcutaneous" and view["route_approval"] is True


def test_own_text_french_vaccine_injected_by_accident():
    view = _own("dpr02_french_veterinary_vaccine")
    assert [c for _, c in view["products"]] == ["vaccine"]
    assert view["route_approval"] is False


def test_own_text_lhrh_analogue_by_its_inn():
    view = _own("dpr03_lhrh_depot_inn_name")
    # a drug implant named by its drug is that drug, named with its implant word
    # (docs/annotation.md, the y0xx decisions)
    assert view["products"] == [("buserelin implants", "drug")]


@pytest.mark.parametrize("word", ["leuprorelin", "buserelin", "deslorelin"])
def test_an_lhrh_inn_is_a_drug_name(word: str):
    assert [d.name for d in find_drugs(f"nodules after {word} acetate injections")][:1] == [word]


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("fr", "Nécrose suite à l’injection d’héparine\nUn patient de 70 ans.", "héparine"),
        ("es", "Necrosis cutánea por heparina\nUn hombre de 60 años con necrosis.", "heparina"),
        ("fr", "Un patient de 75 ans avait reçu de l’héparine non fractionnée.", "héparine"),
        ("es", "Una mujer de 50 años con dermatosis inducida por enoxaparina.", "enoxaparina"),
    ],
)
def test_a_drug_given_or_tied_to_the_reaction_in_another_language(
    language: str, text: str, name: str
):
    facts = read_foreign(text, language)
    assert facts.product is not None and facts.product[0] == name


def test_a_drug_that_treated_the_reaction_in_a_title_is_no_suspect():
    text = "Necrosis tratada por heparina\nUna mujer de 50 años presentó necrosis."
    assert read_foreign(text, "es").product is None


def test_own_text_chinese_family_name():
    view = _own("dpr04_chinese_ha_filler")
    assert view["products"] == [("透明质酸", "ha_filler")]


def test_own_text_spanish_pmma_name_is_a_filler_material():
    view = _own("dpr05_spanish_pmma_buttocks")
    assert view["products"] == [("metacrilato", "other")]


def test_own_text_threads_named_without_a_lift():
    view = _own("dpr06_barbed_threads")
    assert view["products"] == [("barbed threads", "other")]


def test_own_text_mercury_self_injected_with_an_insulin_syringe():
    view = _own("dpr07_mercury_insulin_syringe")
    assert [c for _, c in view["products"]] == ["other"]
    assert "mercury" in view["products"][0][0] and view["route_approval"] is False


def test_industrial_strength_silicone_is_not_made_for_injection():
    text = (
        "Hypercalcemia after body contouring\nA 40-year-old woman presented with hypercalcemia"
        " secondary to body contouring injections with industrial strength silicone."
    )
    view = draft_view(extract_draft(text))
    assert view["products"] == [("industrial strength silicone", "other")]
    assert view["route_approval"] is False


def test_threads_seen_on_histology_are_no_product():
    text = (
        "Nodules after a filler\nA 30-year-old woman developed nodules after a hyaluronic acid"
        " filler. Histology showed fungal threads."
    )
    assert [c for _, c in draft_view(extract_draft(text))["products"]] == ["ha_filler"]


def test_own_text_route_of_a_family_named_in_another_language():
    view = _own("dpr12_french_vaccination_route")
    assert [c for _, c in view["products"]] == ["vaccine"]
    assert view["route"] == "intramuscular" and view["route_approval"] is True


def test_own_text_drugs_listed_after_the_giving():
    view = _own("dpr14_spanish_listed_drugs")
    assert view["products"] == [("ketorolaco", "drug")]
    assert view["route"] == "intramuscular" and view["route_approval"] is True


def test_own_text_german_case_told_by_an_age_noun():
    view = _own("dpr15_german_age_noun")
    assert view["products"] == [("Diclofenac", "drug")]
    assert view["route_approval"] is True
    assert "abscess" not in view["reaction_verbatims"]  # only suspected
    assert "erythema" not in view["reaction_verbatims"]  # a sentence about the complication


def test_a_drug_class_given_in_another_language():
    text = "Une femme de 50 ans a présenté une nécrose après une injection de glucocorticoïdes."
    facts = read_foreign(text, "fr")
    assert facts.product is not None and facts.product[1] == "corticosteroids"
