"""Suspects first read on the e0xx round: local anaesthesia, or a local anaesthetic named by
its class, as what the reaction followed or complicated is the suspect drug; a material the
patient "injected himself subcutaneously with" is the product, the adverb of manner between
the verb and its object notwithstanding. Pinned on wording we wrote."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    "text",
    [
        "Lip ulcer after a dental procedure\n"
        "Mucosal necrosis is an uncommon complication of dental local anaesthesia. We report a "
        "38-year-old woman who developed a painful ulcer of the lower lip two days after the "
        "procedure. It healed in three weeks.",
        "Transient facial palsy\n"
        "We describe a 29-year-old man in whom a complete facial palsy appeared one hour after "
        "regional anesthesia for the extraction of a molar. It resolved within a day.",
    ],
)
def test_local_anaesthesia_the_reaction_followed_is_a_drug_suspect(text):
    view = _view(text)
    assert view["products"] and view["products"][0][1] == "drug"


def test_general_anaesthesia_is_no_suspect():
    view = _view(
        "Granuloma after a lip filler\n"
        "A 41-year-old woman developed a firm nodule of the upper lip six months after "
        "hyaluronic acid filler injection. The nodule was excised after general anaesthesia."
    )
    assert [c for _, c in view["products"]] == ["ha_filler"]


def test_a_material_injected_with_an_adverb_between_is_the_product():
    view = _view(
        "Granulomas of the forearm\n"
        "A 30-year-old woman had injected herself repeatedly with mercury from a broken "
        "thermometer into the thigh. Weeks later hard nodules appeared at the injection sites."
    )
    assert view["products"] and "mercury" in view["products"][0][0]
    assert view["route_approval"] is False


def test_the_local_anaesthetic_named_is_the_suspect_over_its_class():
    view = _view(
        "Facial palsy after a dental block\n"
        "A 47-year-old man developed a complete facial palsy within an hour after dental "
        "local anaesthesia. Articaine was injected for an inferior alveolar nerve block. The "
        "palsy resolved by the next day."
    )
    assert view["products"] and view["products"][0][0].lower() == "articaine"
