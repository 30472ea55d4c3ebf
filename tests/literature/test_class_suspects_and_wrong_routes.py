"""Suspects named by a drug class or a dosage form, and the route approval they carry
(docs/annotation.md, r6xx-r8xx decisions), pinned on texts we wrote: a crushed tablet
injected into an artery is a drug given by a route it is not made for; an intralesional
injection is given where it is meant to go; a contrast agent that extravasated was not
given as intended; an allergen extract called a "vaccine" is allergen immunotherapy."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


def _own(name: str) -> dict:
    return _view((DATA / f"{name}.txt").read_text(encoding="utf-8"))


def test_own_text_crushed_tablets_into_an_artery():
    view = _own("dbr01_crushed_tablets_into_an_artery")
    assert view["products"] == [("buprenorphine", "drug")]
    assert view["route_approval"] is False


def test_own_text_intralesional_corticosteroid():
    view = _own("dbr02_intralesional_corticosteroid")
    assert view["products"] == [("corticosteroid", "drug")]
    assert view["route"] == "intralesional" and view["route_approval"] is True


def test_own_text_contrast_agent_extravasated():
    view = _own("dbr03_contrast_extravasation")
    assert view["products"] == [("iodinated contrast agent", "drug")]
    assert view["route_approval"] is False


def test_own_text_an_allergen_vaccine_is_allergen_immunotherapy():
    view = _own("dbr04_allergen_vaccine")
    assert [c for _, c in view["products"]] == ["allergen_immunotherapy"]
    assert view["route_approval"] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "injected crushed tablets into the brachial artery",
        "injected a dissolved tablet into her left femoral artery",
    ],
)
def test_tablets_injected_are_a_drug_given_by_a_wrong_route(sentence: str):
    view = _view(f"Hand ischaemia\nA 30-year-old woman {sentence}. The hand became cyanotic.")
    assert view["products"] and view["products"][0][1] == "drug"
    assert view["route_approval"] is False


def test_a_class_injection_the_reaction_followed_is_the_suspect():
    view = _view(
        "Lipoatrophy after a steroid injection\nA 40-year-old woman developed lipoatrophy of "
        "the buttock six weeks after a steroid injection for back pain."
    )
    assert view["products"] == [("steroid", "drug")]


def test_a_class_injection_that_treated_the_reaction_is_no_suspect():
    view = _view(
        "Nodules after a filler\nA 40-year-old woman had nodules after a hyaluronic acid filler "
        "injection. The nodules resolved after a steroid injection."
    )
    assert [c for _, c in view["products"]] == ["ha_filler"]


def test_a_drug_named_beside_its_class_names_the_suspect():
    view = _view(
        "Necrosis after an antibiotic injection\nA 6-year-old girl was given IV clindamycin "
        "injection in the forearm. The skin became livid and necrotic."
    )
    assert view["products"] == [("clindamycin", "drug")]


def test_the_drug_extravasated_is_the_suspect_even_when_it_is_a_usual_treatment():
    view = _view(
        "Calcinosis after calcium gluconate extravasation\nA 70-year-old woman had calcium "
        "gluconate extravasation at the wrist, with swelling and then hard plaques."
    )
    assert view["products"] == [("calcium gluconate", "drug")]
    assert view["route_approval"] is False


def test_an_intralesional_route_of_a_treatment_is_not_the_suspects():
    view = _view(
        "Nodules after a filler\nA 50-year-old woman had nodules after polycaprolactone filler "
        "injections. Intralesional triamcinolone was injected and the nodules softened."
    )
    assert view["route_approval"] is None


def test_a_drug_the_patient_was_injecting_is_the_suspect():
    view = _view(
        "Abscess at an injection site\nA 48-year-old woman developed an abscess of the abdominal "
        "wall where she had been injecting liraglutide."
    )
    assert view["products"] == [("liraglutide", "drug")]


def test_own_text_a_drug_named_with_its_route_adverb():
    view = _own("dbr05_drug_named_with_route_adverb")
    assert view["products"] == [("ketorolac", "drug")]
    # "Department of Oral and Maxillofacial Surgery" names no oral route
    assert view["route"] == "intramuscular" and view["route_approval"] is True


def test_own_text_a_drug_given_through_a_vein():
    view = _own("dbr06_calcium_through_a_hand_vein")
    assert view["products"] == [("calcium gluconate", "drug")]
    assert view["route"] == "intravenous" and view["route_approval"] is True


@pytest.mark.parametrize(
    ("text", "approval"),
    [
        (
            "Removal of a misplaced filler\nA 50-year-old woman had blue discoloration of the "
            "tear trough after a hyaluronic acid filler injection.",
            False,
        ),
        (
            "Granulomas after foreign material injection\nA 32-year-old woman had egg white "
            "injected into both cheeks and developed red tender nodules.",
            False,
        ),
        (
            "Dyspnea after silicone\nA 30-year-old man presented with dyspnea and hypoxia. "
            "Conclusion: This case describes a patient who self-administered injectable silicone "
            "into his thighs.",
            False,
        ),
        (
            "Necrosis of the thigh\nA 25-year-old woman developed skin necrosis of the thigh "
            "after injecting crushed pills into her thigh.",
            False,
        ),
    ],
)
def test_materials_and_placements_not_made_for_that_injection(text: str, approval: bool):
    assert _view(text)["route_approval"] is approval


@pytest.mark.parametrize(
    ("sentence", "drug"),
    [
        (
            "was started on norepinephrine through a peripheral cannula in the forearm",
            "norepinephrine",
        ),
        ("was given intravenous phenytoin for seizures", "phenytoin"),
        ("had extravasation of potassium chloride solution at the wrist", "potassium chloride"),
        ("received dopamine via a peripheral line", "dopamine"),
    ],
)
def test_a_drug_given_through_a_vein_that_extravasated(sentence: str, drug: str):
    view = _view(
        f"Necrosis of the arm\nA 64-year-old man {sentence}. The infusion extravasated and the "
        "skin became pale and then necrotic."
    )
    assert view["products"] == [(drug, "drug")]
    assert view["route_approval"] is False


@pytest.mark.parametrize(
    "sentence",
    ["The intravenous line had infiltrated.", "The drug leaked into the surrounding tissue."],
)
def test_an_infusion_that_left_the_vein_is_a_wrong_route(sentence: str):
    view = _view(
        "Hand necrosis\nA 70-year-old woman received vancomycin through a vein of the hand. "
        f"{sentence} Blisters and necrosis developed."
    )
    assert view["route_approval"] is False


def test_a_treatment_started_beside_another_is_no_suspect():
    view = _view(
        "Livedoid patch after an injection\nA 26-year-old woman received an intramuscular "
        "injection of ketorolac. Pain and a livedoid patch followed. Intravenous "
        "methylprednisolone and subcutaneous heparin were started."
    )
    assert view["products"] == [("ketorolac", "drug")]


def test_index_terms_do_not_name_an_unnamed_filler():
    view = _view(
        "Necrosis after dermal filler injection\nKeywords: Dermal filler; Hyaluronic acid; "
        "Skin necrosis.\nA 30-year-old woman developed skin necrosis of the forehead after a "
        "dermal filler injection by an unlicensed therapist."
    )
    assert view["products"] and view["products"][0][1] == "other"


def test_an_unknown_substance_is_named_without_where_it_was_bought():
    view = _view(
        "Nodules after illicit injections\nA 40-year-old woman injected an unknown substance "
        "bought on the street into her buttocks. She developed painful nodules."
    )
    assert view["products"] == [("unknown substance", "other")]


def test_allergen_specific_immunotherapy_is_named_whole():
    view = _view(
        "Nodules after immunotherapy\nA 30-year-old woman developed nodules of both upper arms "
        "after subcutaneous allergen-specific immunotherapy injections."
    )
    assert view["products"] == [
        ("subcutaneous allergen-specific immunotherapy", "allergen_immunotherapy")
    ]
