"""Treatment failure classes of the c0xx round (now tune), each pinned on a text we wrote.

Treatments are what was given or done *for the reaction* (docs/annotation.md,
``treatments``). A case report whose reaction the finder misses and whose patient is not
identifiable gives a draft marked "no case", yet what it tells was done for its case stays,
as its seriousness, outcome and onset do; a review keeps nothing. A treatment held ready
but found unnecessary, or spared, was not given. A treatment the narrative tells in the past
is read however many sentences of tests and findings came between it and the patient's last
mention (the case window the outcome reader uses).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _treatments(text: str) -> list[str]:
    return [t["drug"] for t in extract_draft(text).case["treatments"]]


def test_a_case_report_with_no_reaction_found_keeps_what_was_done_for_the_case():
    draft = extract_draft(
        "Removal of migrated polyacrylamide gel from the breast: a case report\n\n"
        "Polyacrylamide hydrogel was injected into both breasts for augmentation twelve "
        "years earlier. The gel had migrated to the upper abdomen. The migrated gel was "
        "removed by open suction and the cavity was irrigated with saline. The recovery was "
        "uneventful."
    )
    assert "no case in the text: no adverse event of an identifiable patient" in draft.warnings
    drugs = [t["drug"] for t in draft.case["treatments"]]
    assert drugs == ["removal", "open suction", "irrigation"]
    assert all(f"treatments.{i}.drug" in draft.evidence for i in range(3))  # with evidence


def test_a_review_keeps_no_treatment():
    draft = extract_draft(
        "Migrated polyacrylamide gel: a review of the literature\n\n"
        "We reviewed published reports of polyacrylamide hydrogel migration after breast "
        "augmentation. Migrated gel was removed by open suction in most reports."
    )
    assert draft.case["treatments"] == []


_ISCHAEMIA = (
    "Digital ischaemia after a local anaesthetic block\nA 41-year-old man developed a pale, "
    "cold finger after a digital block with lidocaine and epinephrine for a nail repair. "
)


def test_a_treatment_held_ready_but_not_needed_was_not_given():
    assert _treatments(
        _ISCHAEMIA + "He was treated with warm soaks and the colour returned within an hour. "
        "Phentolamine rescue, kept at the bedside, was not necessary."
    ) == ["warm soaks"]
    assert _treatments(
        _ISCHAEMIA + "The finger was treated with warm soaks and phentolamine rescue was "
        "performed, with reperfusion within an hour."
    ) == ["warm soaks", "phentolamine"]


def test_a_spared_treatment_was_not_given():
    assert _treatments(
        "Lymphadenitis after BCG vaccination\nA 5-month-old boy developed an enlarged axillary "
        "lymph node after BCG vaccination. He was managed with needle aspiration, the node "
        "regressed and surgical excision was spared."
    ) == ["aspiration"]


def test_a_treatment_told_in_the_narrative_past_the_case_window_is_read():
    assert _treatments(
        "Quadriceps contracture after intramuscular injections\n"
        "A 6-year-old boy presented with a stiff left knee two years after repeated "
        "intramuscular injections of penicillin into the thigh. Muscle enzymes were normal. "
        "Electromyography was normal. Imaging showed fibrosis of the vastus lateralis. The "
        "flexion deficit progressed over a year. A quadricepsplasty was performed under "
        "general anaesthesia."
    ) == ["quadricepsplasty"]
