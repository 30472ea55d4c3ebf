"""Onset classes read on the t0xx round, pinned on sentences we wrote (docs/annotation.md,
``onset_days``: the latency from the last exposure to the first sign): a "N later" told after
another sign's latency counts from that sign; time on a therapy ("six days after starting
heparin therapy"), a visit ("revisited our hospital after 1 month"), a state at a follow-up
("At more than two years post-injection, the patient has ...") and a healthy period dated back
("healthy until 20 days before the development of the lesion") are no onset, while "well
until a year after the procedure, when masses appeared" is one; minutes in Spanish count."""

from __future__ import annotations

import pytest

from dermavigil.domain.dates import Duration
from dermavigil.literature.extract import extract_draft


def _onset(text: str) -> float | None:
    days = [
        Duration.model_validate(r["onset_latency"]).days()
        for r in extract_draft(text).case["reactions"]
        if r.get("onset_latency")
    ]
    return min(days) if days else None


_TITLE = "Skin reaction after an injection\n"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "A 10-year-old girl had a tuberculin skin test. A bulla developed 4 days after the "
            "injection. An eschar formed over the bulla 2 days later.",
            4,
        ),
        (
            "An 80-year-old woman was given enoxaparin. Six days after starting heparin therapy, "
            "a painful plaque appeared around the injection site.",
            None,
        ),
        (
            "A 70-year-old man received a depot injection of leuprorelin in the abdomen. He "
            "revisited our hospital after 1 month with a subcutaneous nodule.",
            None,
        ),
        (
            "A 40-year-old woman developed shoulder pain after an influenza vaccine. At more than "
            "two years post-injection, the patient has ongoing pain and stiffness.",
            None,
        ),
        (
            "A 33-year-old woman with an indurated plaque on the buttock was seen. She had been "
            "healthy until 20 days before the development of the lesion.",
            None,
        ),
        (
            "A 50-year-old woman had fat injected around the eyes. She remained well until a year "
            "after the procedure, when firm masses were found at the injection site.",
            365.25,
        ),
    ],
)
def test_onset_wordings(text: str, days: float | None) -> None:
    assert _onset(_TITLE + text) == days


def test_minutes_in_spanish() -> None:
    text = (
        "Síndrome de Nicolau tras una inyección intramuscular\n\n"
        "Se presenta el caso de una mujer de 40 años que presentó una mácula purpúrica, "
        "caliente y dolorosa en la nalga, 30 minutos posterior a la administración "
        "intramuscular de diclofenaco. Se diagnosticó síndrome de Nicolau."
    )
    assert _onset(text) == pytest.approx(30 / 1440)
