"""Onset classes read on the y0xx round, pinned on sentences we wrote (docs/annotation.md,
``onset_days``: the latency from the last exposure to the first sign). Minutes or hours
are the time since the dose: "after 10 minutes of medication" is a latency (years of a
drug are time on therapy, none), and a sentence that opens on "Five minutes later" after
the dose's sentence tells the first sign's latency even when its sign is no reaction term
(a follow-up is weeks or months later)."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _onset(text: str) -> float | None:
    return draft_view(extract_draft(text))["onset_days"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "Anaphylaxis to an antibiotic injection\nA 52-year-old woman was given an "
            "intramuscular injection of ceftriaxone in a clinic. On her way out after 15 "
            "minutes of medication she felt her throat closing. She was treated for "
            "anaphylaxis with adrenaline.",
            15 / 1440,
        ),
        (
            "Shock under anaesthesia\nA 63-year-old man received an intravenous injection of "
            "patent blue dye after the induction of anaesthesia. Ten minutes later, his blood "
            "pressure fell to 70/40 mmHg and his oxygen saturation to 88 percent. Anaphylaxis "
            "was diagnosed.",
            10 / 1440,
        ),
    ],
)
def test_minutes_of_a_dose_or_minutes_later_are_the_onset(text: str, days: float) -> None:
    assert _onset(text) == pytest.approx(days, abs=1e-4)


def test_years_of_a_drug_are_time_on_therapy_not_an_onset() -> None:
    assert (
        _onset(
            "Lipoatrophy after insulin\nA 40-year-old man developed lipoatrophy at his "
            "injection sites after 10 years of administration of insulin."
        )
        is None
    )
