"""Coder classes of the u0xx round's reaction misses (issue 10): Greek plurals, adjective
derivations, clinical wordings of induration, and wordings whose HPO synonym is another
or a narrower sense."""

from __future__ import annotations

import pytest

from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.normalize import normalize


def _codes(phrase: str) -> list[str]:
    return [c.code for c in code_phrase(phrase)]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("skin necroses", "HP:0033126"),
        ("circumscribed necroses", "HP:0033126"),
        ("foreign-body granulomata", "HP:6000070"),
        ("erythematic", "HP:0010783"),
        ("firmness", "HP:0030053"),
        ("unresponsive", "HP:0007185"),
        ("unresponsiveness", "HP:0007185"),
    ],
)
def test_clinical_wordings_code_to_their_term(phrase: str, code: str):
    assert _codes(phrase) == [code]


def test_greek_plurals_are_singular_and_short_words_are_left_alone():
    assert normalize("necroses thromboses granulomata") == "necrosis thrombosis granuloma"
    assert normalize("doses noses") == "dose nose"


def test_a_fat_embolism_is_not_coded_as_a_pulmonary_one():
    """The HPO lists "fat embolism" only under *Pulmonary fat embolism*; a filler's or a fat
    graft's fat embolism is arterial: left uncoded, compared as worded."""
    assert _codes("fat embolism") == []
    assert _codes("cerebral fat embolism") == []
    assert _codes("pulmonary fat embolism") == ["HP:0032008"]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("blurry vision", "HP:0000622"),
        ("blurring of vision", "HP:0000622"),
        ("itchiness", "HP:0000989"),
        ("pruritis", "HP:0000989"),
        ("convulsions", "HP:0001250"),
        # the clinical name of anaphylaxis, as reports write it (the y0xx round: y059, y129)
        ("anaphylactic reaction", "HP:0100845"),
        ("severe anaphylactic reactions", "HP:0100845"),
    ],
)
def test_lay_and_variant_wordings_of_symptoms_code_to_their_term(phrase: str, code: str):
    assert _codes(phrase) == [code]


def test_lay_wordings_are_found_in_running_text():
    from dermavigil.terminology.phenotype_spans import phenotype_spans

    text = "She reported blurry vision and itchiness, then had convulsions."
    assert {p.term_id for p in phenotype_spans(text)} >= {"HP:0000622", "HP:0000989", "HP:0001250"}
