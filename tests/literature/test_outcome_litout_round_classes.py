"""Outcome classes read on real tune texts this round, pinned on texts we wrote
(docs/annotation.md, ``outcome``: the last stated status of this patient's reaction).

- "little" / "minimal" before effect or improvement is a negative quantifier ("not much",
  Quirk et al. 1985, 5.24): a treatment that "showed little effect" left the reaction as it
  was (not recovered), as "no improvement" does.
- "ongoing" pain or stiffness the patient still has at a follow-up is the reaction
  persisting (not recovered).
- a decrease in a lesion or in symptoms, told as a noun ("with a decrease in the swelling"),
  is the reaction smaller, not gone (recovering), as "the swelling decreased" is.
- a resolution hedged in degree ("regressed more or less") or told with lesions left
  ("residual bruising") is recovering, as "partially resolved" and "residual nodules" are.
- an uneventful postoperative course, or a good result obtained, is the outcome told as good
  (recovered, as "the outcome was good").
- a sentence that quantifies over cases ("often", "in most cases", "40% of patients") and
  names no one patient tells what such reactions do, not how this patient's ended.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft


def _outcomes(text: str) -> set[str | None]:
    return {r.get("outcome") for r in extract_draft(text).case["reactions"]}


_PLAQUES = (
    "Granulomatous plaques after a lip filler\nA 39-year-old woman developed firm red plaques "
    "on her upper lip four months after a hyaluronic acid filler injection. "
)
_SHOULDER = (
    "Shoulder pain after a vaccination\nA 52-year-old man developed shoulder pain and "
    "stiffness the day after an influenza vaccine injected into the deltoid. "
)


@pytest.mark.parametrize(
    ("told", "outcome"),
    [
        # "little" / "minimal" effect or improvement: not recovered
        (
            _PLAQUES + "Oral antihistamines were given for eight weeks, which had little effect.",
            "not_recovered",
        ),
        (
            _PLAQUES + "Topical tacrolimus brought only minimal improvement over two months.",
            "not_recovered",
        ),
        # ongoing symptoms at a follow-up: not recovered
        (
            _SHOULDER + "Physiotherapy was started. At eighteen months he has ongoing pain and a "
            "limited range of movement.",
            "not_recovered",
        ),
        # a decrease told as a noun, after a resolution: recovering
        (
            _PLAQUES + "After intralesional triamcinolone the crusts resolved, with a reduction in "
            "the swelling.",
            "recovering",
        ),
        # a resolution hedged in degree, or lesions left behind: recovering
        (
            _PLAQUES + "After the filler was dissolved the plaques regressed more or less.",
            "recovering",
        ),
        (
            _PLAQUES + "The plaques resolved. A month later she was left with only residual "
            "bruising at the injection points.",
            "recovering",
        ),
        # lesions that turned into scars: recovered with sequelae
        (
            _PLAQUES + "The plaques improved on oral doxycycline and later turned into flat "
            "atrophic scars.",
            "recovered_with_sequelae",
        ),
        # an uneventful postoperative course, a good result obtained: recovered
        (
            _PLAQUES + "The plaques were excised. The postoperative course was uneventful.",
            "recovered",
        ),
        (
            _PLAQUES + "The plaques were excised and a satisfactory cosmetic result was obtained.",
            "recovered",
        ),
    ],
)
def test_status_wordings_read_on_real_texts(told: str, outcome: str) -> None:
    assert _outcomes(told) == {outcome}


@pytest.mark.parametrize(
    "general",
    [
        "Such plaques are often firm and show slow but complete healing.",
        "In most cases the plaques resolved within a year.",
        "Steroids were stopped when no longer needed (40% of patients).",
    ],
)
def test_a_status_told_of_many_cases_is_no_outcome(general: str) -> None:
    assert _outcomes(_PLAQUES + "A biopsy showed foreign body granulomas. " + general) == {None}


def test_a_status_told_of_this_patient_among_many_is_the_outcome() -> None:
    assert _outcomes(_PLAQUES + "As in most cases, her plaques resolved within a year.") == {
        "recovered"
    }


def test_a_status_in_a_clause_of_its_own_after_a_general_one_is_the_outcome() -> None:
    assert _outcomes(
        _PLAQUES + "Such plaques are often firm; the plaques resolved within a year."
    ) == {"recovered"}


def test_a_status_noun_a_decision_was_based_on_is_no_status() -> None:
    assert _outcomes(
        _PLAQUES + "The plaques resolved after two months. Further fillers were deferred, the "
        "timing based on tissue healing. She was given advice on sun protection."
    ) == {"recovered"}


def test_a_sequela_word_before_scar_keeps_the_scar() -> None:
    draft = extract_draft(
        _PLAQUES + "The plaques cleared on oral doxycycline, leaving pigmented scars."
    )
    assert {s for r in draft.case["reactions"] for s in r.get("sequelae", [])} == {
        "pigmented scars"
    }
