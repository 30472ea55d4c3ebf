"""Patients counted by a number word up to ten open the case sentences of a series in another
language (issue 10): "nueve pacientes con ...", "sept patients ont présenté" are sentences
about the series' patients (:data:`dermavigil.literature.extract.foreign_words.CASE`); on texts
written for these tests."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.literature.extract.foreign_words import CASE


@pytest.mark.parametrize(
    "sentence",
    ["se registraron nueve pacientes con nodulos", "sept patientes ont ete vues", "otto pazienti"],
)
def test_patients_counted_up_to_ten_are_a_case_cue(sentence):
    assert CASE.search(sentence)


def test_the_portuguese_of_the_before_patients_is_no_count():
    assert not CASE.search("a maioria dos pacientes evolui bem")


def test_the_reactions_of_patients_counted_by_a_number_word_are_read():
    text = (
        "Durante el verano se registraron en nuestro servicio nueve pacientes con nódulos "
        "subcutáneos y abscesos en los muslos tras sesiones de mesoterapia."
    )
    found = [r.verbatim for r in read_foreign(text, "es").reactions]
    assert "abscess" in found


def test_the_tail_of_a_word_cut_by_the_negation_window_is_no_negation():
    # 80 characters before "abscesos" the window starts inside "verano": its tail "no" is no cue
    text = (
        "Durante el verano se registraron en nuestro servicio cinco pacientes con nódulos "
        "subcutáneos y abscesos en los muslos tras sesiones de mesoterapia."
    )
    assert "abscess" in [r.verbatim for r in read_foreign(text, "es").reactions]
