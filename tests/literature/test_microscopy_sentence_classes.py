"""Microscopy sentences whose result is not the text after '<test> showed', on texts we wrote.

docs/annotation.md, ``histopathology``: what a biopsy or a histological examination showed.
A test adverbial opening the sentence frames the whole clause after it as the finding; a
clause or a sentence whose subject is a layer of the skin goes on describing the slide; the
result of a case-narrative sentence stops where the patient or the injection is named.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.microscopy import GOES_ON, opening_clause

_CASE = (
    "Cheek nodule after a filler\nA 47-year-old woman noticed a firm nodule of the cheek "
    "eight months after a filler injection. An excisional biopsy was performed. "
)


def _histology(text: str) -> list[dict]:
    return [f for f in extract_draft(text).case["findings"] if f["kind"] == "histopathology"]


def _labels(found: list[dict]) -> set[str]:
    return {c["label"] for f in found for c in f["codes"]}


def test_an_opening_adverbial_frames_the_clause_as_the_finding():
    found = _histology(
        _CASE + "Microscopically, a foreign body reaction with oil cysts, multinucleated "
        "giant cells and fibrosis was seen in the subcutaneous fat."
    )
    assert len(found) == 1
    assert found[0]["result"].startswith("a foreign body reaction with oil cysts")
    assert "fibrosis" in found[0]["result"]
    assert "Dermal multinucleated giant cells" in _labels(found)


def test_an_opening_adverbial_with_a_reporting_verb_keeps_the_verb_path():
    assert opening_clause("Histologically, the nodule showed a lipogranuloma.") is None
    found = _histology(_CASE + "Histologically, the nodule showed a lipogranuloma.")
    assert found[0]["result"] == "a lipogranuloma"


def test_a_clause_after_a_semicolon_goes_on_describing_the_slide():
    found = _histology(
        _CASE + "Histopathology showed a thinned epidermis; the deep dermis showed "
        "granulomas around clear vacuoles."
    )
    assert "granulomas around clear vacuoles" in found[0]["result"]
    assert "Cutaneous granuloma" in _labels(found)


def test_a_sentence_on_a_skin_layer_in_the_present_goes_on():
    found = _histology(
        _CASE + "The biopsy revealed a dense histiocytic infiltrate. Examination of the "
        "reticular dermis reveals necrosis of the fat lobules."
    )
    assert "necrosis of the fat lobules" in found[0]["result"]
    assert GOES_ON.search("The subcutis contains scattered foam cells.")
    assert not GOES_ON.search("The patient was discharged on oral antibiotics.")


def test_characterised_by_and_proven_to_be_report_the_result():
    assert "Cutaneous granuloma" in _labels(
        _histology(
            "Granulomatous reaction\nWe saw a man with a reaction that was histologically "
            "characterized by granulomatous inflammation."
        )
    )
    found = _histology(_CASE + "The mass was histopathologically proven to be a lipogranuloma.")
    assert found and "lipogranuloma" in found[0]["result"]


def test_a_word_split_by_a_line_break_hyphen_is_coded():
    found = _histology(_CASE + "Skin biopsy showed granulomatous inflam- mation of the dermis.")
    assert "Inflammatory abnormality of the skin" in _labels(found)


def test_the_result_stops_where_the_patient_and_the_injection_are_named():
    found = _histology(
        "Granuloma after a filler\nWe report a reaction that was histologically characterized "
        "by a granulomatous change in a man after the injection of a filler for glabellar "
        "wrinkles."
    )
    assert found[0]["result"] == "a granulomatous change"


def test_a_diagnosis_confirmed_by_a_test_showing_a_finding_keeps_the_finding():
    found = _histology(
        "Calcified nodules\nA 60-year-old woman had hard nodules of the buttock after "
        "injections. The diagnosis of calcinosis cutis was confirmed by the histological "
        "examination showing calcium deposits in the dermis and subcutis."
    )
    assert found[0]["test"] == "histological examination"
    assert "calcium deposits in the dermis and subcutis" in found[0]["result"]


def test_a_caption_of_a_micrograph_shows_the_case_s_slide():
    """A figure caption closed by its stain and magnification, or naming the micrograph, is
    a histopathology finding of the case whatever its tense; a caption of a clinical photo
    is not."""
    found = _histology(
        _CASE + "Figure 1.\n(A) Granulomatous infiltrate around clear vacuoles in the dermis "
        "(H&E, x100).\n(B) Micrograph showing foamy histiocytes among giant cells.\n"
        "(C) Photograph of the cheek."
    )
    assert [f["test"] for f in found] == ["micrograph", "micrograph"]
    assert found[0]["result"] == "Granulomatous infiltrate around clear vacuoles in the dermis"
    assert "Cutaneous granuloma" in _labels(found)
    assert found[1]["result"] == "foamy histiocytes among giant cells"
