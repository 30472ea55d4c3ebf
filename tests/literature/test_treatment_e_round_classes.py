"""Treatment classes of the e0xx round (read for the first time in the twenty-fifth session),
on texts we wrote.

docs/annotation.md, ``treatments``: what was given or done for the reaction; a skin test is
diagnostic. A substance of an epicutaneous test is tested, a skin test's control is part of
the test, and the solvent a drug is reconstituted with is its ingredient: none is given for
the reaction. A report's statement of its own case names the surgery done for it in any
tense ("we report a case of ..., which requires surgical treatment"), not the patient's drugs
nor a surgery the reaction followed.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"].lower() for t in extract_draft(text).case.get("treatments", [])]


def test_substances_of_an_epicutaneous_test_are_tested():
    found = _treatments(
        "Eczema after heparin\nA 66-year-old woman developed itchy eczematous plaques at her "
        "heparin injection sites on the abdomen. Epicutaneous tests with dalteparin, "
        "tinzaparin and fondaparinux were performed, all negative. The plaques resolved."
    )
    assert found == []


def test_a_skin_test_control_is_not_a_treatment():
    found = _treatments(
        "Wheals after insulin\nA 52-year-old man developed itchy wheals at his insulin "
        "injection sites. Prick tests with three insulins were positive. Codeine was used "
        "as the positive control. He was treated with cetirizine and the wheals resolved."
    )
    assert found == ["cetirizine"]


def test_the_solvent_of_a_reconstituted_drug_is_not_a_treatment():
    found = _treatments(
        "Nasal occlusion after a filler\nA 29-year-old woman developed livedo and pain of the "
        "nasal tip after a hyaluronic acid filler injection. She was treated with "
        "hyaluronidase 1500 units reconstituted with lidocaine, and the livedo faded."
    )
    assert found == ["hyaluronidase"]


def test_a_report_statement_names_the_surgery_in_the_present():
    found = _treatments(
        "Hematoma after self-injection\nInjection of insulin rarely causes bleeding. Here, we "
        "report a case of a 61-year-old woman with a giant hematoma of the abdominal wall due "
        "to insulin self-injection, which requires surgical treatment."
    )
    assert found == ["surgical treatment"]


def test_a_report_statement_names_its_surgery_not_the_patients_drugs():
    found = _treatments(
        "Nodules after a depot injection\nDepot hormones are given to many men. Here, we "
        "report a case of a 64-year-old man with prostate cancer and tamsulosin use, with "
        "nodules at the depot hormone injection sites, which requires surgical excision."
    )
    assert found == ["surgical excision"]


def test_a_report_statement_does_not_name_the_surgery_the_reaction_followed():
    found = _treatments(
        "Necrosis after a local anaesthetic\nLocal anaesthetics are widely used. Here, we "
        "report a case of a 45-year-old woman, who requires skin grafting for necrosis of the "
        "nasal tip after surgical excision of a naevus under lidocaine with epinephrine."
    )
    assert found == ["skin grafting"]


def test_a_report_statement_without_a_tie_names_no_surgery():
    found = _treatments(
        "Necrosis of the nasal tip\nLocal anaesthetics are widely used. Here, we report a "
        "case of a 45-year-old woman with necrosis of the nasal tip and surgical excision of "
        "a naevus elsewhere."
    )
    assert found == []
