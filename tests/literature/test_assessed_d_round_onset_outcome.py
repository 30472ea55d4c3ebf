"""Onset, outcome and seriousness classes first read on round d0xx (its first session in the
tune set): an onset counted from a tattoo or an application, a patient free of the reaction at
a follow-up, and surgical treatments in the plural."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "Nodules in a blue tattoo\nA 41-year-old man was seen for itchy nodules on his "
            "forearm, confined to the blue areas. They arose two months after the new tattoo "
            "was finished.",
            60.875,
        ),
        (
            "Lichenoid plaques after tattooing\nA 30-year-old woman had a lichenoid eruption of "
            "the ankle. The lesions arose three weeks after tattooing of the ankle in red.",
            21.0,
        ),
        (
            "Eyelid swelling after permanent eyeliner\nA 45-year-old woman complained of eyelid "
            "pain and redness. Her complaints began 4 days following application of a permanent "
            "lash-line pigment in a salon.",
            4.0,
        ),
    ],
)
def test_an_onset_counted_from_a_tattoo_or_an_application(text: str, days: float) -> None:
    assert _view(text)["onset_days"] == pytest.approx(days)


@pytest.mark.parametrize(
    "ending",
    [
        "The papules began to flatten after a month and were not visible at the last visit.",
        "The six-month follow-up showed no new nodules.",
    ],
)
def test_a_patient_free_of_the_reaction_at_a_follow_up_recovered(ending: str) -> None:
    text = (
        "Granulomatous papules after a lip tattoo\nA 33-year-old woman developed papules along "
        f"a lip tattoo three years after it was applied. {ending}"
    )
    assert _view(text)["outcome"] == "recovered"


def test_an_excision_tied_to_a_follow_up_free_of_lesions_is_serious() -> None:
    text = (
        "Keratoacanthomas in a new tattoo\nA 52-year-old man presented with four nodules on his "
        "thigh within a tattoo placed a month before. All nodules were excised with a margin. "
        "The six-month follow-up visit showed no new lesions."
    )
    view = _view(text)
    assert view["outcome"] == "recovered"
    assert view["serious"] is True


def test_surgical_treatments_in_the_plural_are_surgery() -> None:
    text = (
        "Uveitis after a conjunctival tattoo\nA 29-year-old woman had severe eye pain and "
        "reduced vision after a conjunctival tattoo. Her uveitis needed both medical and "
        "surgical treatments over the following weeks."
    )
    assert _view(text)["serious"] is True
