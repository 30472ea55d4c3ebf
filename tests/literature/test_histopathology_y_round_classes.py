"""Histopathology failure classes of the y0xx round (now dev), each pinned on a text we wrote.

docs/annotation.md, ``histopathology``: what a biopsy or histological examination showed.
A result told as the subject before its test ("Necrosis of the epidermis with thrombi ...
was detected after histopathological evaluation", a long subject too), and a test word
misspelt with a letter or two before "pathological" ("histolopathological findings").
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _histology(text: str) -> list[dict]:
    return [f for f in extract_draft(text).case["findings"] if f["kind"] == "histopathology"]


def test_a_long_result_told_before_its_test():
    found = _histology(
        "Skin necrosis after heparin\nA 61-year-old man developed a black plaque at the site "
        "of his heparin injections on the abdomen. Necrosis of the epidermis together with "
        "small vessel thrombi and inflammation in the deep dermis was detected after "
        "histopathological evaluation."
    )
    assert len(found) == 1
    assert found[0]["result"].startswith("Necrosis of the epidermis")
    assert "Cutaneous necrosis" in {c["label"] for c in found[0]["codes"]}


def test_a_misspelt_histopathology_test_is_read():
    found = _histology(
        "Nodules after injections\nA 45-year-old man had firm nodules on both buttocks after "
        "repeated intramuscular injections. The histolopathological findings showed "
        "granulomatous inflammation with foreign material."
    )
    assert len(found) == 1
    assert "granulomatous inflammation" in found[0]["result"]
