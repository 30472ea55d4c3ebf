"""Two classes of the issue-10 route and category work, on texts we write: the sentence
that presents the case in the progressive or with "this article" ("We are reporting a case
of ... induced by subcutaneous ...") tells the route used; a product named by a descriptive
phrase that holds a drug's name from the drug lexicon is a drug."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    "opening",
    [
        "We are reporting on an unusual case",
        "This report describes an unusual case",
    ],
)
def test_the_presenting_sentence_tells_the_route(opening: str):
    view = _view(
        "Pseudolymphoma after immunotherapy\nAllergen-specific immunotherapy can be given by "
        "subcutaneous injections or by sublingual drops. "
        f"{opening} of cutaneous pseudolymphoma in the injection area of both upper arms, "
        "probably induced by subcutaneous allergen-specific immunotherapy. Histology showed a "
        "dense lymphocytic infiltrate."
    )
    assert view["route"] == "subcutaneous"
    assert view["route_approval"] is True


def test_a_descriptive_name_holding_a_lexicon_drug_is_a_drug():
    view = _view(
        "Necrosis after an injection\nA 70-year-old man was injected with metamizole-containing "
        "painkillers in the buttock. Two days later a necrotic plaque formed at the site."
    )
    assert view["products"] and view["products"][0][1] == "drug"
