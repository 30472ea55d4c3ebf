"""Outcome classes read on the z0xx round, pinned on texts we wrote (docs/annotation.md,
``outcome``: the last stated status of this patient's reaction). A patient discharged
"uneventfully" recovered, as one discharged in good condition did. A patient "followed for
1 year" was followed for a duration, not watched for a sign: the improvement told after it
is stated, not hypothetical."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _outcomes(text: str) -> set[str | None]:
    return {r.get("outcome") for r in extract_draft(text).case["reactions"]}


_ABSCESS = (
    "Abscess after an epidural injection\nA 58-year-old man developed an epidural abscess "
    "two weeks after an epidural steroid injection. "
)


def test_discharged_uneventfully_is_recovered():
    assert _outcomes(
        _ABSCESS + "He was discharged uneventfully on oral antibiotics after surgical drainage."
    ) == {"recovered"}


def test_an_improvement_told_after_a_follow_up_duration_is_stated():
    assert _outcomes(
        _ABSCESS + "The abscess was drained. He was followed for 1 year and there was a "
        "significant improvement in his symptoms."
    ) == {"recovering"}
    assert _outcomes(
        _ABSCESS + "The abscess was drained and he was followed for signs of recurrence."
    ) == {None}
