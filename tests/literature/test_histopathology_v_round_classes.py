"""Histopathology failure classes of the v0xx round (now dev), each pinned on a text we wrote.

docs/annotation.md, ``histopathology``: what a biopsy or histological examination showed.
"The pathology" as the subject of a reporting verb is the histological examination; a
sentence that goes on with "the same sample also showed" describes the same slide.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft

_CASE = (
    "Nodules after silicone injections\nA 52-year-old woman developed firm nodules of both "
    "breasts ten years after liquid silicone injections. "
)


def _histology(text: str) -> list[dict]:
    return [f for f in extract_draft(text).case["findings"] if f["kind"] == "histopathology"]


def test_the_pathology_as_subject_of_a_reporting_verb():
    (finding,) = _histology(
        _CASE + "She underwent a partial mastectomy and the pathology demonstrated a siliconoma."
    )
    assert finding["result"] == "a siliconoma"


def test_the_same_sample_goes_on_describing_the_slide():
    (finding,) = _histology(
        _CASE + "A skin biopsy showed an atrophic epidermis and a band-like lymphocytic "
        "infiltrate. The same sample also showed a thickened reticular dermis with compact "
        "collagen bundles."
    )
    assert "thickened reticular dermis" in finding["result"]
