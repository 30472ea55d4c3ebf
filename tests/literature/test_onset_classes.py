"""Failure classes of the onset latency found on real abstracts, each pinned on sentences we
wrote: compound number words and abbreviated units, an interval's bound ("within 5 d of"),
a stated latency ("of eight-month latency"), ranges (lower bound); what is usual, how long a
sign lasted, when a later status came and when the patient was seen after a worded onset
are no onset (docs/annotation.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"
_TITLE = "A rash after a vitamin K injection\n"


def _onset(text: str) -> float | None:
    return draft_view(extract_draft(_TITLE + text))["onset_days"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "A 60-year-old woman had an intramuscular vitamin K injection. Forty-eight hours "
            "later, she noticed an itchy rash at the injection site.",
            2.0,
        ),
        (
            "A 60-year-old woman had a subcutaneous vitamin K injection. The eczematous rash "
            "developed within 5 d of the injection and persisted for months.",
            5.0,
        ),
        (
            "We report an eczematous plaque of six-month latency after a subcutaneous vitamin K "
            "injection in a 60-year-old woman.",
            6 * 30.4375,
        ),
        (
            "Plaques usually develop 1-2 weeks after injection. A 60-year-old woman developed "
            "plaques 2-3 weeks after an intramuscular vitamin K injection.",
            14.0,
        ),
        (
            "A 60-year-old woman had an intramuscular vitamin K injection and a rash appeared "
            "3 d after the injection.",
            3.0,
        ),
    ],
)
def test_stated_onsets(text: str, days: float):
    assert _onset(text) == pytest.approx(days)


@pytest.mark.parametrize(
    "text",
    [
        # how long a sign lasted
        "A 60-year-old woman had pain and a rash for 3 weeks after an intramuscular vitamin K "
        "injection.",
        # what is usual, then a worded onset of this patient
        "Such plaques typically develop 1-2 weeks after injection. A 60-year-old woman had "
        "a rash soon after an intramuscular vitamin K injection.",
        # the visit after a worded onset
        "A 60-year-old woman presented two months after an intramuscular vitamin K injection "
        "with a rash present since the injection.",
        "A 60-year-old woman had an intramuscular vitamin K injection. Within a few hours she "
        "noticed a rash at the site. Six hours later she presented to the emergency department.",
        # the time of a later status
        "A 60-year-old woman had a rash at the site of an intramuscular vitamin K injection. "
        "By 21 days after her injection, she had resumed normal activity.",
    ],
)
def test_no_onset_stated(text: str):
    assert _onset(text) is None


def test_own_text_abbreviated_unit_after_a_usual_interval_and_a_late_visit():
    text = (DATA / "dq06_onset_abbreviated_and_usual.txt").read_text(encoding="utf-8")
    assert draft_view(extract_draft(text))["onset_days"] == 4.0  # "within 4 d of"


@pytest.mark.parametrize(
    "text",
    [
        # the time the patient was seen or sought care bounds the onset; it is not the onset
        "A 60-year-old woman was admitted to our hospital 4 days after an intramuscular vitamin "
        "K injection with fever and a painful rash at the site.",
        "A 60-year-old man presented 12 hours after a subcutaneous vitamin K injection because "
        "of blisters at the injection site.",
        "A 60-year-old woman presented to the clinic 1 year after the procedure with pain and "
        "swelling of both thighs after a subcutaneous vitamin K injection.",
        "A 60-year-old man was seen in the clinic with a painful plaque on his thigh, 5 days "
        "after a subcutaneous vitamin K injection.",
        "A 60-year-old woman presented with swelling of the thigh, fever, vomiting and a "
        "widespread itchy rash 24 h after a subcutaneous vitamin K injection.",
        "A 60-year-old woman had a subcutaneous vitamin K injection in the thigh. Ten days "
        "later, she presented with a painful rash at the site.",
        "A 60-year-old woman contacted the clinic one hour after an intramuscular vitamin K "
        "injection about a painful rash at the site.",
        # a visit told by its noun (r403, r429, r535)
        "A 60-year-old woman had an intramuscular vitamin K injection. At her first "
        "consultation one month after the injection there was a painful rash at the site.",
    ],
)
def test_time_to_presentation_is_not_an_onset(text: str):
    """docs/annotation.md, settled in the fourth session: 'admitted 3 days after', '12 h
    prior to his visit', a contact, bound the onset but do not state when the first sign
    appeared."""
    assert _onset(text) is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "A 60-year-old woman presented with a rash that had appeared 3 days after an "
            "intramuscular vitamin K injection.",
            3.0,
        ),
        (
            "A 60-year-old man presented with a history of sudden onset of pain in the thigh, "
            "15 hours following a subcutaneous vitamin K injection.",
            0.625,
        ),
    ],
)
def test_a_latency_the_text_gives_the_sign_after_the_visit_verb_is_the_onset(
    text: str, days: float
):
    assert _onset(text) == pytest.approx(days)


def test_own_text_admitted_days_after_the_injection():
    text = (DATA / "dq08_onset_admitted_after.txt").read_text(encoding="utf-8")
    view = draft_view(extract_draft(text))
    assert view["onset_days"] is None  # "admitted ... four days after": the visit, not the onset
    assert view["serious"] and view["outcome"] == "recovered_with_sequelae"


def test_two_intervals_back_from_the_visit_give_their_difference() -> None:
    """docs/annotation.md: where a text gives two intervals, the onset is their difference
    (the exposure 3 weeks before the visit, the first sign 10 days before it: 11 days)."""
    text = (DATA / "dq15_onset_two_intervals.txt").read_text(encoding="utf-8")
    assert draft_view(extract_draft(text))["onset_days"] == 11.0


def test_calendar_dates_give_their_difference() -> None:
    text = (DATA / "dq16_onset_calendar_dates.txt").read_text(encoding="utf-8")
    assert draft_view(extract_draft(text))["onset_days"] == 3 * 30.4375


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # days on both dates: the difference in days
        (
            "On January 18, 2016, vitamin K was injected into the thigh of a 35-year-old woman. "
            "On January 25, 2016, she noticed an itchy rash at the injection site.",
            7.0,
        ),
        # a year-less later date takes the exposure's year
        (
            "A 35-year-old woman had an intramuscular vitamin K injection in October 2019. In "
            "December she developed an itchy plaque on the thigh.",
            2 * 30.4375,
        ),
        # the date the patient was seen is no onset (time to presentation)
        (
            "A 35-year-old woman had an intramuscular vitamin K injection in October 2019. She "
            "presented in December 2019 with an itchy plaque on the thigh.",
            None,
        ),
        # a stated latency wins over the dates
        (
            "A 35-year-old woman had an intramuscular vitamin K injection in October 2019. In "
            "December 2019, she noticed an itchy plaque that had appeared 3 days after the "
            "injection.",
            3.0,
        ),
        # the exposure dated back from the visit alone bounds the onset, states none
        (
            "A 35-year-old woman presented with an itchy plaque on the thigh. She had received "
            "an intramuscular vitamin K injection 3 months earlier.",
            None,
        ),
        (
            "A 35-year-old woman presented with an itchy plaque on the thigh that had appeared "
            "2 months earlier. She had received an intramuscular vitamin K injection 3 months "
            "earlier.",
            30.4375,
        ),
        # a sign's verb and the interval's bound
        (
            "A 35-year-old woman had an intramuscular vitamin K injection. Anaphylaxis "
            "developed within five minutes.",
            5 / 1440,
        ),
        ("Two days prior to symptom onset, she had a vitamin K injection in the thigh.", 2.0),
    ],
)
def test_dated_onsets(text: str, days: float | None) -> None:
    got = _onset(text)
    assert got == days if days is None or got is None else abs(got - days) < 1e-6


def test_two_intervals_with_a_sign_of_n_months_evolution_or_a_complaint_for_n_years() -> None:
    """'A patch of 3 months' evolution' and 'presented with nodules ... for one year' date the
    first sign back from the visit like 'a 3-month history of' (r587, r431)."""
    text = (DATA / "dc04_onset_two_intervals_evolution.txt").read_text(encoding="utf-8")
    assert draft_view(extract_draft(text))["onset_days"] == 2 * 30.4375
    text = text.replace(
        "because of a depressed, hypopigmented patch of 3 months' evolution",
        "complaining of a depressed, hypopigmented patch for 3 months",
    )
    assert draft_view(extract_draft(text))["onset_days"] == 2 * 30.4375
    treated = text.replace("No treatment was given", "She was treated with a cream for 4 months")
    assert draft_view(extract_draft(treated))["onset_days"] == 2 * 30.4375


def test_the_day_after_the_injection_is_one_day():
    """'bruising which had appeared the day after the area was injected' (r403), as 'the
    next day'."""
    text = (
        "A 57-year-old woman had a hyaluronic acid filler injected in "
        "her cheek and noticed bruising that appeared the day after the injection."
    )
    assert _onset(text) == 1.0


