"""Reactions that are no reactions of this patient: precision failure classes of real abstracts.

Each class was counted among the false positives of the tune rounds (r-w, a; the texts stay
out of the repository) and is pinned here on sentences we wrote.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.roles import finite_past, statement_about_no_one
from dermavigil.literature.extract.sentences import split_sentences

_CASE = (
    "Skin necrosis after a hyaluronic acid filler: a case report.\n"
    "A 52-year-old woman received a hyaluronic acid filler in the nasolabial fold. Two hours "
    "later she developed pain and livedo reticularis on the cheek. "
)


def _verbatims(text: str) -> list[str]:
    return [r["verbatim"] for r in extract_draft(text).case["reactions"]]


@pytest.mark.parametrize(
    ("sentence", "finite"),
    [
        ("Proposed mechanisms of filler-induced necrosis include vasospasm.", None),
        ("Delayed reactions are characterized by swelling.", None),
        ("A localized plaque is a common finding.", None),
        ("Necrosis caused by fillers is rare.", None),
        ("The swelling resolved in a week.", "resolved"),
        ("She developed a nodule caused by the filler.", "developed"),
        ("Two days later the affected area ulcerated.", "ulcerated"),
    ],
)
def test_a_participle_used_as_an_adjective_is_no_finite_past_verb(
    sentence: str, finite: str | None
):
    match = finite_past(sentence)
    assert (match.group(0) if match else None) == finite


@pytest.mark.parametrize(
    "background",
    [
        "Proposed mechanisms of filler-induced necrosis include vasospasm and thrombosis.",
        "Delayed hypersensitivity reactions are characterized by swelling and induration.",
        "Viral infections and reduced immune function are known triggers of granulomas.",
    ],
)
def test_a_general_statement_opened_by_a_participle_names_no_reaction(background: str):
    """A present-tense statement about no one whose only "-ed" word is a participle
    ("Proposed mechanisms ... include", "... are characterized by") is background: its
    mentions are not the patient's, even right after a case sentence."""
    text = _CASE + background + " The necrosis healed in four weeks."
    assert split_sentences(background) and statement_about_no_one(split_sentences(background)[0])
    got = _verbatims(text)
    assert "pain and livedo reticularis" in got
    words = {w for v in got for w in v.split()}
    assert not words & {"vasospasm", "thrombosis", "swelling", "induration", "infections"}


_ARTERIAL = (
    "Digital necrosis after an accidental intra-arterial injection: a case report.\n"
    "A 38-year-old man received an injection of promethazine into the right antecubital "
    "fossa. Within hours he developed severe pain and cyanosis of the right hand. "
)


@pytest.mark.parametrize(
    ("ending", "sequela"),
    [
        (
            "Despite anticoagulation, the necrosis progressed and he required amputation of two"
            " fingers.",
            None,
        ),
        ("The gangrene progressed to a below-the-elbow amputation.", None),
        ("The necrosis healed with loss of the affected finger.", "loss of the affected finger"),
    ],
)
def test_an_amputation_states_the_outcome_but_is_no_sequela(ending: str, sequela: str | None):
    """The surgery a reaction made necessary is a treatment (docs/annotation.md): it makes the
    outcome recovered with sequelae and names no reaction; the loss it leaves is a sequela."""
    draft = extract_draft(_ARTERIAL + ending)
    reactions = draft.case["reactions"]
    assert {r.get("outcome") for r in reactions} == {"recovered_with_sequelae"}
    listed = {s for r in reactions for s in r.get("sequelae", [])}
    assert listed == ({sequela} if sequela else set())
    assert not any("amputation" in r["verbatim"] for r in reactions)


@pytest.mark.parametrize(
    ("marked", "status"),
    [
        ("Septic [arthritis] of the left knee could not initially be ruled out.", "uncertain"),
        ("A contact [dermatitis] (CD) was suspected and patch tests were done.", "uncertain"),
        ("An allergic [reaction] was immediately suspected.", "uncertain"),
        ("Given the distance from the bite, a bacterial [infection] was unlikely.", "uncertain"),
        ("Suspecting a retinal [embolism], she was given aspirin.", "uncertain"),
        ("A deep [abscess] of the thigh was ruled out by ultrasound.", "negated"),
        ("The [swelling] of the upper lip was absent.", "negated"),
        ("The [swelling], which was not observed before, grew.", "present"),
        ("She had [pain] but infection was ruled out.", "present"),
        ("She had [pain], and an infection was ruled out.", "present"),
    ],
)
def test_a_post_trigger_reaches_over_the_rest_of_the_noun_phrase(marked: str, status: str):
    """NegEx's backward window: "X of the shoulder could not be ruled out", "X (short form) was
    suspected", an adverb before the trigger; no farther than a verb, a conjunction or a
    comma."""
    start, end = marked.index("["), marked.index("]") - 1
    sentence = marked.replace("[", "").replace("]", "")
    assert assertion(sentence, start, end) is Assertion(status)


def test_an_uncoded_wording_inside_a_longer_one_is_one_reaction():
    """A reaction the coder does not code, told once in full and again with fewer words
    ("a persistent BCG adenitis", then "the BCG adenitis"), is one reaction: strict scoring
    would count the shorter wording as a second, unmatched reaction."""
    text = (
        "Persistent BCG adenitis in an infant: a case report.\n"
        "A 4-month-old boy received the BCG vaccine in the left upper arm. Two months later he"
        " developed a persistent BCG adenitis in the left axilla. The BCG adenitis was excised"
        " and healed."
    )
    reactions = extract_draft(text).case["reactions"]
    assert [r["verbatim"] for r in reactions] == ["Persistent BCG adenitis"]


def test_a_medline_index_line_names_no_reaction():
    """MeSH headings with their qualifiers ("Edema / chemically induced*") and the check tag
    "Humans" are the record's index terms, like a keyword line: not this patient's events."""
    text = (
        "Skin necrosis after an intramuscular injection: a case report.\n"
        "A 60-year-old man received an intramuscular injection of diclofenac in the left buttock."
        " The next day he developed pain and a livid patch at the site.\n"
        "MeSH\n"
        "\u2022 Edema / chemically induced*\n"
        "\u2022 Humans\n"
        "\u2022 Seizures / drug therapy\n"
        "\u2022 Pigmentation Disorders / etiology\n"
    )
    got = " ".join(_verbatims(text)).lower()
    assert "pain" in got
    assert not any(word in got for word in ("edema", "seizure", "pigmentation"))
