"""A series counted in the words of the other languages the extractor reads (``series_cue``).

Texts written for these tests: children and cases counted in German, French, Italian,
Spanish and Turkish, and patients numbered with the German feminine noun.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.sentences import split_sentences
from dermavigil.literature.extract.series_cue import find_series


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Es wurden 11 Kinder mit juckenden Knoten nach Impfungen untersucht.", 11),
        ("Nous rapportons trois enfants avec des nodules après vaccination.", 3),
        ("Nei tre casi osservati si sono formati granulomi dopo il filler.", 3),
        ("Describimos cuatro niños con nódulos persistentes tras la vacunación.", 4),
        ("Kurumumuza gönderilen 58 vakanın dosyaları incelenmiştir.", 58),
    ],
)
def test_a_count_of_children_or_cases_in_another_language(text: str, count: int) -> None:
    found = find_series(split_sentences(text))
    assert found is not None and found[0] == count


def test_patients_numbered_with_the_feminine_noun() -> None:
    text = (
        "Patientin 1 Eine 40-jährige Frau bemerkte Knoten an der Lippe. "
        "Patientin 2 Eine 45-jährige Frau bemerkte eine Schwellung der Stirn."
    )
    found = find_series(split_sentences(text))
    assert found is not None and found[0] == 2


def test_girls_alone_are_no_count_of_the_series() -> None:
    # "dos niñas ... y un niño": three children, of whom the count names only the girls
    text = "Describimos dos niñas, de 2 y 3 años, y un niño de 8 años con nódulos."
    found = find_series(split_sentences(text))
    assert found is None or found[0] != 2
