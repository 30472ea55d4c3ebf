"""Histopathology findings in real case narratives (issue 10): the classes of text the
real abstracts showed the finding finder missing, each on a text written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.literature.extract import extract_draft

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _histology(name: str) -> list[dict]:
    draft = extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8"))
    return [f for f in draft.case["findings"] if f["kind"] == "histopathology"]


def test_an_investigation_told_without_naming_the_patient_is_the_case_s_finding():
    # "A punch biopsy of the left cheek was obtained. Microscopic evaluation revealed foreign
    # body granulomas with multinucleated giant cells ...": neither sentence names the patient
    findings = _histology("l01_investigations_without_the_patient")
    assert findings[0]["test"] == "microscopic evaluation"
    codes = {c["code"] for c in findings[0]["codes"]}
    assert {"HP:6000070", "HP:6000057"} <= codes  # granuloma, multinucleated giant cells


def test_the_histologic_findings_of_a_diagnosis_are_a_result():
    # "The histologic findings of septal panniculitis with fibrosis supported the diagnosis."
    findings = _histology("l01_investigations_without_the_patient")
    assert any(
        f["result"].startswith("septal panniculitis")
        and "HP:0012490" in {c["code"] for c in f["codes"]}
        for f in findings
    )


def test_a_review_sentence_in_the_present_is_not_a_finding_of_the_case():
    text = (
        "Granulomas after fillers: a review\n"
        "Biopsies of filler granulomas show multinucleated giant cells around the material. "
        "We review 40 published reports of granulomas after dermal fillers."
    )
    draft = extract_draft(text)
    assert [f for f in draft.case["findings"] if f["kind"] == "histopathology"] == []


def test_a_study_s_methods_sentence_is_not_a_test_result():
    # a series' methods: that the findings were collected says nothing of what they showed
    text = (
        "Complications of thread lifting: a retrospective series of 40 patients\n"
        "Forty patients who developed nodules after thread lifting were treated between 2015 "
        "and 2020. Age, sex, imaging, treatment, histopathological findings and outcome were "
        "recorded. Histological examination showed foreign body granulomas around the "
        "threads."
    )
    results = [f["result"] for f in extract_draft(text).case["findings"]]
    assert not any(r.startswith("recorded") for r in results)
    assert any(r.startswith("foreign body granulomas") for r in results)


def test_a_result_told_before_its_test_and_after_an_adverb_of_histology():
    """'... were reported as lipogranuloma by the pathology department', 'Eczema was
    diagnosed based on the pathological examination', 'Histologically, the specimen
    exhibited ...' (r324, r341, r492)."""
    findings = _histology("dc07_histology_told_result_first")
    assert [f["result"] for f in findings] == [
        "lipogranuloma",
        "multinucleated giant cells around empty vacuoles",
    ]
    text = (DATA / "dc07_histology_told_result_first.txt").read_text(encoding="utf-8")
    told = text.replace(
        "Two nodules were excised; they were reported as lipogranuloma by the pathology "
        "department.",
        "Lipogranuloma was diagnosed based on the results of the pathological examination.",
    )
    results = [f["result"] for f in extract_draft(told).case["findings"]]
    assert "Lipogranuloma" in results


@pytest.mark.parametrize(
    ("sentence", "result"),
    [
        # the result before its test, the test with a word of its own (r623)
        (
            "The lesion was diagnosed as inflammatory granuloma by a permanent biopsy.",
            "inflammatory granuloma",
        ),
        # the result after the test, named by a noun (r672)
        (
            "A biopsy was taken with a report of necrosis of skin and subcutaneous tissue.",
            "necrosis of skin and subcutaneous tissue",
        ),
    ],
)
def test_a_result_told_around_its_test(sentence: str, result: str) -> None:
    from dermavigil.literature.extract.findings import find_findings
    from dermavigil.literature.extract.sentences import split_sentences

    sentences = split_sentences(sentence)
    found = find_findings(sentences, sentences)
    assert [(f.kind.value, f.result) for f in found] == [("histopathology", result)]
