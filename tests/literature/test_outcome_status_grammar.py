"""The last stated status read as a statement (a subject that is the reaction or the patient,
a predicate of change or persistence, a time), pinned on sentences we wrote: wordings of
persistence, lessening and normal function; a status told of one time with a reaction short
of complete recovery; a pluperfect timed from the exposure; an interim response to a
treatment followed by a new consultation; a lasting status in the title (r323, r427, r507,
r515, r594, r600, r617, r623, r629, r636, r672, r687)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"
_CASE = (
    "Nodules after a hyaluronic acid filler\n"
    "A 45-year-old woman developed painful nodules in both cheeks two weeks after a "
    "hyaluronic acid filler injection. She was treated with intralesional hyaluronidase. "
)


def _outcome(text: str, case: str = _CASE) -> str | None:
    return draft_view(extract_draft(case + text))["outcome"]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # persistence: unchanged, not changed, no change
        ("The nodules were unchanged at 6 months.", "not_recovered"),
        ("At the 3-month follow-up, the nodules had not changed.", "not_recovered"),
        ("There was no change at 30 days.", "not_recovered"),
        # a predicate left out after a contrast: the second subject did not improve
        (
            "After 2 months, the pain improved partially although the swelling did not.",
            "not_recovered",
        ),
        # lessening of the reaction's own lesions, a resolution only begun
        ("The nodules gradually decreased over the next months.", "recovering"),
        ("Resolution began after two weeks.", "recovering"),
        ("The nodules began to resolve within a week.", "recovering"),
        # the patient with normal function, the reaction gone or controlled
        ("Three months later she reported normal sensation and facial function.", "recovered"),
        ("Two months later the nodules were no longer palpable.", "recovered"),
        ("The inflammation was controlled with oral prednisolone.", "recovered"),
        (
            "The nodules were diagnosed by ultrasound and successfully treated with hyaluronidase.",
            "recovered",
        ),
        # told of one time: a reaction short of complete recovery keeps the case recovering
        ("The pain completely resolved and the swelling recovered to near-normal.", "recovering"),
        (
            "She recovered to near-normal facial sensation and completely recovered from the pain.",
            "recovering",
        ),
        # one after the other: the later status wins
        (
            "The swelling improved partially and then resolved completely after 3 weeks.",
            "recovered",
        ),
        # a pluperfect timed from the exposure is the state at that time
        (
            "A biopsy was done. The nodules had healed at two months after the injection.",
            "recovered",
        ),
        # "permanent" said of a product or a procedure states nothing
        (
            "She had received a permanent filler before. The lesion was removed by a permanent "
            "biopsy.",
            None,
        ),
    ],
)
def test_status_statements(text: str, outcome: str | None) -> None:
    assert _outcome(text) == outcome


def test_an_interim_response_followed_by_a_new_consultation_is_no_outcome() -> None:
    """'brought some improvement' ... 'she then consulted a dermatologist, who prescribed':
    the improvement was not the last status, and the text states none after it (r636)."""
    text = (DATA / "dc14_outcome_interim_then_referred.txt").read_text(encoding="utf-8")
    assert draft_view(extract_draft(text))["outcome"] is None
    ended = text + " The nodules resolved completely within 6 weeks."
    assert draft_view(extract_draft(ended))["outcome"] == "recovered"


def test_a_full_text_retelling_the_case_does_not_supersede_the_abstract_status() -> None:
    """An abstract's status, then the case told again from the patient's introduction: the
    retelling's consultations are not new events after that status (r628, r540)."""
    text = (
        "Nodules after a hyaluronic acid filler\n"
        "We describe painful nodules of the upper lip after a hyaluronic acid filler "
        "injection. The nodules improved after treatment.\n"
        "Case report\n"
        "A 45-year-old woman presented to our clinic with painful nodules in the upper lip "
        "two weeks after a hyaluronic acid filler injection. She was referred to a surgeon."
    )
    assert draft_view(extract_draft(text))["outcome"] == "recovering"


def test_a_pluperfect_timed_from_the_exposure_is_the_last_status() -> None:
    """'By four weeks after the injection, she had returned to normal daily activity' is the
    state at that time, not one before the narrative's end (r323)."""
    text = (DATA / "dc15_outcome_timed_pluperfect.txt").read_text(encoding="utf-8")
    assert draft_view(extract_draft(text))["outcome"] == "recovered"


def test_a_lasting_status_in_the_title_is_the_outcome_when_the_narrative_states_none() -> None:
    """'Irreversible Blindness Following ...' (r617); a 'persistent' sign in a title is the
    state at presentation and is read as before."""
    text = (
        "Irreversible blindness following a periocular filler injection\n"
        "A 45-year-old woman lost the vision of her right eye minutes after a hyaluronic acid "
        "filler injection in the glabella. Fundus examination showed a central retinal artery "
        "occlusion."
    )
    assert draft_view(extract_draft(text))["outcome"] == "not_recovered"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # an interim response, then the lesions examined: no later status (r575)
        (
            "Oral clindamycin brought some improvement. Physical examination revealed two "
            "firm nodules in the left cheek.",
            None,
        ),
        # a new episode after the status in its own sentence (r435)
        (
            "The swelling resolved within 48 h, and then four days later she developed the same "
            "swelling in the other cheek.",
            None,
        ),
        # what a condition usually does is no status of this patient (r663)
        ("Such nodules tend to resolve spontaneously.", None),
    ],
)
def test_interim_and_generic_statuses(text: str, outcome: str | None) -> None:
    assert _outcome(text) == outcome
