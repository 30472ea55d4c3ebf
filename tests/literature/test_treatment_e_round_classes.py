"""Treatment classes of the e0xx round (read for the first time in the twenty-fifth session),
on texts we wrote.

docs/annotation.md, ``treatments``: what was given or done for the reaction; a skin test is
diagnostic. A substance of an epicutaneous test is tested, a skin test's control is part of
the test, and the solvent a drug is reconstituted with is its ingredient: none is given for
the reaction.
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
