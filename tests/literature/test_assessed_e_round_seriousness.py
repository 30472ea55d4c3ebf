"""Seriousness classes first read on round e0xx (its first session in the tune set) and
shared with older rounds: a criterion told of the illness the suspect was given in, before
the exposure; surgery or an admission stated in other words (a plural, a verb's object)."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    "opening",
    [
        "A 71-year-old man was brought in after a cardiac arrest at home and was resuscitated.",
        "A 66-year-old woman with atrial fibrillation presented with an embolic stroke.",
        "A 59-year-old man with diabetes came in after a below-knee amputation for gangrene.",
    ],
)
def test_a_criterion_of_the_illness_before_the_exposure_is_not_the_reactions(
    opening: str,
) -> None:
    text = (
        f"Bruises after subcutaneous enoxaparin\n{opening} The patient received subcutaneous "
        "injections of enoxaparin into the abdomen. Five days after the first injection, painful "
        "bruises developed around the injection sites."
    )
    assert _view(text)["serious"] is False


def test_a_criterion_told_after_the_exposure_stays() -> None:
    text = (
        "Necrosis after an intramuscular injection\nA 48-year-old woman with lumbago received "
        "an intramuscular injection of diclofenac into the buttock. Two days later she "
        "developed skin necrosis and was admitted for surgical debridement."
    )
    assert _view(text)["serious"] is True


def test_an_exposure_told_as_earlier_keeps_the_presenting_criterion() -> None:
    text = (
        "Visual loss after a filler\nA 35-year-old woman presented with sudden blindness of "
        "the left eye. She had received a hyaluronic acid filler injection into the nasal "
        "dorsum an hour before."
    )
    assert _view(text)["serious"] is True


@pytest.mark.parametrize(
    "told",
    [
        "The necrotic ulcer was later closed by surgical interventions.",
        "The abscess enlarged, requiring surgery two weeks later.",
        "Because of the spreading swelling the decision was made to admit the patient.",
        "The nodules were treated with surgery to excise them.",
    ],
)
def test_surgery_or_an_admission_in_other_words_is_serious(told: str) -> None:
    text = (
        "An abscess after a vaccine\nA 52-year-old man developed a painful swelling of the "
        f"deltoid three days after an intramuscular vaccine injection. {told}"
    )
    assert _view(text)["serious"] is True


def test_the_illness_ends_where_the_suspect_is_given_not_where_it_is_named() -> None:
    text = (
        "Purple glove after intravenous phenytoin\nA 54-year-old man came to the emergency "
        "department after a cardiac arrest at home. His phenytoin level on arrival was low. In "
        "the department he received a loading dose of intravenous phenytoin through a hand "
        "cannula. The next day, swelling and purple discoloration of the hand developed."
    )
    assert _view(text)["serious"] is False
