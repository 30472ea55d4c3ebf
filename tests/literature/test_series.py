"""Case-series table and summary counts, checked against counts made by hand."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case
from dermavigil.literature.extract import extract_draft
from dermavigil.literature.series import COLUMNS, build_series

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    names = ["d02_ha_filler_occlusion", "d04_polynucleotide_granuloma", "d09_negations_ha_lips"]
    drafted = [extract_draft((DATA / f"{n}.txt").read_text()).to_case() for n in names]
    return [load_seed_case(), *drafted]


def test_rows_and_counts(cases: list[Case]) -> None:
    series = build_series(cases)
    assert len(series.rows) == 4 and series.patients == 4
    seed = series.rows[0]
    assert seed["product"] == "lyophilized exosomes (Exosome)"
    assert seed["route"] == "intradermal (off-label)"
    assert seed["onset"] == "shortly after the injection"
    assert seed["treatment"] == "prednisolone 7 days"
    assert seed["outcome"] == "recovered with sequelae (post-inflammatory hyperpigmentation)"
    assert series.categories == Counter({"Hyaluronic acid filler": 2, "Exosome": 1,
                                          "PDRN / polynucleotide": 1})  # fmt: skip
    expected: Counter[str] = Counter()
    for case in cases:
        labels: set[str] = set()
        for reaction in case.reactions:
            if not reaction.at_rechallenge:
                labels |= {c.label for c in reaction.codes} or {reaction.verbatim}
        expected.update(labels)
    assert series.reactions == expected
    assert series.reactions["Erythema"] == 2
    assert sum(series.onset.values()) == 4
    assert series.onset["same day"] == 2
    # d09 "presented with swelling ... 2 days after": the visit, not the onset (docs/annotation.md)
    assert series.onset["not stated"] == 1
    assert series.onset["8-30 days"] == 1


def test_csv_round_trip(cases: list[Case]) -> None:
    series = build_series(cases)
    rows = list(csv.reader(io.StringIO(series.to_csv())))
    assert rows[0] == [title for _, title in COLUMNS]
    assert len(rows) == 5
    assert rows[1][1].startswith("Tawanwongsri W, Vachiramon V.")


def test_markdown_and_html_escape(cases: list[Case]) -> None:
    tricky = cases[0].model_copy(
        update={"products": [cases[0].products[0].model_copy(update={"name": "A|B <x>"})]}
    )
    series = build_series([tricky])
    markdown = series.to_markdown()
    assert "A\\|B <x>" in markdown and "### Reactions" in markdown
    table_lines = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len({line.count(" | ") for line in table_lines[2:]}) == 1
    page = series.to_html()
    assert "A|B &lt;x&gt;" in page and "<x>" not in page
    assert page.count("<tr>") == 2


def test_empty_series() -> None:
    series = build_series([])
    assert series.rows == [] and "0 cases, 0 patients" in series.to_markdown()
    assert series.to_csv().count("\n") == 1


def test_series_draft_has_per_patient_facts_with_evidence() -> None:
    """A series abstract ('Patient 1, a 38-year-old woman, ... Patient 2 ...') yields each
    patient's own age, sex, reactions, onset, treatments and outcome (our text d20)."""
    draft = extract_draft((DATA / "d20_series_per_patient.txt").read_text(encoding="utf-8"))
    assert draft.is_series and draft.case["report"]["patients_in_report"] == 3
    patients = draft.series_patients
    assert [p["label"] for p in patients] == ["Patient 1", "Patient 2", "Patient 3"]
    assert [(p["age"]["value"], p["sex"]) for p in patients] == [
        (38.0, "female"),
        (52.0, "male"),
        (44.0, "female"),
    ]
    assert [p["outcome"] for p in patients] == [
        "recovered",
        "not_recovered",
        "recovered_with_sequelae",
    ]
    assert [p["treatments"] for p in patients] == [["doxycycline"], ["clobetasol"], ["drainage"]]
    assert patients[1]["onset_latency"] == {"value": 3.0, "unit": "week"}
    for patient in patients:  # every value keeps its evidence span
        assert set(patient["evidence"]) >= {"age", "sex", "reactions", "outcome"}
        start, end = patient["evidence"]["age"][0]
        assert draft.text[start:end].endswith("year-old")
    assert "series_patients" in draft.to_json_dict()


def test_series_enumerated_ages_give_one_patient_each() -> None:
    draft = extract_draft((DATA / "h05_polynucleotide_series.txt").read_text(encoding="utf-8"))
    assert [(p["age"]["value"], p["sex"]) for p in draft.series_patients] == [
        (33.0, "female"),
        (45.0, "female"),
    ]
    single = extract_draft((DATA / "d02_ha_filler_occlusion.txt").read_text(encoding="utf-8"))
    assert single.series_patients == []


def test_series_case_labels_run_into_the_text() -> None:
    """'Case 1In 2011, a 65-year-old woman ...': a label run into the next word still
    starts that patient's part (PDF extraction drops the line break)."""
    draft = extract_draft(
        "Nodules after fillers: two cases\nWe report two cases. Case 1In 2011, a 65-year-old "
        "woman had a filler injected into the jawline. Two weeks later, she developed a tender "
        "nodule. Case 2A 50-year-old man had a filler injected into the cheeks and developed "
        "nodules 3 months later."
    )
    patients = draft.series_patients
    assert [(p["label"], p["age"]["value"], p["sex"]) for p in patients] == [
        ("Case 1", 65.0, "female"),
        ("Case 2", 50.0, "male"),
    ]
    assert [p["onset_latency"] for p in patients] == [
        {"value": 2.0, "unit": "week"},
        {"value": 3.0, "unit": "month"},
    ]