def test_exposure_dated_back_from_the_first_symptoms_is_the_onset() -> None:
    """'injections ... 6 days prior to her eye symptoms' dates the exposure back from the first
    sign, not from the visit: the latency is stated (r638)."""
    text = (DATA / "dc12_onset_before_the_symptoms.txt").read_text(encoding="utf-8")
    assert draft_view(extract_draft(text))["onset_days"] == 6.0
    assert _onset("She had a vitamin K injection two weeks before her first complaints.") == 14.0


def test_two_equal_intervals_give_zero() -> None:
    """docs/annotation.md (r6xx decisions): two equal intervals give 0; 'over a period of ten
    days' dates the sign back from the visit like 'for ten days' (r628)."""
    text = (DATA / "dc13_onset_equal_intervals.txt").read_text(encoding="utf-8")
    assert draft_view(extract_draft(text))["onset_days"] == 0.0
    longer = text.replace("over a period of ten days", "over a period of two weeks")
    assert draft_view(extract_draft(longer))["onset_days"] is None


def test_a_status_reached_at_a_time_is_no_onset() -> None:
    """'The patient had healed at two months after the filler injection' times the recovery,
    not the first sign (r623)."""
    text = (
        "A 50-year-old woman had a filler injection in the upper lip and later noticed a "
        "painful swelling there. The patient had healed at two months after the filler "
        "injection."
    )
    assert _onset(text) is None
