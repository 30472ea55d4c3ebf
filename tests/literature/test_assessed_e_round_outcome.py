"""Outcome class first read on round e0xx (its first session in the tune set): a reaction of
this patient called transient, short-lived or of short duration, when nothing later is told,
is recovered (docs/annotation.md: "transient" is recovered)."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view


def _view(text: str) -> dict:
    return draft_view(extract_draft(text))


@pytest.mark.parametrize(
    "told",
    [
        "We describe a transient oculomotor palsy after a dental nerve block in a 50-year-old man.",
        "A 50-year-old man developed a short-lived oculomotor palsy after a dental nerve block.",
        "A 50-year-old man developed erythema and itching at the injection site after a dental "
        "nerve block, which lasted for two hours.",
    ],
)
def test_a_reaction_told_as_transient_is_recovered(told: str) -> None:
    text = f"A complication of dental anaesthesia\n{told} No treatment was given."
    assert _view(text)["outcome"] == "recovered"


@pytest.mark.parametrize(
    "told",
    [
        # a kind of reactions, no reaction of this patient
        "A 50-year-old man had a dental nerve block. Injection site reactions are usually "
        "transient. He developed an oculomotor palsy the next day.",
        # an open duration states no end
        "A 50-year-old man developed an oculomotor palsy after a dental nerve block, which "
        "lasted for more than six months.",
        # a later status wins
        "A 50-year-old man developed a transient oculomotor palsy after a dental nerve block. "
        "Six months later the palsy persisted.",
    ],
)
def test_transient_only_of_this_patients_reaction_and_only_when_nothing_later(told: str) -> None:
    text = f"A complication of dental anaesthesia\n{told}"
    assert _view(text)["outcome"] != "recovered"
