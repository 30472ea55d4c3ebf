"""Reactions: failure classes of the x0xx round of real abstracts (kept out of the
repository), pinned on texts we wrote ourselves."""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _verbatims(text: str) -> set[str]:
    return {r["verbatim"].lower() for r in extract_draft(text).case["reactions"]}


def test_index_terms_naming_the_patient_are_no_event_of_the_case():
    """A keyword line names what the article is about ("male patient; anaphylaxis;
    urticaria"), not what happened to the patient (docs/annotation.md: index terms and
    keywords are not the patient's), even when one of its terms is a word for the patient."""
    text = (
        "Buttock nodule after a vitamin injection\n"
        "A 52-year-old man received an intramuscular injection of cyanocobalamin in the left "
        "buttock. Two weeks later he developed a tender nodule at the injection site. The "
        "nodule resolved after warm compresses.\n"
        "Keywords: male patient; anaphylaxis; urticaria; injections, intramuscular; "
        "vitamin B12\n"
    )
    verbatims = _verbatims(text)
    assert "tender nodule" in verbatims
    assert not verbatims & {"anaphylaxis", "urticaria"}

