"""A study of a treatment's effect reports its adverse events as rates of its participants: no
case, no reaction (issue 10, "Bad input"; docs/annotation.md, kinds: efficacy studies and
trials reporting adverse events in aggregate are `no_case`), while a study of the adverse
reaction itself is a series and keeps its reactions."""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.efficacy_study import efficacy_study
from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.screen import screen_record

EFFICACY_TRIAL = (
    "Efficacy of intradermal vitamin C for dark circles: a randomized split-face trial\n"
    "Thirty women received four monthly intradermal injections of vitamin C on one side of the "
    "face and saline on the other. Improvement was graded by two blinded observers. Mild pain "
    "(28 of 30), bruising (9 of 30) and transient erythema (4 of 30) were the adverse effects."
)
EFFICACY_AIM = (
    "Abstract\n"
    "We sought to evaluate intralesional bleomycin in the treatment of plantar warts. A total "
    "of 24 patients (13 male, 11 female) received up to three injections. Of 24 patients, 19 "
    "cleared. Pain (24 of 24) and hyperpigmentation (6 of 24) were the main adverse effects."
)
HARM_STUDY = (
    "Early complications of absorbable threads for midface lifting\n"
    "The aim of this study was to describe the complications of absorbable thread lifting. "
    "A retrospective review of 120 patients was performed. Dimpling developed in 6 cases "
    "(5%); thread extrusion developed in 4 cases (3%); infection developed in 2 cases (2%)."
)
COUNTED_REACTIONS = (
    "Efficacy of botulinum toxin A for axillary hyperhidrosis\n"
    "OBJECTIVE: To evaluate the efficacy of botulinum toxin A in axillary hyperhidrosis. "
    "METHODS: A retrospective study of 210 patients treated in one clinic was done. RESULTS: "
    "Sweating decreased in 180 patients. Pain at the injection site occurred in 64 patients "
    "(30%), and fourteen patients developed bruising."
)
CASE_IN_AN_EFFICACY_TEXT = (
    "Efficacy of intralesional bleomycin for warts: skin necrosis in one patient\n"
    "We report a 34-year-old man whose finger became necrotic after the third bleomycin "
    "injection for a periungual wart."
)


@pytest.mark.parametrize("text", [EFFICACY_TRIAL, EFFICACY_AIM])
def test_a_study_of_a_treatments_effect_gives_no_reaction(text: str) -> None:
    assert efficacy_study(split_sentences(text), [])
    draft = extract_draft(text)
    assert draft.case["reactions"] == []
    assert draft.case["products"] == []  # an efficacy study suspects nothing
    assert draft.partial
    assert any("no case in the text" in w for w in draft.warnings)
    title, _, abstract = text.partition("\n")
    assert not screen_record(Record(title=title, abstract=abstract)).relevant


def test_a_study_of_the_reaction_itself_keeps_its_reactions() -> None:
    # a title that names a harm makes the study one of that harm (a series), whatever else
    assert not efficacy_study(split_sentences(HARM_STUDY), [])
    assert extract_draft(HARM_STUDY).case["reactions"]


def test_an_efficacy_study_counting_its_patients_with_a_reaction_is_their_series() -> None:
    # "pain occurred in 64 patients", "fourteen patients developed bruising": a count of the
    # patients who had a reaction the finder kept, not a rate of the treated group
    draft = extract_draft(COUNTED_REACTIONS)
    told = " | ".join(r["verbatim"] for r in draft.case["reactions"])
    assert "pain" in told and "bruising" in told
    assert draft.is_series


def test_a_case_told_in_an_efficacy_text_keeps_its_case() -> None:
    assert not efficacy_study(split_sentences(CASE_IN_AN_EFFICACY_TEXT), [])  # "we report", an age
    assert extract_draft(CASE_IN_AN_EFFICACY_TEXT).case["reactions"]


@pytest.mark.parametrize(
    ("text", "study"),
    [
        # the aim names an effect, and harm only as what the trial also watched: the title decides
        (
            "Efficacy of toxin for bruxism: a randomized trial\nTo assess efficacy and side "
            "effects, 40 adults were treated.",
            True,
        ),
        # no title: the aim sentence names an effect and a harm, so it is no efficacy study
        (
            "Abstract\nThis study examined the efficacy and complications of a new thread. A total "
            "of 90 thread lifts were done.",
            False,
        ),
        # a study that names no purpose of effect
        ("Abstract\nThis study describes 40 patients given depot injections in one clinic.", False),
    ],
)
def test_the_purpose_is_read_from_the_title_then_the_aim(text: str, study: bool) -> None:
    assert efficacy_study(split_sentences(text), []) is study
