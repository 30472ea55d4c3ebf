"""Seriousness (ICH E2A) wordings the s0xx round showed, pinned on sentences we wrote
(docs/annotation.md, the s0xx decisions): Bell's palsy is a paralysis like any nerve palsy
(s018), a foot drop a paresis (s087, r990), deformities a reaction left are disfigurement
(s021), a suicide is a death (s035), an operation told as 'surgically managed' is surgery
(s056); what an agent causes or how common a condition is, told in the present of no one, is
no criterion of the case (s010, s011)."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft

_CASE = (
    "Complication after a hyaluronic acid filler\n"
    "A 39-year-old woman developed painful swelling of the upper lip one day after a "
    "hyaluronic acid filler injection. "
)


def _criteria(text: str) -> set[str]:
    draft = extract_draft(text)
    return {c for r in draft.case["reactions"] for c in r.get("seriousness", [])}


@pytest.mark.parametrize(
    ("text", "criteria"),
    [
        (_CASE + "Three days later she had a left-sided Bell's palsy.", {"disability"}),
        (_CASE + "On examination she had a right Bell\u2019s palsy.", {"disability"}),
        (_CASE + "A week later she developed a left foot drop.", {"disability"}),
        (
            _CASE + "The infection spread to the cheek, leading to facial deformities.",
            {"disability"},
        ),
        (_CASE + "Persistent deformities of the lip remained at one year.", {"disability"}),
        (_CASE + "There was a deformity of the lip on examination.", set()),
        (_CASE + "Six months later she committed suicide.", {"death"}),
        (_CASE + "The resulting haematoma was surgically managed.", {"medically_important"}),
        (_CASE + "The abscess was managed surgically.", {"medically_important"}),
        (
            _CASE + "Botulinum toxin, which causes paralysis by blocking acetylcholine release, "
            "was not given.",
            set(),
        ),
        (_CASE + "Wound botulism now is much more common among people who inject drugs.", set()),
    ],
)
def test_disability_death_and_surgery_wordings(text: str, criteria: set[str]) -> None:
    assert _criteria(text) == criteria
