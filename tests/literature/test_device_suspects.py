"""Devices and drug implants put into or under the skin as the suspect (docs/annotation.md,
the y0xx decisions): a hormone-releasing implant or pellet is the drug it releases (category
``drug``), named with its implant word; pumps, infusion sets, sensors and microchips are
``other``; a device in the background or given as a treatment is no suspect. One failure
class a text, every text our own (tests/data/literature/dm*)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.device_suspects import devices_of
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.realscore import draft_view

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _products(name: str) -> list[tuple[str, str]]:
    draft = extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8"))
    return [(p["name"], p["category"]) for p in draft.case["products"]]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a contraceptive implant named by its drug, inserted under the skin: the drug
        ("dm01_etonogestrel_implant_by_its_drug", [("etonogestrel implant", "drug")]),
        # hormone pellets implanted: the drug they release, with the pellet word
        ("dm02_hormone_pellets_implanted", [("estradiol pellets", "drug")]),
        # an insulin pump's infusion site: the device, not the insulin it delivers
        ("dm03_insulin_pump_infusion_site", [("insulin pump", "other")]),
        # a glucose sensor worn on the arm
        ("dm04_glucose_sensor_worn", [("continuous glucose monitoring sensor", "other")]),
        # a microchip implanted in the hand
        ("dm05_microchip_implanted", [("radiofrequency identification microchip", "other")]),
    ],
)
def test_the_device_or_drug_implant_put_in_is_the_suspect(name, expected):
    assert _products(name) == expected


def test_an_implant_in_place_while_a_drug_was_injected_is_no_suspect():
    assert _products("dm06_implant_in_the_background") == [("diclofenac", "drug")]


def test_a_pump_the_patient_was_switched_to_is_a_treatment_not_the_suspect():
    assert _products("dm07_pump_as_a_later_treatment") == [("insulin glargine", "drug")]


def test_the_route_word_before_a_pellet_is_not_part_of_its_name():
    text = (
        "Extrusion of testosterone pellets\n"
        "A 52-year-old man received subcutaneous testosterone pellets in the gluteal region "
        "for hypogonadism. Two weeks after insertion he developed erythema and extrusion of a "
        "pellet through the incision."
    )
    products = extract_draft(text).case["products"]
    assert [(p["name"], p["category"], p["route"]) for p in products] == [
        ("testosterone pellets", "drug", "subcutaneous")
    ]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("She had an etonogestrel implant inserted in the arm.", ["etonogestrel implant"]),
        ("The implant was removed in the clinic.", ["implant"]),
        ("He wore a glucose sensor.", ["glucose sensor"]),
        ("After Nexplanon rod insertion she noticed a lump.", ["Nexplanon rod"]),
        ("Contraceptive implants are effective for three years.", []),
        ("She was treated with an insulin pump afterwards.", []),
        ("The defect needed a split-thickness skin graft.", []),
        ("She was using a proton pump inhibitor.", []),
    ],
)
def test_a_device_is_an_exposure_only_when_put_in_worn_or_tied_to_the_reaction(sentence, names):
    found = devices_of(split_sentences(sentence)[0])
    assert [d.name for d in found] == names


def _view(name: str) -> dict:
    return draft_view(extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("name", "serious"),
    [
        # an implant taken out in the clinic under local anaesthesia: routine, not serious
        ("dm08_implant_removed_in_the_clinic", False),
        # a rod retrieved from a pulmonary artery by an endovascular procedure: serious
        ("dm09_rod_retrieved_endovascularly", True),
        # a pellet extruded through its insertion incision: no surgery on the reaction
        ("dm11_pellet_extruded_through_the_incision", False),
    ],
)
def test_an_implant_removal_is_serious_only_when_surgical_or_endovascular(name, serious):
    assert _view(name)["serious"] is serious


def test_an_implant_inserted_too_deeply_was_not_given_by_its_route():
    view = _view("dm10_implant_inserted_too_deeply")
    assert view["products"] == [("etonogestrel implant", "drug")]
    assert view["route_approval"] is False


def test_the_drug_a_patients_pump_delivers_is_not_the_suspect_but_the_pump():
    # the insulin is named apart from the device ("insulin was given through the pump"), and
    # the text names the pump by it elsewhere ("insulin pump therapy"): the device is the
    # suspect, category other (docs/annotation.md, the y0xx decisions)
    text = (
        "Adhesive contact eczema: a case report\n"
        "Insulin pump therapy is widely used in type 1 diabetes. "
        "A 44-year-old woman using a tubeless patch pump developed an itchy eczematous rash "
        "under its adhesive after three weeks. Insulin was delivered subcutaneously through "
        "the pump at the abdomen. The rash resolved with topical steroids."
    )
    products = extract_draft(text).case["products"]
    assert [(p["name"], p["category"]) for p in products] == [("tubeless patch pump", "other")]


def test_an_insulin_named_apart_from_the_pump_stays_the_suspect():
    # "insulin glargine" is no device's modifier: the drug itself stays the suspect
    text = (
        "Lipoatrophy from insulin glargine\n"
        "A 30-year-old man on an insulin pump developed lipoatrophy at the injection sites of "
        "subcutaneous insulin glargine given by pen before the pump was started."
    )
    products = extract_draft(text).case["products"]
    assert [(p["name"], p["category"]) for p in products] == [("insulin glargine", "drug")]
