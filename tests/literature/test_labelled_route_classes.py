"""Route-approval and product-category classes of the fifth session, each pinned on texts
we wrote: a drug given by a route its FDA labelling lists is given by the route it is made
for (the Drugs@FDA table); a route adjective right before the drug states the route used;
oils, paraffin, petrolatum and waxes are materials (category ``other``) never made for
injection; a descriptive product name stops before an adverb or a pronoun."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.domain.routes import Route
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.labelled_routes import labelled_for, labelled_routes
from dermavigil.terminology.materials import is_material

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    ("name", "route", "expected"),
    [
        ("glatiramer acetate", Route.subcutaneous, True),
        ("Glatiramer", Route.subcutaneous, True),
        ("ceftriaxone", Route.intramuscular, True),
        ("sodium ceftriaxone", Route.intravenous, True),
        # Drugs@FDA lists only "injection" for phytonadione: any parenteral route of a shot
        ("phytonadione", Route.intramuscular, True),
        ("phytonadione", Route.intradermal, False),
        # no US injection is listed: the table cannot say yes (and never says no)
        ("diclofenac", Route.intramuscular, False),
        ("glatiramer acetate", Route.intramuscular, False),
    ],
)
def test_labelled_routes_from_drugs_at_fda(name: str, route: Route, expected: bool):
    assert labelled_for(name, route) is expected


def test_the_table_knows_many_drugs_and_no_invented_ones():
    assert Route.oral in labelled_routes("amoxicillin")
    assert labelled_routes("no such drug name") == frozenset()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("liquid paraffin", True),
        ("paraffinum liquidum", True),
        ("petroleum jelly", True),
        ("Vaseline", True),
        ("synthol", True),
        ("sesame oil", True),
        ("mineral oil", True),
        ("beeswax", True),
        ("soybean oil", False),  # labelled for intravenous use (lipid emulsions)
        ("liquid silicone", False),
        ("silicone oil", False),
        ("diclofenac", False),
    ],
)
def test_materials_not_made_for_injection(name: str, expected: bool):
    assert is_material(name) is expected


def test_own_text_paraffin_injected_by_a_friend():
    view = _view((DATA / "dp01_paraffin_by_a_friend.txt").read_text(encoding="utf-8"))
    assert view["products"][0][1] == "other"
    assert view["route_approval"] is False


@pytest.mark.parametrize(
    "sentence",
    [
        "had liquid paraffin injected into the penis",
        "received injections of petroleum jelly in the calves",
        "injected synthol into both biceps",
        "was injected with mineral oil in the breasts by a beautician",
    ],
)
def test_materials_are_other_and_not_made_for_injection(sentence: str):
    view = _view(f"Nodules after injections\nA 45-year-old man {sentence} and developed nodules.")
    assert [c for _, c in view["products"]] == ["other"]
    assert view["route_approval"] is False


def test_own_text_route_word_before_the_drug():
    view = _view((DATA / "dp02_route_word_before_the_drug.txt").read_text(encoding="utf-8"))
    assert view["route"] == "intramuscular"
    assert view["route_approval"] is True


def test_a_route_word_before_a_treatment_is_not_the_suspect_route():
    view = _view(
        "Panniculitis after a vaccine\nA 60-year-old man had panniculitis after the vaccine. "
        "He was treated with intravenous ceftriaxone."
    )
    assert view["route"] is None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("injected sesame oil intramuscularly into his deltoids", "sesame oil"),
        ("bought a product online and injected it into his lips", None),
    ],
)
def test_a_product_name_stops_before_an_adverb_or_a_pronoun(sentence: str, name: str | None):
    view = _view(f"Nodules after injections\nA 30-year-old man {sentence}. He developed nodules.")
    names = [n for n, _ in view["products"]]
    assert names == ([name] if name else [])


def test_own_text_an_injected_drug_named_apart_from_its_route():
    """The drug and the route are told in two sentences; no wrong route is stated and no
    labelling lists other injection routes: given as prescribed."""
    view = _view((DATA / "dp04_injected_drug_route_apart.txt").read_text(encoding="utf-8"))
    assert view["products"] == [("metamizole", "drug")]
    assert view["route"] == "intramuscular" and view["route_approval"] is True


def test_a_drug_labelled_for_other_injection_routes_is_not_approved_by_default():
    view = _view(
        "Necrosis after glatiramer\nA 40-year-old woman with multiple sclerosis used glatiramer "
        "acetate. One dose was given intramuscularly by a relative. She developed a necrotic "
        "plaque of the thigh."
    )
    assert view["route"] == "intramuscular" and view["route_approval"] is not True
