"""Histology a case tells without naming the test by its usual word, on texts we wrote.

docs/annotation.md, ``histopathology``: what a biopsy or a histological examination showed.
An excised lesion may be the subject of the reporting verb ("The nodules exhibited ...") and
the microscope may be named by its technique ("electron microscopy revealed", "the light
microscopic features are consistent with") or by its magnification ("Higher magnification
showed"); a lesion described as seen is no histology.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.microscopy import lesion_subject

_CASE = (
    "Chin nodules after a filler\nA 52-year-old man noticed three firm nodules of the chin "
    "a year after a filler injection. Two nodules were excised under local anaesthesia. "
)


def _histology(text: str) -> list[dict]:
    return [f for f in extract_draft(text).case["findings"] if f["kind"] == "histopathology"]


def test_an_excised_lesion_as_the_subject_of_a_reporting_verb():
    found = _histology(
        _CASE + "One of the nodules exhibited a dense lymphohistiocytic infiltrate with "
        "multinucleated giant cells around clear vacuoles."
    )
    assert len(found) == 1
    assert found[0]["test"] == "one of the nodules"
    assert found[0]["result"].startswith("a dense lymphohistiocytic infiltrate")
    assert "Dermal multinucleated giant cells" in {c["label"] for c in found[0]["codes"]}


@pytest.mark.parametrize(
    "text",
    [
        "The nodules showed redness and slight scaling.",
        "The lesions showed a marked improvement after two weeks.",
        "The patient showed granulomas on the chest radiograph.",
    ],
)
def test_a_lesion_described_as_seen_is_no_histology(text):
    assert lesion_subject(text) is None


@pytest.mark.parametrize(
    ("sentence", "test"),
    [
        (
            "Transmission electron microscopy revealed granulomas with crystalline deposits.",
            "transmission electron microscopy",
        ),
        (
            "The light microscopic features were consistent with a foreign body granuloma.",
            "light microscopic features",
        ),
        (
            "Higher magnification showed granulomas around empty vacuoles.",
            "higher magnification",
        ),
        (
            "High-power magnification revealed a foreign body granuloma.",
            "high-power magnification",
        ),
    ],
)
def test_the_microscope_named_by_its_technique(sentence, test):
    found = _histology(_CASE + sentence)
    assert [f["test"] for f in found] == [test]
    assert "Cutaneous granuloma" in {c["label"] for f in found for c in f["codes"]}


def test_a_documented_result():
    found = _histology(
        _CASE + "Histological examination documented a granulomatous reaction to the filler."
    )
    assert [f["result"] for f in found] == ["a granulomatous reaction to the filler"]
