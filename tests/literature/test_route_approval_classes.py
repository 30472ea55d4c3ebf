"""Route-approval classes of this session (docs/annotation.md, the r4xx annotators'
decisions), each pinned on texts we wrote: botulinum toxin injected into a muscle named by
its anatomical name is an intramuscular injection, the route it is made for; an uncatalogued
material the patient injected herself is not made for that injection."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


def test_own_text_toxin_into_named_muscles():
    view = _view((DATA / "dq09_toxin_named_muscles.txt").read_text(encoding="utf-8"))
    assert view["route"] == "intramuscular"
    assert view["route_approval"] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "received abobotulinumtoxinA in the orbicularis oculi for crow's feet",
        "was injected with botulinum toxin in the platysmal bands",
        "had onabotulinumtoxinA injected into both masseters",
        "received botulinum toxin injections into the left frontalis",
    ],
)
def test_a_named_muscle_is_an_intramuscular_injection(sentence: str):
    view = _view(f"Diplopia after toxin\nA 45-year-old woman {sentence}. She developed diplopia.")
    assert view["route"] == "intramuscular" and view["route_approval"] is True


def test_a_named_muscle_without_an_injection_is_no_route():
    view = _view(
        "Weakness after toxin\nA 45-year-old woman had botulinum toxin for frown lines. She "
        "developed weakness of the frontalis."
    )
    assert view["route"] is None


def test_own_text_self_injected_oil():
    view = _view((DATA / "dq10_self_injected_oil.txt").read_text(encoding="utf-8"))
    assert view["route_approval"] is False


@pytest.mark.parametrize(
    ("sentence", "approval"),
    [
        ("self-injected liquid silicone into her hips", False),
        ("injected herself with a mineral oil in the breasts", False),
        # a prescribed drug the patient injects herself by its route is given as labelled
        ("self-injected her subcutaneous insulin in the thighs as prescribed", True),
    ],
)
def test_a_material_the_patient_injected_herself(sentence: str, approval: bool | None):
    view = _view(f"Nodules after injections\nA 45-year-old woman {sentence} and developed nodules.")
    assert view["route_approval"] is approval


def test_an_injection_word_split_by_pdf_hyphenation_is_an_administration():
    view = _view(
        "Swelling after toxin\nA 35-year-old woman had jaw swelling after botulinum toxin was "
        "injec- ted into her masseters for bruxism."
    )
    assert view["route"] == "intramuscular" and view["route_approval"] is True
