"""Treatment failure classes of the x0xx round (now dev), each pinned on a text we wrote.

Treatments are what was given or done *for the reaction* (docs/annotation.md,
``treatments``): a drug that took the suspect's place, or whose place the suspect took, is
the therapy of the underlying disease continued (a switch is a dechallenge, r869).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def test_the_drug_started_after_the_suspect_was_stopped_replaces_it():
    assert _treatments(
        "Haemorrhagic blisters during dalteparin\nA 71-year-old woman received subcutaneous "
        "dalteparin for a pulmonary embolism. On the fourth day tense haemorrhagic blisters "
        "appeared on her thighs. Dalteparin was stopped and she was started on oral "
        "rivaroxaban. The blisters were treated with topical mupirocin and healed in two weeks."
    ) == ["mupirocin"]


def test_the_drug_the_suspect_was_switched_from_is_no_treatment():
    assert _treatments(
        "Injection site plaques from a TNF inhibitor\nA 26-year-old man with ulcerative "
        "colitis was initially treated with golimumab, but a loss of response led to "
        "switching to adalimumab. After the third adalimumab injection, itchy erythematous "
        "plaques appeared at the injection sites. They resolved with topical betamethasone."
    ) == ["betamethasone"]
