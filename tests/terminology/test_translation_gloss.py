"""Clinical words of other languages read by their English form (glossary induced from the
HPO translations, cognate spelling), only when the English coder codes that form."""

from __future__ import annotations

import pytest

from dermavigil.terminology.translation_gloss import (
    english_word,
    glossary,
    glossed_spans,
    skeleton,
)


@pytest.mark.parametrize(
    ("english", "foreign"),
    [
        ("calciphylaxis", "calcifilaxis"),
        ("ecchymosis", "equimose"),
        ("phlebitis", "flébite"),
        ("granulomatous", "granulomatosa"),
    ],
)
def test_a_cognate_has_the_english_words_skeleton(english, foreign):
    assert skeleton(english) == skeleton(foreign.replace("é", "e"))


def test_an_adjective_is_no_noun_of_the_same_stem():
    assert skeleton("granulomatosa") != skeleton("granulomatosis")


@pytest.mark.parametrize(
    ("word", "language", "english"),
    [
        ("equimose", "pt", "ecchymosis"),
        ("paniculitis", "es", "panniculitis"),
        ("hipopigmentación", "es", "hypopigmentation"),
        ("cicatriz", "es", "scar"),  # the glossary: no cognate
        ("gonflement", "fr", "swelling"),
        ("érythémateux", "fr", "erythematous"),  # spelling before the glossary's "lupus"
    ],
)
def test_words_read_by_their_english_form(word, language, english):
    assert english_word(word, language) == english


@pytest.mark.parametrize(
    ("word", "language"),
    [("paciente", "es"), ("rojiza", "es"), ("infección", "es"), ("tratamiento", "es")],
)
def test_words_without_a_coded_english_form(word, language):
    assert english_word(word, language) is None


def test_the_glossary_keeps_only_mutual_best_translations():
    spanish = glossary("es")
    assert spanish["cicatriz"] == "scar" and spanish["dolor"] == "pain"
    assert glossary("en") == {}


def test_spans_index_the_text():
    text = "Presentó equimose y dolor."
    spans = glossed_spans(text, "pt")
    assert [(text[s.start : s.end], s.english) for s in spans][0] == ("equimose", "ecchymosis")


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        ("reacción granulomatosa a cuerpo extraño", "es", "foreign body granulomatous reaction"),
        ("células gigantes multinucleadas", "es", "multinucleated giant cell"),
        ("une réaction granulomateuse", "fr", "granulomatous reaction"),
    ],
)
def test_a_head_first_phrase_is_read_in_reverse(text, language, english):
    assert [s.english for s in glossed_spans(text, language)] == [english]


def test_two_phrases_joined_by_and_are_not_one():
    spans = glossed_spans("eritema y edema", "es")
    assert all(" " not in s.english for s in spans)
