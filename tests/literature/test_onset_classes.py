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
