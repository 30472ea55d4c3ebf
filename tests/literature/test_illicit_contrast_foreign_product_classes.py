"""Product and route-approval classes of the s0xx round (docs/annotation.md, s0xx decisions),
pinned on texts we wrote: a drug of the illicit drug supply (approved false); a contrast
agent that extravasated, told with its volume; a drug a Portuguese text gives after a
bracketed injection site, or names after "após" in its title; a German drug class
("Antirheumatika", the German name of NSAIDs) given by an unintended intra-arterial
injection."""

from __future__ import annotations

from pathlib import Path

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.literature.extract.illicit_use import illicit_supply
from dermavigil.literature.extract.routes import RouteFacts
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.realscore import draft_view

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _own(name: str) -> dict:
    return draft_view(extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8")))


def test_a_drug_of_the_illicit_supply_is_not_given_as_labelled():
    view = _own("dx01_xylazine_wound_person_who_injects")
    assert view["products"] == [("Xylazine", "drug")]
    assert view["route"] == "intravenous" and view["route_approval"] is False


def _illicit(text: str, name: str, category: str) -> bool:
    return illicit_supply(RouteFacts(), name, category, split_sentences(text))


def test_illicit_supply_needs_the_drug_named_a_drug_and_no_denial():
    said = "Tranq wounds follow xylazine in the illicit drug supply."
    assert _illicit(said, "xylazine", "drug")
    assert not _illicit(said, "xylazine", "other")  # a material: no wrong route stated
    assert not _illicit(
        "He denied injection drug use. He received penicillin IM.", "penicillin", "drug"
    )
    assert not _illicit(
        "People who inject drugs are at risk. He received penicillin.", "penicillin", "drug"
    )


def test_an_extravasated_contrast_agent_told_with_its_volume():
    view = _own("dx02_contrast_extravasation_volume")
    assert view["products"] == [("iodinated contrast medium", "drug")]
    assert view["route_approval"] is False


def test_portuguese_drug_after_a_bracketed_injection_site():
    view = _own("dx03_portuguese_ketoprofen_bracketed_site")
    assert view["products"] == [("cetoprofeno", "drug")]
    assert view["route"] == "intramuscular" and view["route_approval"] is True


def test_portuguese_title_names_the_drug_after_apos():
    text = (
        "Necrose cutânea após cetoprofeno\nPaciente do sexo feminino, 52 anos, apresentou necrose."
    )
    facts = read_foreign(text, "pt")
    assert facts.product is not None and facts.product[1] == "ketoprofen"


def test_german_drug_class_by_an_unintended_intra_arterial_injection():
    view = _own("dx04_german_antirheumatic_unintended_artery")
    assert view["products"] == [("Antirheumatika", "drug")]
    assert view["route"] == "intramuscular" and view["route_approval"] is False
