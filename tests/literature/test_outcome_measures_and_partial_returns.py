"""Outcome wordings the s0xx round showed, pinned on sentences we wrote (docs/annotation.md,
`outcome`): a laboratory measure or an organ's function that improves or normalises is no
status of the reaction (s064); a function that has not fully returned to normal, or a
recovery 'except' for a remnant, is recovering (s085); a sign or tissue that normalised is
recovered (s083), and so is a patient said to have no long-term damage or disability at a
follow-up (s074)."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft

_CASE = (
    "Finger ischaemia after an accidental injection\n"
    "A 31-year-old man injected epinephrine into his left index finger by accident and "
    "developed a cold, pale and painful finger. "
)


def _outcomes(text: str) -> set[str | None]:
    return {r.get("outcome") for r in extract_draft(_CASE + text).case["reactions"]}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("His glycaemic control improved over the following two months.", None),
        ("His renal function normalized after three sessions of dialysis.", None),
        (
            "Perfusion had improved; however, sensation still had not fully returned to normal.",
            "recovering",
        ),
        ("The finger recovered except for a slight numbness of its tip.", "recovering"),
        ("Phentolamine was injected and the skin colour normalized.", "recovered"),
        ("At one year, he had no long-term damage and no disability.", "recovered"),
        ("At one year, the patient did not have any lasting impairment.", "recovered"),
    ],
)
def test_measures_partial_returns_and_no_lasting_damage(text: str, outcome: str | None) -> None:
    assert _outcomes(text) == {outcome}
