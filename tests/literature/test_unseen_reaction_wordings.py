"""Reaction wordings that never became a candidate on real case reports (issue 10, the
session-30 recall round), pinned on sentences we wrote."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.mentions import reaction_abbreviations


def _verbatims(draft) -> set[str]:
    return {r["verbatim"].lower() for r in draft.case["reactions"]}


def test_a_short_form_of_a_noun_phrase_headed_by_a_finding_stands_for_it():
    """'Chronic ischaemic retinopathy (CIR)': the long form is one noun phrase whose head (its
    last word) names a finding, though the whole phrase is in no vocabulary; the case's 'CIR'
    is reported by the long form."""
    text = (
        "Chronic ischaemic retinopathy (CIR) is rare. Cellulitis of deep tissue (CDT) is "
        "common. A 40-year-old woman was diagnosed with CIR three weeks after a filler."
    )
    defined = reaction_abbreviations(text)
    assert defined["CIR"][0] == "Chronic ischaemic retinopathy"
    assert "CDT" not in defined  # a postmodifier: not a bare noun phrase headed by its last word
    draft = extract_draft(
        "Eye findings after a filler\nChronic ischaemic retinopathy (CIR) is a rare event. "
        "A 40-year-old woman received hyaluronic acid filler in the glabella and was diagnosed "
        "with CIR three weeks later."
    )
    assert "chronic ischaemic retinopathy" in _verbatims(draft)


def test_a_long_form_with_a_postmodifier_defines_no_reaction():
    """'a visual analogue scale for pain (VAS)': the phrase's head is the scale, not the pain."""
    text = "Pain was scored on a visual analogue scale for pain (VAS) at each visit."
    assert "VAS" not in reaction_abbreviations(text)
