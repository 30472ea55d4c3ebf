"""A route word the text binds to the suspect's own name in a title, background or conclusion
("subcutaneous X injection", "intramuscular injection of X") is the route it was given by when
the case sentences state none, so a prescribed drug given so is approved (rounds r, b and c,
then e0xx read for the first time); a route bound to a treatment's name is not the suspect's.
Pinned on wording we wrote."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


def test_a_route_bound_to_the_suspect_in_the_conclusion_is_its_route():
    view = _view(
        "Late skin necrosis during interferon beta-1a therapy\n"
        "We describe a 52-year-old woman with multiple sclerosis who developed a painful "
        "necrotic ulcer on the thigh at an injection site after eight years of interferon "
        "beta-1a. The ulcer healed with dressings within two months.\n"
        "Conclusion: Necrosis should be recognised as a late complication of subcutaneous "
        "interferon beta-1a injection."
    )
    assert view["route"] == "subcutaneous"
    assert view["route_approval"] is True


def test_a_route_bound_to_a_treatment_is_not_the_suspects():
    view = _view(
        "Abscess at an enoxaparin injection site\n"
        "A 66-year-old man developed an abscess on the abdominal wall at the site where "
        "enoxaparin had been given. He was treated with intravenous ceftriaxone and the "
        "abscess resolved."
    )
    assert view["route"] != "intravenous"
