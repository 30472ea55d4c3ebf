"""Elided words of French and Italian in case reports (issue 10): a word elided before a vowel
is joined to the next word by its apostrophe, typed or typeset ("pas d'érythème", "souffrant
d\u2019insuffisance rénale"); the negation and history cues that end in such a word read it,
on texts written for these tests."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.ascii_folding import ascii_fold, whole_words
from dermavigil.literature.extract.foreign import read_foreign


def _read(text: str, language: str) -> list[str]:
    return [r.verbatim for r in read_foreign(text, language).reactions]


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_condition_after_an_elided_history_cue_is_no_reaction(apostrophe):
    text = (
        f"Une femme de 62 ans, souffrant d{apostrophe}insuffisance rénale, a présenté une "
        f"nécrose cutanée trois jours après des injections d{apostrophe}héparine calcique."
    )
    found = _read(text, "fr")
    assert "skin necrosis" in found and "renal insufficiency" not in found


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_finding_after_an_elided_negation_is_denied(apostrophe):
    text = (
        "Un homme de 50 ans a présenté une nécrose cutanée de la fesse après une injection "
        f"intramusculaire. Il n{apostrophe}y avait pas d{apostrophe}érythème autour de la "
        "lésion."
    )
    found = _read(text, "fr")
    assert "skin necrosis" in found and "erythema" not in found


def test_a_typeset_apostrophe_folds_to_the_typed_one_one_for_one():
    assert ascii_fold("D\u2019Érythème") == "d'erytheme"


def test_an_elided_word_matches_before_the_word_it_joins_and_a_whole_word_still_stands_alone():
    pattern = whole_words(r"pas d'|sans")
    assert pattern.search("pas d'erytheme") and pattern.search("sans fievre")
    assert not pattern.search("sansfievre") and not whole_words("pas").search("passe")
