"""Reactions that are no reactions of this patient: precision failure classes of real abstracts.

Each class was counted among the false positives of the tune rounds (r-w, a; the texts stay
out of the repository) and is pinned here on sentences we wrote.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.roles import finite_past, statement_about_no_one
from dermavigil.literature.extract.sentences import split_sentences

_CASE = (
    "Skin necrosis after a hyaluronic acid filler: a case report.\n"
    "A 52-year-old woman received a hyaluronic acid filler in the nasolabial fold. Two hours "
    "later she developed pain and livedo reticularis on the cheek. "
)


def _verbatims(text: str) -> list[str]:
    return [r["verbatim"] for r in extract_draft(text).case["reactions"]]


@pytest.mark.parametrize(
    ("sentence", "finite"),
    [
        ("Proposed mechanisms of filler-induced necrosis include vasospasm.", None),
        ("Delayed reactions are characterized by swelling.", None),
        ("A localized plaque is a common finding.", None),
        ("Necrosis caused by fillers is rare.", None),
        ("The swelling resolved in a week.", "resolved"),
        ("She developed a nodule caused by the filler.", "developed"),
        ("Two days later the affected area ulcerated.", "ulcerated"),
    ],
)
def test_a_participle_used_as_an_adjective_is_no_finite_past_verb(
    sentence: str, finite: str | None
):
    match = finite_past(sentence)
    assert (match.group(0) if match else None) == finite


@pytest.mark.parametrize(
    "background",
    [
        "Proposed mechanisms of filler-induced necrosis include vasospasm and thrombosis.",
        "Delayed hypersensitivity reactions are characterized by swelling and induration.",
        "Viral infections and reduced immune function are known triggers of granulomas.",
    ],
)
def test_a_general_statement_opened_by_a_participle_names_no_reaction(background: str):
    """A present-tense statement about no one whose only "-ed" word is a participle
    ("Proposed mechanisms ... include", "... are characterized by") is background: its
    mentions are not the patient's, even right after a case sentence."""
    text = _CASE + background + " The necrosis healed in four weeks."
    assert split_sentences(background) and statement_about_no_one(split_sentences(background)[0])
    got = _verbatims(text)
    assert "pain and livedo reticularis" in got
    words = {w for v in got for w in v.split()}
    assert not words & {"vasospasm", "thrombosis", "swelling", "induration", "infections"}

