"""Route approval from what the text says of this patient's injection (docs/annotation.md,
``approved`` and the r9xx decisions), pinned on texts we wrote: a suboptimal needle
placement is a wrong technique; a wrong route named only as a predisposing factor of the
syndrome is no statement about the case; a wrong route concluded for this patient ("it was
concluded that, because of the patient's ..., the vaccine intended for intramuscular
injection ended up in the subcutaneous fat") is one; a drug given for the indication
("treated with subcutaneous X") and stopped for the reaction is the suspect, given by its
route."""

from __future__ import annotations

from pathlib import Path

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _own(name: str) -> dict:
    return draft_view(extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8")))


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


def test_own_text_suboptimal_needle_placement_is_a_wrong_technique():
    view = _own("dpr08_vaccine_suboptimal_needle")
    assert [c for _, c in view["products"]] == ["vaccine"]
    assert view["route"] == "intramuscular" and view["route_approval"] is False


def test_own_text_drug_stopped_for_the_reaction_is_the_suspect_with_its_route():
    view = _own("dpr09_anticoagulant_stopped_for_the_reaction")
    assert view["products"] == [("Fondaparinux", "drug")]
    assert view["route"] == "subcutaneous" and view["route_approval"] is True


def test_own_text_wrong_route_as_a_predisposing_factor_says_nothing_of_the_case():
    view = _own("dpr10_nicolau_general_risk_sentence")
    assert view["products"] == [("ketoprofen", "drug")]
    assert view["route_approval"] is True


def test_own_text_wrong_route_concluded_for_this_patient():
    view = _own("dpr11_vaccine_left_in_fat_concluded")
    assert [c for _, c in view["products"]] == ["vaccine"]
    assert view["route_approval"] is False


def test_a_wrong_route_concluded_about_no_patient_is_no_statement():
    view = _view(
        "Deltoid mass after a vaccine\nA 61-year-old woman noticed a tender mass over the"
        " deltoid three weeks after an intramuscular influenza vaccine. It is thought that"
        " vaccines intended for intramuscular injection often ended up in the subcutaneous"
        " fat in obese adults."
    )
    assert view["route_approval"] is not False


def test_a_stopped_treatment_of_the_reaction_is_no_suspect():
    view = _view(
        "Nodules after a filler\nA 40-year-old woman had nodules after a hyaluronic acid filler"
        " injection. She was treated with oral doxycycline. Doxycycline was stopped after"
        " six weeks and the nodules resolved."
    )
    assert [c for _, c in view["products"]] == ["ha_filler"]


def test_own_text_material_named_by_its_abbreviation_and_a_drug_route_is_not_its_route():
    view = _own("dpr13_fat_graft_abbreviation")
    assert [c for _, c in view["products"]] == ["other"]
    assert "grafting" not in view["treatments"]
    assert view["route"] is None  # "intravenous cefazolin" is the antibiotic's route


def test_a_material_abbreviation_is_a_product_mention():
    view = _view(
        "Cheek abscess\nFacial thread-lifting (FTL) is a rejuvenation technique. A 41-year-old"
        " woman developed an abscess of the cheek two weeks after FTL."
    )
    assert [c for _, c in view["products"]] == ["other"]


def test_a_form_word_between_route_and_drug():
    view = _view(
        "Injection-site ulcers\nA 46-year-old woman was prescribed subcutaneous pegylated"
        " interferon once a week. She developed ulcers at the injection sites."
    )
    assert view["route"] == "subcutaneous" and view["route_approval"] is True


def test_own_text_injected_into_fat_instead_of_proper_muscular_planes():
    view = _own("dpr16_injected_into_fat_instead_of_muscle")
    assert view["products"] == [("ketorolac", "drug")]
    assert view["route_approval"] is False


def test_an_iv_fluid_infiltration_is_a_wrong_route():
    view = _view(
        "Purple glove syndrome\nA 54-year-old man was given intravenous phenytoin via the"
        " cephalic vein. A day later a nurse noticed an IV fluid infiltration around the vein"
        " and the hand became swollen and purple."
    )
    assert view["route_approval"] is False


def test_a_wrong_placement_documented_in_general_is_no_statement():
    view = _view(
        "Eye irritation after a toxin\nThe complication of muscle weakness from toxin diffusion"
        " or erroneous placement is documented. A 50-year-old woman developed ocular"
        " irritation after botulinum toxin injection into the orbicularis oculi muscle."
    )
    assert view["route_approval"] is not False
