"""Histopathology failure classes of the u0xx round (now dev), each pinned on a text we wrote.

docs/annotation.md, ``histopathology``: what a biopsy or histological examination showed.
A diagnosis or staining clause after the slide's description is not a finding of the slide;
a dermatopathological examination is a histological one; a slide described sentence after
sentence keeps every sentence.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft

_CASE = (
    "Granulomas after a red tattoo\nA 34-year-old woman developed itchy papules in the red "
    "parts of a tattoo on her forearm two years after tattooing. "
)


def _histology(text: str) -> list[dict]:
    return [f for f in extract_draft(text).case["findings"] if f["kind"] == "histopathology"]


def test_a_diagnosis_clause_after_the_slide_is_not_a_finding():
    (finding,) = _histology(
        _CASE + "A skin biopsy showed non-caseating granulomas, confirming the diagnosis of "
        "cutaneous sarcoidosis."
    )
    assert finding["result"] == "non-caseating granulomas"
    (finding,) = _histology(
        _CASE + "Histology revealed amorphous eosinophilic masses in the dermis, which stained "
        "positive with Congo red."
    )
    assert finding["result"] == "amorphous eosinophilic masses in the dermis"


def test_a_diagnosis_that_names_the_changes_is_kept():
    (finding,) = _histology(
        _CASE + "A biopsy showed histologic changes, suggestive of a foreign body granuloma."
    )
    assert finding["result"] == "histologic changes, suggestive of a foreign body granuloma"


def test_a_dermatopathological_examination_is_histology():
    (finding,) = _histology(
        _CASE + "A dermatopathological examination revealed non-caseating granulomas."
    )
    assert finding["result"] == "non-caseating granulomas"


def test_a_slide_described_sentence_after_sentence():
    (finding,) = _histology(
        _CASE + "Histology revealed a dense lymphocytic infiltrate. Red pigment was scattered "
        "throughout the dermis. The epidermis showed spongiosis."
    )
    assert "spongiosis" in finding["result"]
    assert not any(c["label"] == "Erythema" for c in finding.get("codes", []))  # "red pigment"
