"""Rechallenge and dechallenge classes read on the w0xx round, pinned on texts we wrote
(docs/annotation.md, ``rechallenge`` / ``dechallenge``, and the r7xx and w0xx decisions: a
reaction after each later dose or at each injection is a rechallenge that recurred;
improvement after stopping the suspect is a dechallenge): a recurrence told with each
exposure ("with each subsequent insertion", "after every injection", "repeatedly
developed"); a recurrence told before its re-exposure ("but recurred after
re-administration"); the challenge told in a sentence that continues the case without
naming the patient."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft

_CONTINUED = (
    "Bullous hemorrhagic dermatosis from tinzaparin\nWe report this rare cutaneous "
    "complication of tinzaparin. Several hemorrhagic bullae occurred after 4 days of tinzaparin "
    "in a woman with atrial fibrillation. The hemorrhagic bullae regressed after the "
    "discontinuation of tinzaparin but recurred after re-administration."
)


def _challenge(text: str, which: str) -> str | None:
    products = extract_draft(text).case["products"]
    return (products[0].get(which) or {}).get("result") if products else None


@pytest.mark.parametrize(
    "text",
    [
        "Dermatitis from dalteparin\nA 71-year-old man developed eczematous plaques on the "
        "abdomen two days after a subcutaneous dalteparin injection. The same plaques "
        "appeared with each subsequent injection of dalteparin.",
        "Eyelid eczema during etanercept therapy\nA 52-year-old woman treated with "
        "etanercept for psoriatic arthritis noticed eyelid eczema and cheilitis three days "
        "after every etanercept injection.",
        "Lupus-like plaques at interferon injection sites\nA 58-year-old man with hepatitis C "
        "repeatedly developed annular plaques at the subcutaneous interferon beta injection "
        "sites on his abdomen.",
        _CONTINUED,
    ],
)
def test_recurrence_with_the_repeated_exposure(text: str) -> None:
    assert _challenge(text, "rechallenge") == "recurred"


def test_dechallenge_in_a_sentence_continuing_the_case() -> None:
    assert _challenge(_CONTINUED, "dechallenge") == "improved"


def test_a_dosing_schedule_is_no_rechallenge() -> None:
    text = (
        "Erythema nodosum after adalimumab\nA 40-year-old woman received subcutaneous "
        "adalimumab every two weeks. Tender erythematous nodules appeared on her shins after "
        "the third injection."
    )
    assert _challenge(text, "rechallenge") is None


@pytest.mark.parametrize(
    "text",
    [
        "Urticarial plaques after an influenza vaccine\nA 35-year-old woman developed "
        "urticarial plaques on the left arm a day after an intramuscular influenza vaccine. "
        "The plaques cleared with oral cetirizine. The following year she received another "
        "dose of the same vaccine uneventfully.",
        "Nodules after allergen immunotherapy\nA 28-year-old man developed itchy nodules at "
        "the injection sites of an aluminium-adsorbed grass pollen extract. The nodules "
        "faded over months. Subsequent immunotherapy with an extract free of aluminium was "
        "well tolerated.",
    ],
)
def test_a_later_dose_tolerated(text: str) -> None:
    assert _challenge(text, "rechallenge") == "did_not_recur"


def test_new_lesions_after_taking_each_dose() -> None:
    text = (
        "Erythema at insulin injection sites\nA 60-year-old man developed erythema at the site "
        "of a subcutaneous insulin glargine injection. He continued the injections for four "
        "days, observing, after taking each dose, new erythematous patches."
    )
    assert _challenge(text, "rechallenge") == "recurred"


@pytest.mark.parametrize(
    "text",
    [
        "Ulcers at apomorphine infusion sites\nA 66-year-old man developed necrotic ulcers at "
        "the subcutaneous apomorphine infusion sites on the abdomen. The ulcers resolved about "
        "1 month after stopping apomorphine.",
        "Eczema at etanercept injection sites\nA 49-year-old woman developed eczematous "
        "plaques around the etanercept injection sites. Etanercept was suspended, and the "
        "plaques improved within two weeks.",
    ],
)
def test_stopping_worded_otherwise(text: str) -> None:
    assert _challenge(text, "dechallenge") == "improved"
