"""Onset classes read on the u0xx round, pinned on sentences we wrote (docs/annotation.md,
the u0xx decision: two stated intervals give their difference, time since injection or
tattooing minus the lesions' duration): a tattoo or a microblading session dated back is an
exposure like an injection; a text in Spanish, Portuguese or French dates both intervals
with its own words ("realizado hacía 6 meses", "de una semana de evolución", "desde hacía 2
meses", "il y a deux ans", "depuis trois semaines")."""

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


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "Granulomas in a lip tattoo\nWe present a 58-year-old woman who had a cosmetic "
            "tattoo of red ink on her upper lip 2 years ago and presented with a 3-month "
            "history of swelling and itching of the lip.",
            730.5 - 91.3125,
        ),
        (
            "Sarcoidosis in eyebrow microblading\nA 39-year-old woman presented with a "
            "4-month history of red papules on both eyebrows at the site of microblading "
            "2 years prior.",
            730.5 - 121.75,
        ),
        (
            "Reacción a un tatuaje\nUna mujer de 30 años consultó por pápulas pruriginosas de "
            "dos semanas de evolución sobre un tatuaje del antebrazo realizado hacía 8 meses.",
            243.5 - 14,
        ),
        (
            "Granuloma labial\nUna mujer de 50 años consultó por induración del labio desde "
            "hacía 3 meses. Reconoció que un año antes se había practicado una infiltración "
            "en los labios.",
            365.25 - 91.3125,
        ),
        (
            "Réaction à un tatouage\nUne femme de 35 ans a consulté pour des nodules "
            "depuis trois semaines sur un tatouage réalisé il y a deux ans.",
            730.5 - 21,
        ),
    ],
)
def test_two_intervals_with_a_tattoo_or_in_another_language(text: str, days: float) -> None:
    assert _onset(text) == pytest.approx(days, abs=0.01)


def test_a_sign_longer_than_the_exposure_interval_gives_nothing() -> None:
    text = (
        "Reacción a un tatuaje\nUna mujer de 30 años consultó por pápulas pruriginosas de "
        "un año de evolución sobre un tatuaje del antebrazo realizado hacía 8 meses."
    )
    assert _onset(text) is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "Edema after old filler\nA 60-year-old woman presented with swelling of the cheeks "
            "in areas treated with silicone injections 12 years earlier. The patient reported "
            "that the swelling had started 4 months previously.",
            4383 - 121.75,
        ),
        (
            "Plaques after a filler\nA 70-year-old woman presented with a two year history of "
            "yellow plaques on the lower eyelids. She had received a permanent filler "
            "(microspheres of a synthetic polymer suspended in a resorbable animal-derived gel "
            "carrier) in the lower eyelid area approximately 8 years prior.",
            2922 - 730.5,
        ),
        (
            "Breast abscess after hydrogel\nA 35-year-old woman presented to the emergency "
            "department of a regional teaching hospital with breast pain for 2-3 weeks. She had "
            "a hydrogel injection in both breasts approximately 4-5 months ago.",
            121.75 - 14,
        ),
    ],
)
def test_interval_grammar_ranges_sign_verbs_and_long_exposure_clauses(
    text: str, days: float
) -> None:
    """A range gives its lower bound (r9xx decision), a sign's own verb dates it outside a
    sentence about the visit, an exposure clause may name the material at length, a visit
    "to" a place comes before what the patient presented "with"."""
    assert _onset(text) == pytest.approx(days, abs=0.01)
