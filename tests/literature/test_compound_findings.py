"""A finding named by one neoclassical compound no vocabulary holds (issue 10, the d0xx round
and the tune rounds: "lipohypertrophy", "papulonodules"): a combining form ending in "o" and
a finding's head noun. Texts we wrote."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.compound_findings import compound_findings
from dermavigil.literature.extract.mentions import mentions


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Two years later she developed lipohypertrophy at the sites.", "lipohypertrophy"),
        ("He presented with four firm papulonodules on the forearm.", "papulonodules"),
        ("The examination showed a right arm monoparesis.", "monoparesis"),
    ],
)  # fmt: skip
def test_a_compound_ending_in_a_finding_head_is_a_mention(sentence, word):
    assert word in [m.text for m in mentions(sentence, {})]


@pytest.mark.parametrize(
    "word",
    # no finding head after a combining form; a compound the coder codes is the index's
    ["mesotherapy", "immunotherapy", "ultrasonography", "polynucleotide", "lipoatrophy"],
)
def test_no_compound_is_read_where_no_finding_head_ends_the_word(word):
    assert compound_findings(f"The report names {word} once.") == []


def test_a_compound_finding_of_the_patient_is_a_reaction_of_the_case():
    draft = extract_draft(
        "Lipohypertrophy after insulin injections: a case report\n"
        "A 52-year-old man injected insulin into the same abdominal site for years. He "
        "developed lipohypertrophy at that site, which regressed after the sites were rotated."
    )
    assert "lipohypertrophy" in {r["verbatim"].lower() for r in draft.case["reactions"]}
