"""Histopathology failure classes of the z0xx round (now dev), each pinned on a text we wrote.

docs/annotation.md, ``histopathology``: what a biopsy or a histological examination showed.
A cytology of the lesion (an aspirate's cells read under the microscope) is such an
examination, and so are the stained sections of a biopsy ("the haematoxylin and eosin
stained sections showed ...") when the text names the slides rather than the biopsy.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _histology(text: str) -> list[dict]:
    return [f for f in extract_draft(text).case["findings"] if f["kind"] == "histopathology"]


def test_a_cytology_of_the_lesion_is_a_histopathology_finding():
    found = _histology(
        "Buttock abscess after injections\nA 30-year-old man developed a cold abscess of the "
        "buttock a month after intramuscular injections. Fine-needle aspiration cytology of "
        "the abscess showed granulomatous inflammation with acid-fast bacilli."
    )
    assert len(found) == 1
    assert found[0]["result"].startswith("granulomatous inflammation")
    assert found[0]["test"] == "fine-needle aspiration cytology"
    assert "Cutaneous granuloma" in {c["label"] for c in found[0]["codes"]}


def test_stained_sections_are_a_histopathology_finding():
    found = _histology(
        "Eyelid lump after a filler\nA 52-year-old woman noticed a lump of the lower eyelid a "
        "year after a hyaluronic acid filler. A punch biopsy was obtained. The haematoxylin "
        "and eosin stained sections showed dermal pools of mucin with granulomatous "
        "inflammation."
    )
    assert len(found) == 1
    assert "granulomatous inflammation" in found[0]["result"]


def test_pathology_opening_the_sentence_is_the_examination():
    found = _histology(
        "Breast masses after paraffin injections\nA 70-year-old woman developed hard breast "
        "masses decades after paraffin injections. She underwent excision of both masses. "
        "Pathology indicated sclerosing lipogranulomatosis."
    )
    assert [f["result"] for f in found] == ["sclerosing lipogranulomatosis"]
