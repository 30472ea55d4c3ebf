"""Reaction recall classes of the u0xx round (issue 10), pinned on texts we wrote.

Each test names a class of wording or layout found on real published case reports (which
stay out of the repository) that kept a reaction of the patient from being a candidate, and
checks it on our own text or sentence.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _verbatims(draft) -> set[str]:
    return {r["verbatim"] for r in draft.case["reactions"]}


def test_a_publisher_menu_naming_the_bibliography_does_not_end_the_case():
    """A publisher page lists its menu ("Full Text", "Bibliography", "Download PDF") before
    the letter: that heading opens no reference list, so the case after it is read."""
    draft = extract_draft(
        "Granulomas in a lip tattoo: a letter\n"
        "Full Text\nBibliography\nDownload PDF\nStatistics\n"
        "Dear Editor,\n"
        "A 41-year-old woman had a permanent make-up tattoo of the lips three years before. "
        "On examination, she had raised plaques over the red pigment of the upper lip and "
        "areas of scaling.\n"
        "References\n"
        "1. Smith AB, Jones C. Tattoo reactions. Dermatol Rep 2019; 4: 1-5."
    )
    assert {"raised plaques"} <= _verbatims(draft)


def test_a_reference_list_still_ends_the_case():
    draft = extract_draft(
        "Nodules after a filler\n"
        "A 50-year-old woman developed nodules of the cheek after a filler injection.\n"
        "References\n"
        "1. Smith AB, Jones C. Ulcers after fillers and their necrosis. Dermatol Rep 2019."
    )
    assert _verbatims(draft) == {"nodules"}
