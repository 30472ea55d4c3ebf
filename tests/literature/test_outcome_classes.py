"""Failure classes of outcome and seriousness found on real abstracts, each pinned on
sentences we wrote: the last status told wins, within a sentence too; a degree short of
complete is recovering and a pace is not a degree; sequelae are lasting changes, not
treatments or the reaction's own remnants; possibilities, purposes and history before the
case state no outcome; a diagnostic excision is not surgery on the reaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"
_CASE = (
    "Nodules after a hyaluronic acid filler\n"
    "A 45-year-old woman developed painful nodules in both cheeks two weeks after a "
    "hyaluronic acid filler injection. "
)


def _outcomes(text: str) -> set[str | None]:
    return {r.get("outcome") for r in extract_draft(_CASE + text).case["reactions"]}


def _serious(text: str) -> set[str]:
    draft = extract_draft(_CASE + text)
    return {s for r in draft.case["reactions"] for s in r.get("seriousness", [])}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # the last status of a sentence wins
        ("The swelling persisted for two weeks and then resolved completely.", "recovered"),
        ("Although the redness improved, the pain did not resolve.", "not_recovered"),
        ("The induration failed to improve with oral prednisolone.", "not_recovered"),
        ("There was no improvement at all after three sessions.", "not_recovered"),
        # a degree short of complete is recovering; a pace is not a degree
        ("The nodules regressed significantly after triamcinolone.", "recovering"),
        ("At the last visit the nodules were markedly reduced in size.", "recovering"),
        ("The nodules had improved but did not completely resolve.", "recovering"),
        ("The nodules improved over six months, though residual nodules remained.", "recovering"),
        ("With four months of antibiotics the nodules gradually subsided.", "recovered"),
        ("She showed total resolution after hyaluronidase.", "recovered"),
        ("A complete reversal of the ischaemia was observed after hyaluronidase.", "recovered"),
        ("She was discharged home in good general condition.", "recovered"),
        ("The outcome was good at the removal of the sutures.", "recovered"),
        # sequelae are lasting changes the reaction left
        ("The nodules healed, leaving a faint atrophic scar.", "recovered_with_sequelae"),
        ("The nodules resolved, but she developed hyperpigmentation.", "recovered_with_sequelae"),
        (
            "She healed with slight scarring and an excellent cosmetic outcome.",
            "recovered_with_sequelae",
        ),
        ("The nodules resolved with topical hydrocortisone.", "recovered"),
        ("Hyaluronidase helped resolve the nodules.", "recovered"),
        ("The nodules took three months to resolve.", "recovered"),
        ("The nodules had almost completely resolved at six months.", "recovering"),
        ("The nodules healed completely within 4 weeks without scarring.", "recovered"),
        ("A biopsy showed residual filler around a granuloma.", None),
        # possibilities, purposes and history before the case are no outcome
        ("Such nodules may resolve over months leaving a depressed scar.", None),
        ("Early recognition of the nodules is needed to improve outcomes.", None),
        ("Five years ago she had an injection in the chin, which healed well.", None),
    ],
)
def test_outcome_wordings(text: str, outcome: str | None):
    assert _outcomes(text) == {outcome}


def test_a_summary_sentence_gives_the_course_when_the_narrative_does_not():
    text = (
        "Occlusion after a filler\nThis article describes a woman who had an arterial occlusion "
        "after a calcium hydroxylapatite injection and her course of recovery with "
        "platelet-rich plasma. A 35-year-old woman had blanching and pain of the upper lip "
        "minutes after the injection."
    )
    assert {r.get("outcome") for r in extract_draft(text).case["reactions"]} == {"recovering"}


@pytest.mark.parametrize(
    ("text", "criteria"),
    [
        ("One nodule was excised and sent for histopathology, which showed a granuloma.", set()),
        # a removal counts when the text ties the resolution to it (docs/annotation.md, r4xx
        # and r7xx decisions)
        (
            "The filler was surgically removed under general anaesthesia, and the swelling "
            "resolved.",
            {"medically_important"},
        ),
        (
            "Surgery for removal of the filler was performed, after which the nodules healed.",
            {"medically_important"},
        ),
        ("The filler was surgically removed under general anaesthesia.", set()),
        ("The nodule persisted for 10 months until it was excised.", set()),
        ("After debridement, a local flap closed the defect.", {"medically_important"}),
        (
            "A viral infection could have contributed to her anaphylactic reaction.",
            {"life_threatening"},
        ),
        ("Surgical excision may be needed if the nodules persist.", set()),
        ("Surgery was not required.", set()),
        (
            "An abscess formed and was incised and drained, and the pus was sent for culture.",
            {"medically_important"},
        ),
    ],
)
def test_seriousness_wordings(text: str, criteria: set[str]):
    assert _serious(text) == criteria


def test_own_texts_last_status_sequela_and_diagnostic_excision():
    draft = extract_draft(
        (DATA / "dq04_outcome_last_status_and_sequela.txt").read_text(encoding="utf-8")
    )
    reactions = draft.case["reactions"]
    assert {r.get("outcome") for r in reactions} == {"recovered_with_sequelae"}
    assert reactions[0]["sequelae"] == ["small depressed scar"]
    draft = extract_draft(
        (DATA / "dq05_diagnostic_excision_degree.txt").read_text(encoding="utf-8")
    )
    reactions = draft.case["reactions"]
    assert {r.get("outcome") for r in reactions} == {"recovering"}  # a modal sentence is no status
    assert not any(r.get("seriousness") for r in reactions)


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        (
            "The paralysis of the peroneal nerve territory was considered permanent.",
            "not_recovered",
        ),
        ("She recovered with reduced motor function of the left foot.", "recovered_with_sequelae"),
        ("The wound healed leaving a depressed scar.", "recovered_with_sequelae"),
    ],
)
def test_a_loss_of_function_that_remains_is_not_recovered(sentence: str, outcome: str):
    """docs/annotation.md (r059, r421): a paresis said to be permanent, with no recovery
    stated, is the reaction persisting, not a sequela; a recovery stated with a deficit left,
    or a scar, is recovered with sequelae."""
    text = (
        "Necrosis after an injection\nA 61-year-old woman developed necrosis of the buttock and "
        f"a foot drop after an intramuscular diclofenac injection. {sentence}"
    )
    reactions = extract_draft(text).case["reactions"]
    assert {r.get("outcome") for r in reactions} == {outcome}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # final statuses in other words: cured, a resolution of the lesion, a reversal
        ("With oral steroids the patient was cured within two weeks.", "recovered"),
        ("After a year of treatment she evolved with resolution of the nodules.", "recovered"),
        ("The ischaemia of the lip was completely reversed with warm compresses.", "recovered"),
        # a decline after an improvement is the last status: not recovered
        (
            "The eyelid swelling improved. However, visual acuity declined to 20/200.",
            "not_recovered",
        ),
        ("Despite hyaluronidase the necrosis worsened over the next days.", "not_recovered"),
        # an amputation as the last event leaves the patient with a sequela
        (
            "The necrosis progressed and the patient underwent an above-elbow amputation.",
            "recovered_with_sequelae",
        ),
    ],
)
def test_final_statuses_in_other_words(text: str, outcome: str) -> None:
    assert _outcomes(text) == {outcome}


def test_an_amputation_states_the_outcome_but_is_no_sequela() -> None:
    """The amputation is the surgery, a treatment (docs/annotation.md), not a reaction the
    patient was left with: it makes the outcome recovered with sequelae and is not listed
    among the sequelae, which the scorer compares with the gold reactions."""
    draft = extract_draft(
        _CASE + "Gangrene of the fingers necessitated a forearm amputation three weeks later."
    )
    sequelae = {s for r in draft.case["reactions"] for s in r.get("sequelae", [])}
    assert not sequelae
    assert {r.get("outcome") for r in draft.case["reactions"]} == {"recovered_with_sequelae"}


def test_own_text_status_at_follow_up_and_a_hedged_fatal():
    """A class 'sometimes fatal' in a background sentence is no death of this patient; the
    status told at the last follow-up ('no symptoms and no recurrence') wins (r500, r583)."""
    draft = extract_draft((DATA / "dc02_outcome_at_follow_up.txt").read_text("utf-8"))
    assert {r.get("outcome") for r in draft.case["reactions"]} == {"recovered"}
    assert not {s for r in draft.case["reactions"] for s in r.get("seriousness", [])}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # the verbs and states of a complete recovery beside 'resolved' (r500, r533, r571)
        ("The itching persisted for ten days and the wheezing remitted within five.", "recovered"),
        ("The swelling abated over the next month.", "recovered"),
        ("Follow-up after the excision showed no recurrence.", "recovered"),
        ("She was discharged after an uneventful recovery.", "recovered"),
        ("At one month she remained asymptomatic.", "recovered"),
        ("At the one-month visit the patient had no previous symptoms.", "recovered"),
        # a remnant or a degree told after its noun is recovering (r506)
        ("All movements improved, and only mild ptosis persisted.", "recovering"),
        ("The improvement was significant after three sessions.", "recovering"),
        # a sequela one reaction left stays when another reaction then improves (r583)
        (
            "The wound healed with extensive scarring and the numbness improved.",
            "recovered_with_sequelae",
        ),
        # what a reaction class can do is no death of this patient
        ("Such necrosis can lead to fatal sepsis. The nodules resolved completely.", "recovered"),
    ],
)
def test_more_status_wordings(text: str, outcome: str):
    assert _outcomes(text) == {outcome}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # a persistence told with its end states no status after it (r410, r478)
        ("The nodules persisted for the next 4 months.", None),
        ("The nodule persisted for 10 months until it was excised.", None),
        # despite treatment, or with no end told, it is the reaction still there (r482)
        ("The nodules persisted for 18 months despite triamcinolone.", "not_recovered"),
        ("The nodules persisted.", "not_recovered"),
    ],
)
def test_a_persistence_with_its_end_states_no_outcome(text: str, outcome: str | None):
    assert _outcomes(text) == {outcome}


def test_own_text_persistence_until_an_excision():
    draft = extract_draft((DATA / "dc08_persistence_until_excised.txt").read_text("utf-8"))
    assert {r.get("outcome") for r in draft.case["reactions"]} == {None}


@pytest.mark.parametrize(
    "text",
    [
        "At the six-month follow-up she still had two palpable nodules.",
        "At the last visit the nodules remained palpable.",
        "She continued to experience pain in both cheeks at one year.",
    ],
)
def test_a_reaction_still_there_at_the_last_follow_up_is_not_recovered(text: str):
    """docs/annotation.md (r6xx decisions): a reaction still present at the last stated
    follow-up is not recovered, whatever verb tells it ('still had', 'remained palpable',
    'continued to experience')."""
    assert _outcomes(text) == {"not_recovered"}


def test_own_text_still_there_at_the_last_follow_up():
    draft = extract_draft((DATA / "dc10_still_there_at_follow_up.txt").read_text("utf-8"))
    assert {r.get("outcome") for r in draft.case["reactions"]} == {"not_recovered"}


def test_own_text_the_title_tells_the_resolution_the_narrative_does_not():
    """'Curing the lumps: resolution of the tear trough nodules through removal of ...': when
    the narrative states no end status (only 'presented with persistent nodules'), the title's
    status is the outcome (r403)."""
    draft = extract_draft((DATA / "dc11_title_tells_the_resolution.txt").read_text("utf-8"))
    assert {r.get("outcome") for r in draft.case["reactions"]} == {"recovered"}


@pytest.mark.parametrize(
    ("sentence", "outcomes"),
    [
        ("This case report describes the successful treatment of the nodules.", {"recovered"}),
        ("Intralesional 5-fluorouracil proved successful in managing the nodules.", {"recovered"}),
        ("The nodules were successfully treated with intralesional 5-fluorouracil.", {"recovered"}),
        ("Successful treatment of such nodules requires early diagnosis.", set()),
        ("She has since undergone successful neurotoxin treatment.", set()),
    ],
)
def test_a_successful_treatment_is_a_recovery(sentence: str, outcomes: set[str]) -> None:
    """'successfully treated' is recovered (docs/annotation.md, r6xx decisions), and so are the
    noun and the predicate ('the successful treatment of the nodules', 'proved successful');
    a general rule or another treatment's success is no status (r437, r705, r757, r416)."""
    text = (
        "Filler nodules\nA 45-year-old woman developed painful nodules in both cheeks two weeks "
        "after a calcium hydroxylapatite filler injection. " + sentence
    )
    draft = extract_draft(text)
    assert {r["outcome"] for r in draft.case["reactions"] if r.get("outcome")} == outcomes


def test_a_report_of_a_successful_treatment_tells_the_recovery() -> None:
    text = (DATA / "dc20_successful_treatment_told.txt").read_text(encoding="utf-8")
    draft = extract_draft(text)
    assert {r.get("outcome") for r in draft.case["reactions"]} == {"recovered"}
