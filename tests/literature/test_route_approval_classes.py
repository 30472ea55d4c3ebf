"""Route-approval classes of this session (docs/annotation.md, the r4xx annotators'
decisions), each pinned on texts we wrote: botulinum toxin injected into a muscle named by
its anatomical name is an intramuscular injection, the route it is made for; an uncatalogued
material the patient injected herself is not made for that injection."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


def test_own_text_toxin_into_named_muscles():
    view = _view((DATA / "dq09_toxin_named_muscles.txt").read_text(encoding="utf-8"))
    assert view["route"] == "intramuscular"
    assert view["route_approval"] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "received abobotulinumtoxinA in the orbicularis oculi for crow's feet",
        "was injected with botulinum toxin in the platysmal bands",
        "had onabotulinumtoxinA injected into both masseters",
        "received botulinum toxin injections into the left frontalis",
    ],
)
def test_a_named_muscle_is_an_intramuscular_injection(sentence: str):
    view = _view(f"Diplopia after toxin\nA 45-year-old woman {sentence}. She developed diplopia.")
    assert view["route"] == "intramuscular" and view["route_approval"] is True


def test_a_named_muscle_without_an_injection_is_no_route():
    view = _view(
        "Weakness after toxin\nA 45-year-old woman had botulinum toxin for frown lines. She "
        "developed weakness of the frontalis."
    )
    assert view["route"] is None


def test_own_text_self_injected_oil():
    view = _view((DATA / "dq10_self_injected_oil.txt").read_text(encoding="utf-8"))
    assert view["route_approval"] is False


@pytest.mark.parametrize(
    ("sentence", "approval"),
    [
        ("self-injected liquid silicone into her hips", False),
        ("injected herself with a mineral oil in the breasts", False),
        # a prescribed drug the patient injects herself by its route is given as labelled
        ("self-injected her subcutaneous insulin in the thighs as prescribed", True),
    ],
)
def test_a_material_the_patient_injected_herself(sentence: str, approval: bool | None):
    view = _view(f"Nodules after injections\nA 45-year-old woman {sentence} and developed nodules.")
    assert view["route_approval"] is approval


def test_an_injection_word_split_by_pdf_hyphenation_is_an_administration():
    view = _view(
        "Swelling after toxin\nA 35-year-old woman had jaw swelling after botulinum toxin was "
        "injec- ted into her masseters for bruxism."
    )
    assert view["route"] == "intramuscular" and view["route_approval"] is True


def test_own_text_an_intravenous_drug_that_extravasated_is_approved_false():
    """docs/annotation.md (r6xx decisions): extravasation of an intravenous drug is
    ``approved`` false; the route used stays intravenous."""
    view = _view((DATA / "dp07_iron_extravasation.txt").read_text(encoding="utf-8"))
    assert (view["route"], view["route_approval"]) == ("intravenous", False)


def test_extravasated_red_cells_of_a_biopsy_are_no_wrong_route():
    view = _view(
        "Purpura after an iron infusion\nA 50-year-old woman received iron sucrose "
        "intravenously and developed purpura of the arm. A biopsy showed extravasation of red "
        "blood cells."
    )
    assert view["route_approval"] is True


def test_own_text_iv_abbreviation_before_a_usual_treatment_given_as_the_exposure():
    """'after IV clindamycin injection' (r582): IV is the intravenous route, and a drug that
    is also a usual treatment is here the exposure; given by its labelled route: true."""
    view = _view((DATA / "dp08_iv_antibiotic_necrosis.txt").read_text(encoding="utf-8"))
    assert (view["route"], view["route_approval"]) == ("intravenous", True)


@pytest.mark.parametrize(
    ("sentence", "route"),
    [
        ("developed a type IV hypersensitivity reaction after the injection", None),
        ("had thromboprophylaxis with enoxaparin, 40 IU s.c. once a day", "subcutaneous"),
        ("received IV iron sucrose", "intravenous"),
    ],
)
def test_route_abbreviations_and_doses(sentence: str, route: str | None):
    """'IV' is intravenous but not a Roman numeral of a type or grade; a dose with its unit
    is an administration ('40 IU s.c.', r568)."""
    view = _view(f"Skin reaction\nA 60-year-old man {sentence}. He developed a painful plaque.")
    assert view["route"] == route


@pytest.mark.parametrize(
    "sentence",
    [
        "mistakenly received the BCG vaccine intramuscularly in the deltoid",
        "was given diclofenac; the injection was, unwittingly, administered subcutaneously",
    ],
)
def test_an_administration_by_mistake_is_a_wrong_route(sentence: str):
    """Error adverbs (mistakenly, unwittingly: r486, r551) before the route or the
    administration word."""
    view = _view(
        f"Abscess after an injection\nA 30-year-old woman {sentence}. She developed an abscess."
    )
    assert view["route_approval"] is False


def test_the_sentence_that_presents_the_case_tells_the_route():
    """'We present an unusual case of dysphagia arising from injection into the orbicularis
    oculi muscle' (r409): the sentence presents this case, and so tells its route."""
    view = _view(
        "Dysphagia after botulinum toxin\nDysphagia is a known effect of botulinum toxin in "
        "the neck. We present an unusual case of dysphagia arising from injection into the "
        "orbicularis oculi muscle, which has not been described. We postulate that her "
        "dysphagia was caused by distant spread of the toxin."
    )
    assert (view["route"], view["route_approval"]) == ("intramuscular", True)
