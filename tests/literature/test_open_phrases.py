"""Reaction phrases no vocabulary holds whole, read by their clinical-finding head noun, on
sentences we wrote (issue 10: signs and complications the HPO does not code as such)."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.mentions import mentions
from dermavigil.literature.extract.open_phrases import open_phrases, widened


def _texts(sentence: str) -> list[str]:
    return [m.text for m in mentions(sentence, {})]


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        (
            "Two days later she developed motor dysfunction of the right arm.",
            "motor dysfunction of the right arm",
        ),
        (
            "He had pain, swelling and persistent shoulder stiffness.",
            "persistent shoulder stiffness",
        ),
        ("Tender nodules with lymph node enlargement appeared.", "lymph node enlargement"),
        (
            "Progressive enlargement of the lower lip had occurred.",
            "Progressive enlargement of the lower lip",
        ),
        ("The scan was read as circulatory failure; she was intubated.", None),
    ],
)
def test_a_finding_phrase_told_or_listed_with_a_reaction_is_a_mention(sentence, phrase):
    found = _texts(sentence)
    if phrase is None:
        assert not any("failure" in f for f in found)
    else:
        assert phrase in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Figure 2 shows the imaging findings and the culture results.",
        "The injection was given under local anaesthesia.",
        "She noticed the condition of the skin a week later.",
    ],
)
def test_a_word_of_the_study_or_the_exposure_is_no_finding(sentence):
    assert open_phrases(sentence, []) == []


def test_a_verb_before_the_phrase_is_left_out():
    assert _texts("He noticed yellow drainage and pain at the site.") == ["yellow drainage", "pain"]


def test_an_uncoded_phrase_is_a_reaction_of_the_case_with_its_evidence():
    text = (
        "Motor dysfunction after an intramuscular injection\n"
        "A 34-year-old man received an intramuscular injection in the buttock. "
        "The next day he developed pain and motor dysfunction of the left leg."
    )
    draft = extract_draft(text)
    reactions = draft.case["reactions"]
    index = next(i for i, r in enumerate(reactions) if "motor dysfunction" in r["verbatim"].lower())
    assert not reactions[index].get("codes")
    start, end = draft.evidence[f"reactions.{index}.verbatim"][0]
    assert "motor dysfunction" in text[start:end].lower()


def test_a_background_sentence_gives_no_phrase():
    text = (
        "Injection injuries\n"
        "Circulatory failure is a known complication of intravascular injection. "
        "A 50-year-old woman developed a painful nodule after a filler injection."
    )
    verbatims = [r["verbatim"].lower() for r in extract_draft(text).case["reactions"]]
    assert not any("failure" in v for v in verbatims)


def test_an_uncoded_name_keeps_the_words_that_modify_it():
    text = (
        "Brain infarction after a filler injection\n"
        "A 30-year-old woman received a hyaluronic acid filler injection in the glabella. "
        "Two hours later she developed hemiparesis from a multifocal brain infarction."
    )
    draft = extract_draft(text)
    verbatims = [r["verbatim"] for r in draft.case["reactions"]]
    assert "multifocal brain infarction" in verbatims
    index = verbatims.index("multifocal brain infarction")
    start, end = draft.evidence[f"reactions.{index}.verbatim"][0]
    assert text[start:end] == "multifocal brain infarction"


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("A possible brain infarction was then excluded.", "brain", "infarction"),
        ("CASE REPORT Severe fat embolism followed.", "Severe", "embolism"),
        ("Injections may prevent vestibular stenosis.", "vestibular", "stenosis"),
    ],
)
def test_a_hedge_a_verb_or_a_heading_is_no_modifier(sentence, start, end):
    head = sentence.index(end)
    a, b = widened(sentence, head, head + len(end), [])
    assert sentence[a:b] == sentence[sentence.index(start) : head + len(end)]


@pytest.mark.parametrize(
    ("sentence", "head", "phrase"),
    [
        (
            "Biopsy of the thigh later confirmed a sclerosing lipogranuloma.",
            "lipogranuloma",
            "sclerosing lipogranuloma",
        ),
        ("Two years on he had a relapsing paraffinoma.", "paraffinoma", "relapsing paraffinoma"),
        ("She noticed a slowly growing lipogranuloma.", "lipogranuloma", "lipogranuloma"),
        (
            "A month later she had a ketorolac-induced myofibrosis.",
            "myofibrosis",
            "ketorolac-induced myofibrosis",
        ),
        ("He showed an ill-defined lipogranuloma.", "lipogranuloma", "ill-defined lipogranuloma"),
        ("She had self-injected lipogranuloma.", "lipogranuloma", "lipogranuloma"),
    ],
)
def test_an_ing_form_or_a_participle_compound_is_kept_with_the_uncoded_head(sentence, head, phrase):
    # "sclerosing", "relapsing" begin phenotype and disease names; "growing" begins none;
    # "ketorolac-induced" and "ill-defined" are adjectives, "self-injected" is the verb
    start = sentence.index(head)
    a, b = widened(sentence, start, start + len(head), [])
    assert sentence[a:b] == phrase


def test_a_title_name_keeps_its_cause_compound_and_stays_tied_to_the_exposure():
    text = (
        "Ketorolac-induced myofibrosis in a young man\n"
        "A 30-year-old man injected ketorolac into his thigh for a year. The thigh became hard."
    )
    verbatims = [r["verbatim"] for r in extract_draft(text).case["reactions"]]
    assert "ketorolac-induced myofibrosis" in verbatims
