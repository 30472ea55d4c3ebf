"""Reaction and body-site wordings of real case reports, pinned on texts we wrote.

Each test names a class of wording found on published abstracts (which stay out of the
repository) and checks it on our own text (``tests/data/literature/d7*``) or sentence.
"""

from __future__ import annotations

from pathlib import Path

from dermavigil.literature.extract import extract_draft

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _draft(name: str):
    return extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8"))


def _codes(draft) -> set[str]:
    return {c["code"] for r in draft.case["reactions"] for c in r.get("codes", [])}


def test_descriptive_adjectives_outside_a_lesion_noun_are_reactions():
    """'a slightly tender area', 'a hypopigmented, atrophic depression': the adjective names
    the finding (by its noun: hypopigmentation, atrophy); negated ones are set aside."""
    draft = _draft("d72_descriptive_adjectives")
    verbatims = {r["verbatim"] for r in draft.case["reactions"]}
    assert {"tender", "hypopigmented", "atrophic", "telangiectatic"} <= verbatims
    assert {"HP:0025283", "HP:0001010", "HP:0004334", "HP:0001009"} <= _codes(draft)
    # "the skin was not erythematous or indurated", "non-pruritic", "not warm"
    assert {e["text"] for e in draft.excluded} == {"erythematous", "indurated"}
    assert not {"HP:0010783", "HP:0030053", "HP:0000989"} & _codes(draft)


def test_a_recommendation_drawn_from_the_case_is_not_the_case():
    draft = extract_draft(
        "Ulcer after an injection\nA 50-year-old man developed an ulcer of the thigh after "
        "an intramuscular injection of diclofenac. This case shows that physicians should suspect "
        "the syndrome in patients presenting with necrotic or purpuric lesions."
    )
    assert {r["verbatim"] for r in draft.case["reactions"]} == {"ulcer"}
