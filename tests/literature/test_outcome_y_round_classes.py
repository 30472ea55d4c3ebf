"""Outcome classes read on the y0xx round, pinned on texts we wrote (docs/annotation.md,
``outcome``: the last stated status of this patient's reaction): "fatal" in a present-tense
description of a kind ("it is a very rare and fatal reaction, we suggest ...") says what
such reactions can be, so the patient's recovery told before it stays the outcome."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _outcomes(text: str) -> set[str | None]:
    return {r.get("outcome") for r in extract_draft(text).case["reactions"]}


def test_fatal_in_a_description_of_the_kind_is_no_outcome():
    assert _outcomes(
        "Anaphylaxis to a first injection\nA 12-year-old boy developed generalized urticaria "
        "and wheezing ten minutes after his first subcutaneous dose of methotrexate. He was "
        "given intramuscular adrenaline and recovered. Since it is a rare and fatal "
        "reaction, we suggest that first doses be given in a clinic."
    ) == {"recovered"}
