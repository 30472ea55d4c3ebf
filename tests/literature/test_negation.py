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
        # a clause of its own after ", and" (its subject and verb) ends the scope; a list does not
        ("There was no redness, and the nodules were tender.", "tender", Assertion.present),
        ("There was no pain, redness, and swelling.", "swelling", Assertion.negated),
        # "not" closing an elided predicate negates nothing after it
        (
            "Her gait recovered but her sight did not, and a squint was found.",
            "squint",
            Assertion.present,
        ),
        ("She did not develop a squint.", "squint", Assertion.negated),
    ],
)
def test_assertion(sentence: str, mention: str, status: Assertion) -> None:
    start = sentence.index(mention)
    assert assertion(sentence, start, start + len(mention)) is status


def _reaction_codes(draft) -> set[str]:
    return {c["code"] for r in draft.case["reactions"] for c in r.get("codes", [])}


def test_negated_and_uncertain_reactions_are_set_aside() -> None:
    text = (
        "Lip swelling after filler\n"
        "A 60-year-old man presented with swelling and erythema of the lips 2 days after "
        "hyaluronic acid filler injection. There was no necrosis, no fever and no blanching. "
        "Infection was ruled out. A delayed hypersensitivity reaction was suspected."
    )
    draft = extract_draft(text)
    codes = _reaction_codes(draft)
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
    # background illnesses of the patient: ConText history cues beyond "history of"
    "She is a known [asthmatic] on inhalers.": Assertion.historical,
    "He had underlying [diabetes mellitus].": Assertion.historical,
    "A woman previously diagnosed with [rheumatoid arthritis] received the filler.": (
        Assertion.historical
    ),
    "She had been treated for [breast cancer] two years before.": Assertion.historical,
    "His comorbidities included obesity, gout and [hypertension].": Assertion.historical,
    "He is under treatment for [hypothyroidism].": Assertion.historical,
    "He denies any history of heart disease, weight loss, night sweats, or [cough].": (
        Assertion.negated
    ),
    "She was screened for [myasthenia gravis].": Assertion.hypothetical,
    "Enoxaparin was given as prophylaxis against [deep vein thrombosis].": (Assertion.hypothetical),
    "An [abscess] could not initially be ruled out.": Assertion.uncertain,
    # a post-trigger reaches back over a list; "excluded" and watching for a sign negate or
    # look for it
    "Fever, [generalized urticaria], lip swelling or wheezing were not observed.": (
        Assertion.negated
    ),
    "Ultrasound excluded [deep vein thrombosis].": Assertion.negated,
    "She was monitored closely for signs of [anaphylaxis].": Assertion.hypothetical,
    "She developed [necrosis], and the infection was ruled out.": Assertion.present,
    # what a history cue does not reach
    "The underlying [fat necrosis] was excised.": Assertion.present,
    "A well-known [granuloma] of the lip developed.": Assertion.present,
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


def test_background_illnesses_of_the_patient_are_not_reactions() -> None:
    """A patient 'with' a named condition has it before the events, unless an examination
    found it; comorbidities and prophylaxis name no reaction."""
    text = (
        "Nodules after a filler\n"
        "A 58-year-old woman with asthma whose symptoms were controlled by inhalers received "
        "hyaluronic acid filler in the cheeks. Her comorbidities included obesity and "
        "hypertension. Enoxaparin was given as prophylaxis against deep vein thrombosis. "
        "Three weeks later she developed painful nodules at the injection sites, and the "
        "examination revealed a patient with tachycardia."
    )
    codes = _reaction_codes(extract_draft(text))
    assert "HP:0200036" in codes  # Skin nodule
    assert "HP:0001649" in codes  # Tachycardia, found by the examination
    assert not {"HP:0002099", "HP:0000822", "HP:0002625", "HP:0001513"} & codes
