"""German nouns of a case report read by their plural and by the last element of a compound
(issue 10; :mod:`dermavigil.literature.extract.german_nouns`), on texts written for these
tests."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.foreign import read_foreign
from dermavigil.literature.extract.german_nouns import read_noun
from dermavigil.terminology.coder import code_phrase


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("Schwellungen", "swelling"),  # the plural -en cut
        ("Nekrosen", "necrosis"),
        ("Hämatom", "hematoma"),  # ä as the e of the Greek-Latin spelling
        ("Spritzenhämatom", "hematoma"),  # a compound read by its last element
        ("Gesichtsischämie", "ischemia"),  # after the linking -s-
        ("Muskelnekrosen", "necrosis"),
    ],
)
def test_a_german_noun_is_read_by_its_singular_and_its_last_element(word, english):
    assert read_noun(word) == english


@pytest.mark.parametrize("word", ["Patientin", "Kombination", "Lipatrophie", "Behandlung"])
def test_a_cut_inside_a_word_or_after_a_prefix_reads_nothing(word):
    assert read_noun(word) is None


def test_a_german_case_report_gives_its_compound_and_plural_findings():
    text = (
        "Ein 58-jähriger Patient erhielt Injektionen in das Gesäß. Zwei Wochen später "
        "fanden sich Schwellungen und ein Spritzenhämatom an der Injektionsstelle."
    )
    found = {c.code for r in read_foreign(text, "de").reactions for c in r.codes}
    assert {code_phrase("swelling")[0].code, code_phrase("hematoma")[0].code} <= found
