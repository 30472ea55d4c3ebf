"""Onset classes read on the tune rounds (r-w, a), pinned on sentences we wrote
(docs/annotation.md, ``onset_days``: the latency from the last exposure to the first sign;
time to presentation is none). A sign's verb dates the sign in any of its inflections, a
participle included ("a granuloma occurring 3 years after"); "presented" used transitively
("presented marked weakness", as translated reports write "showed") is a sign's verb, while
"presented with" stays a visit; the Nth day after the exposure is N days."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _onset(text: str) -> float | None:
    return draft_view(extract_draft(text))["onset_days"]


_TOXIN = (
    "Weakness after botulinum toxin\nA 40-year-old woman received botulinum toxin "
    "injections into the right calf for spasticity. "
)


def test_a_participle_of_a_sign_verb_dates_the_sign_in_a_summary_sentence() -> None:
    assert _onset(
        "Granuloma after an acrylic filler\nWe report a case of a foreign body granuloma in "
        "a 50-year-old woman occurring 3 years after the injection of a semi-permanent "
        "acrylic filler into the cheeks."
    ) == pytest.approx(1095.75)
    # without a sign's verb, the summary times the report, not the sign
    assert (
        _onset(
            "Granuloma after an acrylic filler\nWe report a case of a foreign body granuloma "
            "in a 50-year-old woman seen 3 years after the injection of a semi-permanent "
            "acrylic filler into the cheeks."
        )
        is None
    )


def test_presented_used_transitively_is_a_sign_verb_presented_with_a_visit() -> None:
    assert _onset(
        _TOXIN + "She presented marked weakness of the left arm in the second week after "
        "the injection."
    ) == pytest.approx(7)
    assert (
        _onset(
            _TOXIN + "She presented with marked weakness of the left arm in the second week "
            "after the injection."
        )
        is None
    )


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "Calcinosis after calcium gluconate\nA 2-day-old boy was given intravenous "
            "calcium gluconate through a catheter in the right foot. On the third day after "
            "the infusion, he started to show a firm erythematous plaque on the dorsum of the "
            "foot.",
            3,
        ),
        (
            "Rash after a vaccine\nA 30-year-old man received an influenza vaccine in the "
            "left deltoid. On day 4 after vaccination he noticed a red, itchy plaque at the "
            "injection site.",
            4,
        ),
    ],
)
def test_the_nth_day_after_the_exposure_is_n_days(text: str, days: float) -> None:
    assert _onset(text) == pytest.approx(days)


def test_a_latency_from_the_end_of_a_treatment_is_no_onset() -> None:
    assert _onset(
        "Nodules after a filler\nA 45-year-old woman presented with tender nodules in both "
        "cheeks that had developed 3 months after a hyaluronic acid filler injection. She was "
        "given oral prednisone for 10 days and the nodules cleared. Six days after stopping "
        "therapy, new nodules developed in the same cheeks."
    ) == pytest.approx(91.3125)


def test_the_next_day_told_after_a_sign_latency_is_chained_to_that_sign() -> None:
    assert _onset(
        "Jaw dislocation after botulinum toxin\nA 40-year-old woman received botulinum toxin "
        "injections into the temporalis muscles for migraine. Five days later she developed "
        "acute jaw pain. An X-ray confirmed bilateral temporomandibular joint dislocations, "
        "which were reduced the following day by an oral surgeon."
    ) == pytest.approx(5)
