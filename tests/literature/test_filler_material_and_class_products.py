"""Product classes of the s0xx round (docs/annotation.md, ``products``), pinned on texts we
wrote and on names: a family named as what a filler is made of ("a hyaluronic acid-derived
dermal filler"); vitamin E injected is an oil (category other, not made for injection); a
local anaesthetic named by its class is a drug; a filler named only as "a facial filling"."""

from __future__ import annotations

from pathlib import Path

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view
from dermavigil.terminology.materials import is_material
from dermavigil.terminology.products import find_products

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _own(name: str) -> dict:
    return draft_view(extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8")))


def _families(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.category.value) for m in find_products(text)]


def test_a_family_named_as_what_a_filler_is_made_of():
    assert _families("a hyaluronic acid-derived dermal filler") == [
        ("hyaluronic acid", "ha_filler")
    ]
    assert _families("a hyaluronic acid-based gel") == [("hyaluronic acid", "ha_filler")]
    # a family named after the participle keeps its own name
    assert [c for _, c in _families("a hyaluronic acid-based skin booster")] == ["skin_booster"]


def test_vitamin_e_injected_is_an_oil():
    assert is_material("vitamin E") and is_material("alpha-tocopherol")
    assert not is_material("vitamin K1")
    view = _own("dx08_vitamin_e_lip_filler")
    assert view["products"] == [("vitamin E", "other")]
    assert view["route_approval"] is False


def test_a_local_anaesthetic_named_by_its_class_is_a_drug():
    view = _own("dx09_local_anaesthetic_class")
    assert view["products"] == [("local anaesthetic solution", "drug")]


def test_a_filler_named_only_as_a_facial_filling():
    view = _own("dx10_facial_filling_unnamed")
    assert view["products"] == [("facial filling", "other")]


def test_a_drug_class_named_after_the_injection_it_was_given_by():
    view = _own("dx11_class_after_its_injection")
    assert view["products"] == [("analgesic", "drug")]
    assert view["route"] == "intramuscular"


def test_a_class_injection_told_as_a_treatment_is_no_exposure():
    from dermavigil.literature.extract.class_exposure import exposed_class

    told = "The nodules were treated with an intramuscular injection of corticosteroids."
    assert not exposed_class(told, told.index("corticosteroids"))
    given = "Pain began during an IM injection of an analgesic."
    assert exposed_class(given, given.index("analgesic"))
