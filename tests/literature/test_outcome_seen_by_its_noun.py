"""An interim status followed by the patient being seen, told by the verb's noun ("at
presentation", "a consultation was obtained"), is no outcome: the status came before the case
was seen, as when it is told by the verb ("she then consulted", "was referred")."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view

_CASE = (
    "Abscess after an intramuscular injection\n"
    "A 52-year-old woman developed a painful swelling of the buttock three days after an "
    "intramuscular injection of diclofenac. "
)


def _outcome(text: str) -> str | None:
    return draft_view(extract_draft(_CASE + text))["outcome"]


@pytest.mark.parametrize(
    "text",
    [
        "She took oral antibiotics, but the swelling did not improve. At presentation, a "
        "fluctuant mass of 5 cm was found.",
        "Since the swelling did not improve, a surgical consultation was obtained.",
        "Oral antibiotics were given without improvement. On admission, she had a fever.",
    ],
)
def test_an_interim_status_then_the_patient_seen_by_its_noun_is_no_outcome(text: str) -> None:
    assert _outcome(text) is None


def test_a_status_told_after_the_patient_was_seen_is_the_outcome() -> None:
    text = (
        "She took oral antibiotics, but the swelling did not improve. At presentation, a "
        "fluctuant mass of 5 cm was found. After drainage, the swelling resolved completely."
    )
    assert _outcome(text) == "recovered"
    # with nothing told after it, the persistence stays the last status
    assert _outcome("She took oral antibiotics, but the swelling did not improve.") == (
        "not_recovered"
    )
