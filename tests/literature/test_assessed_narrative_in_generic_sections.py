"""The case narrative told under a heading read as generic, and statuses of the history.

1. A case told under a heading the section reader does not know ("Clinical case:" after a
   "Background:" paragraph) stays in the background section: its sentences told wholly in the
   past continue the narrative there too, so the outcome and the seriousness its last
   sentence states are read (:func:`dermavigil.literature.extract.relevance.case_sentences`).
2. A status said of a condition of the medical history ("her past medical history included
   psoriasis, which was in remission") is no outcome of the reaction
   (:data:`dermavigil.literature.extract.outcome._BEFORE_CASE`).

The texts are ours, none copied from an abstract.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.case_sections import with_case_sections
from dermavigil.literature.extract.relevance import case_sentences
from dermavigil.literature.extract.roles import told_wholly_in_past
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.realscore import draft_view

_UNKNOWN_HEADING = (
    "County Hospital poster abstract\n"
    "Background: Reactions at the injection site of depot analogues are seldom described.\n"
    "Clinical case: Mr. B is a 70 year old man with a pancreatic tumour. A monthly depot "
    "analogue was started by a community nurse. After the third injection he was reviewed in "
    "clinic. He had two areas of skin breakdown in the buttocks. One area was ulcerated and was "
    "dressed by the district nurses. A plastic surgeon saw him five months later. The ulcers "
    "were excised and the wounds healed, leaving broad scars."
)


def test_a_narrative_told_in_a_generic_section_continues_to_its_last_sentence() -> None:
    sentences = with_case_sections(_UNKNOWN_HEADING, split_sentences(_UNKNOWN_HEADING))
    window = case_sentences(sentences, told_wholly_in_past)
    assert window[-1].section == "background"
    assert window[-1].text.startswith("The ulcers were excised")
    # without the narrative test, a generic section still continues nothing
    assert case_sentences(sentences)[-1].text.startswith("He had two areas")


_HISTORY_STATUS = (
    "Granulomas after a lip filler\n"
    "A 41-year-old woman developed firm nodules in the upper lip two months after a filler "
    "injection. Her past medical history included psoriasis, which was in remission."
)


@pytest.mark.parametrize(
    ("text", "outcome", "serious"),
    [(_UNKNOWN_HEADING, "recovered_with_sequelae", True), (_HISTORY_STATUS, None, False)],
    ids=["narrative-in-a-generic-section", "status-of-the-medical-history"],
)
def test_the_outcome_and_seriousness_read(text: str, outcome: str | None, serious: bool) -> None:
    view = draft_view(extract_draft(text))
    assert (view["outcome"], view["serious"]) == (outcome, serious)
