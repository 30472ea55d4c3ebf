"""Outcome classes read on the w0xx round, pinned on texts we wrote (docs/annotation.md,
``outcome``: the last stated status; the w0xx decisions: a recurrence on re-exposure as the
last event gives null): a recovery denied in a noun phrase ("No visual recovery resulted") is
not recovered; lesions that "did not recur during follow-up" and a remission "obtained" are
recovered; a resolution told before a recurrence with each later dose states no last
status."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft


def _outcomes(text: str) -> set[str | None]:
    return {r.get("outcome") for r in extract_draft(text).case["reactions"]}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Central retinal artery occlusion after a periocular steroid injection\nA "
            "40-year-old man lost the vision of his left eye minutes after a periocular "
            "triamcinolone injection. Ocular massage and acetazolamide were given. No visual "
            "recovery resulted.",
            "not_recovered",
        ),
        (
            "Abscesses after thread embedding\nA 45-year-old woman developed fluctuant nodules "
            "on the chin 3 weeks after thread embedding acupuncture. She was treated with "
            "incision and drainage and oral clarithromycin. The nodules did not recur during 6 "
            "months of follow-up.",
            "recovered",
        ),
        (
            "Pemphigoid after dupilumab\nA 70-year-old man developed tense bullae on the trunk "
            "after his third dupilumab injection. Dupilumab was withdrawn and oral "
            "prednisone was started; after 6 weeks remission was obtained.",
            "recovered",
        ),
    ],
)
def test_w_round_outcome_wordings(text: str, outcome: str) -> None:
    assert _outcomes(text) == {outcome}


def test_a_recurrence_with_each_later_dose_is_the_last_event() -> None:
    text = (
        "Dermatitis from dalteparin\nA 71-year-old man developed eczematous plaques on the "
        "abdomen two days after a subcutaneous dalteparin injection. The plaques resolved with "
        "topical clobetasol. The same plaques appeared with each subsequent injection of "
        "dalteparin."
    )
    assert _outcomes(text) == {None}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Facial erythema during dupilumab therapy\nA 30-year-old woman developed facial "
            "erythema and scaling after dupilumab injections for atopic dermatitis. With the "
            "treatment of dupilumab, her eczema on the trunk has improved.",
            None,
        ),
        (
            "Self-resolving lipodystrophy after somatrogon: a case report\nA 10-year-old boy "
            "received weekly somatrogon injections into his right upper arm. At a routine "
            "visit, regional lipodystrophy of the right upper arm was noted.",
            "recovered",
        ),
        (
            "Hypersensitivity after bee venom acupuncture\nA 45-year-old woman received bee "
            "venom injections at six acupoints and developed abdominal pain and nausea. She "
            "remained alert, though the symptoms persisted. The following treatments were "
            "administered in sequence: intramuscular epinephrine, intravenous",
            None,
        ),
    ],
)
def test_w_round_status_not_of_the_reaction(text: str, outcome: str | None) -> None:
    """The indication's course on the therapy states no outcome of the reaction; a title's
    "self-resolving" is a recovery (the w0xx decisions); a treatment told after "persisted"
    leaves the status open when the excerpt ends."""
    assert _outcomes(text) == {outcome}
