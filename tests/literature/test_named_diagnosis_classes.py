"""Reactions named by an eponym or by the words before a generic head, pinned on sentences we
wrote (issue 10, the w0xx round; the published abstracts stay out of the repository).

Classes: a syndrome or an injury named by the words before it ("purple glove syndrome",
"high-pressure injection injury"), whole, while the head alone ("this syndrome", "an injury")
is none; a lesion, reaction or eruption named by its morphology ("lichenoid reaction",
"generalized psoriasiform eruption", "a cutaneous lupus-like reaction"); an eponym's
possessive, straight or curly ("Cushing's syndrome", "Horner’s syndrome"), coded and found as
the HPO writes the eponym ("Cushing syndrome").
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.mentions import mentions
from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.normalize import normalize
from dermavigil.terminology.phenotype_spans import phenotype_spans


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Two days later he had a purple glove syndrome of the hand.", "purple glove syndrome"),
        ("She developed ASIA syndrome after the filler.", "ASIA syndrome"),
        ("a post-injection delirium/sedation syndrome followed", "delirium/sedation syndrome"),
        ("He presented with a high-pressure injection injury.", "high-pressure injection injury"),
        ("an extravasation injury of the dorsum", "extravasation injury"),
        ("concern for compartment syndrome with a weak pulse", "compartment syndrome"),
        ('flushing, the "red man syndrome", began', "red man syndrome"),
    ],
)
def test_a_syndrome_or_injury_keeps_the_words_that_name_it(text: str, found: str):
    assert any(found in m.text for m in mentions(text, {}))


@pytest.mark.parametrize(
    "text",
    [
        "We describe a case of this syndrome.",
        "The injury was irrigated.",
        "Such injuries are rare.",
        "a worker whose injury was small",
        "after a minor traumatic injury",
    ],
)
def test_the_head_alone_names_no_reaction(text: str):
    assert not [m for m in mentions(text, {}) if "syndrome" in m.text or "injur" in m.text]


def test_a_named_syndrome_the_patient_had_before_is_no_reaction():
    text = (
        "Nevus changes after tanning injections in a patient with FAMMM syndrome\n\n"
        "A 16-year-old girl with FAMMM syndrome had enlarging nevi after self-injections of "
        "Melanotan 2."
    )
    draft = extract_draft(text)
    assert not [r for r in draft.case["reactions"] if "syndrome" in r["verbatim"]]


def test_a_named_injury_is_a_reaction_of_the_case():
    text = (
        "High-pressure injection injury of the finger.\n\n"
        "A 30-year-old man injected paint into his left index finger with a spray gun. "
        "He presented six hours later with a high-pressure injection injury and swelling."
    )
    draft = extract_draft(text)
    verbatims = [r["verbatim"].lower() for r in draft.case["reactions"]]
    assert any("high-pressure injection injury" in v for v in verbatims)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Cushing's syndrome", "Cushing syndrome"),
        ("Cushing\u2019s syndrome", "Cushing syndrome"),
        ("Horner's syndrome", "Horner\u2019s syndrome"),
    ],
)
def test_a_possessive_eponym_is_one_key_with_either_apostrophe(one: str, other: str):
    assert normalize(one) == normalize(other)


def test_a_possessive_eponym_codes_inside_a_longer_phrase():
    # "iatrogenic Cushing's syndrome": the eponym is the HPO's "Cushing syndrome"
    assert code_phrase("iatrogenic Cushing's syndrome")
    assert {c.code for c in code_phrase("Horner's syndrome")} == {"HP:0002277"}


def test_a_possessive_eponym_is_found_in_running_text():
    text = "She then had Horner's syndrome and Beau's lines."
    found = {text[s.start : s.end] for s in phenotype_spans(text)}
    assert found == {"Horner's syndrome", "Beau's lines"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a lichenoid reaction developed at the site", "lichenoid reaction"),
        ("acneiform lesions on the face", "acneiform lesions"),
        ("a generalized psoriasiform eruption followed", "generalized psoriasiform eruption"),
        ("she had a cutaneous lupus-like reaction", "cutaneous lupus-like reaction"),
        ("targetoid lesions on the palms", "targetoid lesions"),
    ],
)
def test_a_lesion_named_by_its_morphology_is_a_mention(text: str, found: str):
    assert found in [m.text for m in mentions(text, {})]


def test_a_verb_ending_like_a_morphology_names_nothing():
    assert not mentions("to avoid reactions at the site", {})


def test_a_reaction_like_a_clinical_head_is_no_morphology():
    # "a cellulitis-like reaction" is no cellulitis (mentions: what a reaction looked like)
    assert not [m for m in mentions("a cellulitis-like reaction", {}) if "cellulitis" in m.text]
