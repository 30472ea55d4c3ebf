"""A wrong administration told as an accidental injection injury ("an unintentional
auto-injector injury to the thumb") or as a needle's overpenetration is stated for the case:
approved false (docs/annotation.md, c0xx decisions: an auto-injector fired into a digit and a
needle pushed too deep are approved false)."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _approval(text: str) -> bool | None:
    return draft_view(extract_draft(text))["route_approval"]


def test_an_accidental_injection_told_as_an_injury_is_a_wrong_route() -> None:
    text = (
        "Digital ischaemia after an epinephrine auto-injector\n"
        "A 29-year-old man sustained an unintentional epinephrine auto-injector injury to the "
        "tip of his left index finger. The finger became pale and cold within minutes."
    )
    assert _approval(text) is False


def test_a_needle_overpenetration_is_a_wrong_technique() -> None:
    text = (
        "Septic arthritis of the shoulder after a vaccine\n"
        "A 14-year-old girl developed shoulder pain and fever 9 days after an intramuscular "
        "injection of an influenza vaccine into the deltoid. The infection was attributed to "
        "overpenetration of the needle into the joint during the injection."
    )
    assert _approval(text) is False
    correct = text.replace(
        " The infection was attributed to overpenetration of the needle into the joint during "
        "the injection.",
        "",
    )
    assert _approval(correct) is True
