"""Outcome classes first met in round c0xx and shared with the older tune rounds: several
sequelae listed after one cue, a patient "left with" a deficit, "had" before a noun phrase
(the past of "have", not a pluperfect), a pluperfect timed right after it, remission kept,
a history told in the pluperfect after the last status, a status in a clause of reason, a
participle used as an adjective, all that remains being a sequela, and a new episode told
after a resolution."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view

_CASE = (
    "Skin reaction after an intramuscular injection\n"
    "A 47-year-old woman developed a painful erythematous swelling of the buttock two days "
    "after an intramuscular injection of diclofenac. "
)


def _view(text: str) -> dict:
    return draft_view(extract_draft(_CASE + text))


def _outcome(text: str) -> str | None:
    return _view(text)["outcome"]


def test_every_sequela_of_a_list_after_one_cue_is_kept() -> None:
    view = _view("After six weeks the ulcer healed with scarring and hypopigmentation.")
    assert view["outcome"] == "recovered_with_sequelae"
    assert {"scarring", "hypopigmentation"} <= set(view["reaction_verbatims"])
    listed = _view(
        "The wound closed after two months, leaving atrophy, telangiectasia and a depressed scar."
    )
    assert {"atrophy", "telangiectasia", "depressed scar"} <= set(listed["reaction_verbatims"])


@pytest.mark.parametrize(
    ("text", "sequela"),
    [
        ("The abscess was drained and she was left with a depressed scar.", "depressed scar"),
        ("The swelling resolved after drainage, leaving a foot drop.", "foot drop"),
    ],
)
def test_a_patient_left_with_a_lasting_change_recovered_with_it(text: str, sequela: str) -> None:
    view = _view(text)
    assert view["outcome"] == "recovered_with_sequelae"
    assert sequela in view["reaction_verbatims"]


def test_had_before_a_noun_phrase_is_no_pluperfect() -> None:
    text = (
        "Antibiotics and hyperbaric oxygen brought no improvement. Ultimately, the patient had "
        "an amputation of the toe."
    )
    assert _outcome(text) == "recovered_with_sequelae"
    # a pluperfect told after the last status still yields to it
    earlier = "The pain had resolved within a day. The swelling persisted despite antibiotics."
    assert _outcome(earlier) == "not_recovered"


def test_a_pluperfect_timed_right_after_it_is_the_state_at_that_time() -> None:
    text = (
        "Oral antibiotics brought no improvement. Oral prednisolone was started, and the "
        "swelling had almost cleared after 4 weeks."
    )
    assert _outcome(text) == "recovering"


@pytest.mark.parametrize(
    "text",
    [
        "The swelling cleared with oral prednisolone, and she remains in remission a year later.",
        "He continues to do well at follow-up.",
    ],
)
def test_remission_and_doing_well_are_recovered(text: str) -> None:
    assert _outcome(text) == "recovered"


def test_history_told_in_the_pluperfect_after_the_status_does_not_end_it() -> None:
    status = "After a week of antibiotics, residual nodules were seen. "
    assert _outcome(status + "She had received the same drug a year before.") == "recovering"
    assert _outcome(status + "She then received a second course of antibiotics.") is None


def test_an_interim_status_in_a_clause_of_reason_is_no_outcome() -> None:
    text = (
        "Since there was no improvement after an hour, a phentolamine infiltration around the "
        "site was the next step."
    )
    assert _outcome(text) is None
    assert _outcome("There was no improvement after an hour.") == "not_recovered"
    # the status told before it stays the last one
    indication = (
        "She was seen again 4 days later, by which time the swelling had cleared. Because of "
        "the improvement in her arthritis, she wished to continue the injections."
    )
    assert _outcome(indication) == "recovered"


def test_every_sequela_of_a_sentence_is_kept() -> None:
    view = _view(
        "After debridement the wound healed with extensive scarring, and the nerve deficit "
        "improved leaving a foot drop."
    )
    assert view["outcome"] == "recovered_with_sequelae"
    assert {"extensive scarring", "foot drop"} <= set(view["reaction_verbatims"])


def test_a_participle_before_its_noun_states_no_status() -> None:
    text = (
        "Chest pain after sclerotherapy\n"
        "We describe a case of persisting chest discomfort after foam sclerotherapy with "
        "polidocanol in a 61-year-old woman."
    )
    assert draft_view(extract_draft(text))["outcome"] is None


def test_all_that_remains_being_a_sequela_is_recovered_with_it() -> None:
    text = (
        "After three weeks of topical corticosteroids, the blisters resolved. Only "
        "post-inflammatory hyperpigmented patches remained."
    )
    assert _outcome(text) == "recovered_with_sequelae"
    # a deficit that remains after improvement stays improvement short of complete
    assert _outcome("The pain improved. Only a mild weakness remained.") == "recovering"


def test_a_new_episode_after_a_resolution_leaves_no_outcome() -> None:
    text = (
        "The symptoms resolved spontaneously within an hour. Five hours later, at home, a "
        "similar but more intense episode occurred."
    )
    assert _outcome(text) is None


def test_a_status_before_the_procedure_is_history() -> None:
    text = (
        "Before the injection, she complained of nausea after oral antibiotics, but her "
        "symptoms had improved."
    )
    assert _outcome(text) is None


def test_a_purpose_infinitive_states_no_status() -> None:
    text = (
        "Use of a topical agent to resolve a nodule after sclerotherapy\n"
        "A 45-year-old woman developed a painful nodule at the site of a polidocanol injection "
        "into a leg vein."
    )
    assert draft_view(extract_draft(text))["outcome"] is None
    assert _outcome("The swelling took two weeks to resolve.") == "recovered"


def test_the_indications_improvement_is_no_status_of_the_reaction() -> None:
    text = (
        "Streaky hypopigmentation after intralesional triamcinolone\n"
        "A 20-year-old woman presented with a streak of hypopigmentation and atrophy near the "
        "injection site. She had received monthly intralesional injections of triamcinolone "
        "acetonide for treatment of a keloid on the ear. There was improvement in the size of "
        "the keloid over time."
    )
    assert draft_view(extract_draft(text))["outcome"] is None
    healed = text + " The hypopigmentation improved over the next six months."
    assert draft_view(extract_draft(healed))["outcome"] == "recovering"


def test_an_amputation_the_reaction_led_to_is_no_purpose() -> None:
    text = "Antibiotics brought no improvement, and the gangrene of the fingers led to amputation."
    assert _outcome(text) == "recovered_with_sequelae"
