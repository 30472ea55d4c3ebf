"""NegEx-style assertion status, and its effect on extracted reactions."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.negation import Assertion, assertion


@pytest.mark.parametrize(
    ("sentence", "mention", "status"),
    [
        ("There was no necrosis.", "necrosis", Assertion.negated),
        ("She denied fever or itching.", "itching", Assertion.negated),
        ("Infection was ruled out.", "Infection", Assertion.negated),
        ("Necrosis was not observed.", "Necrosis", Assertion.negated),
        ("The patient developed erythema without necrosis.", "necrosis", Assertion.negated),
        ("The patient developed erythema without necrosis.", "erythema", Assertion.present),
        ("There was no ulceration, but necrosis developed.", "necrosis", Assertion.present),
        ("Suspected vascular occlusion was treated.", "vascular occlusion", Assertion.uncertain),
        (
            "A possible hypersensitivity reaction was considered.",
            "hypersensitivity reaction",
            Assertion.uncertain,
        ),
        ("An abscess could not be excluded.", "abscess", Assertion.uncertain),
        ("The lesions resolved with hyperpigmentation.", "hyperpigmentation", Assertion.present),
        ("No erythema was seen at first; later, papules appeared.", "papules", Assertion.present),
    ],
)
def test_assertion(sentence: str, mention: str, status: Assertion) -> None:
    start = sentence.index(mention)
    assert assertion(sentence, start, start + len(mention)) is status


def test_negated_and_uncertain_reactions_are_set_aside() -> None:
    text = (
        "Lip swelling after filler\n"
        "A 60-year-old man presented with swelling and erythema of the lips 2 days after "
        "hyaluronic acid filler injection. There was no necrosis, no fever and no blanching. "
        "Infection was ruled out. A delayed hypersensitivity reaction was suspected."
    )
    draft = extract_draft(text)
    codes = {c["code"] for r in draft.case["reactions"] for c in r.get("codes", [])}
    assert codes == {"HP:0000969", "HP:0010783", "HP:0031244"}  # the title's Swollen lip
    statuses = {e["text"].lower(): e["status"] for e in draft.excluded}
    assert statuses["necrosis"] == "negated"
    assert statuses["infection"] == "negated"
    assert statuses["delayed hypersensitivity reaction"] == "uncertain"
    for entry in draft.excluded:
        start, end = entry["span"]
        assert draft.text[start:end].lower() == entry["text"].lower()


CONTEXT = {
    "She denied a history of severe or frequent [infections].": Assertion.negated,
    "Her past medical history included chronic [urticaria].": Assertion.historical,
    "Filler injections can cause [skin necrosis].": Assertion.hypothetical,
    "To avoid [necrosis], aspirate before injecting.": Assertion.hypothetical,
    "Findings were consistent with [panniculitis].": Assertion.present,
    "A bacterial [infection] was presumed.": Assertion.uncertain,
}


@pytest.mark.parametrize("marked", sorted(CONTEXT))
def test_context_values(marked: str) -> None:
    """ConText's temporality and hypothetical values; articles do not use up a scope."""
    start, end = marked.index("["), marked.index("]") - 1
    sentence = marked.replace("[", "").replace("]", "")
    assert assertion(sentence, start, end) is CONTEXT[marked]


def test_a_test_for_a_duration_looks_for_nothing() -> None:
    # ConText's indication trigger "test for X" names what a test looked for; "a walking test
    # for 30 minutes" gives its duration, and what followed it happened
    text = (
        "Wheals after immunotherapy\nA 30-year-old woman received subcutaneous allergen "
        "immunotherapy. During a walking test for 30 minutes, wheals and itching appeared at "
        "the injection site. A skin test for latex allergy was negative."
    )
    draft = extract_draft(text)
    codes = {c["code"] for r in draft.case["reactions"] for c in r.get("codes", [])}
    assert "HP:0000989" in codes  # itching (Pruritus)
    assert {e["text"]: e["status"] for e in draft.excluded}.get("latex allergy") == "hypothetical"
