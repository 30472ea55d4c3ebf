"""CAERS (openEBGM long form, raw CSV) and openFDA drug/event pages."""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from dermavigil.domain.routes import Route
from dermavigil.errors import InputError
from dermavigil.ingest.runner import run_import
from dermavigil.settings import Settings

Tables = Callable[[Settings, str], dict[str, pa.Table]]


def test_openebgm_long_form(settings: Settings, shared_data: Path, tables: Tables) -> None:
    path = shared_data / "caers_openebgm_subset" / "caers.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    summary = run_import(settings, "caers", [path])
    t = tables(settings, "caers")
    assert summary.rows_read["caers.csv"] == 20_156
    assert t["reports"].num_rows == len({r["id"] for r in rows}) == 3356
    assert t["report_products"].num_rows == len({(r["id"], r["var1"]) for r in rows})
    assert t["report_reactions"].num_rows == len({(r["id"], r["var2"].casefold()) for r in rows})
    assert len(set(t["report_products"]["product_verbatim"].to_pylist())) == 2874
    sexes = {r["report_id"]: r["sex"] for r in t["reports"].to_pylist()}
    assert sexes["147289"] == "F"


def test_raw_caers_symptom_cell(settings: Settings, shared_data: Path, tables: Tables) -> None:
    summary = run_import(
        settings, "caers", [shared_data / "caers_openebgm_subset" / "caers_raw.csv"]
    )
    t = tables(settings, "caers")
    assert summary.rows_read["caers_raw.csv"] == 117
    terms = {(r["report_id"], r["term_verbatim"]) for r in t["report_reactions"].to_pylist()}
    assert {("75693", "ABDOMINAL PAIN"), ("75693", "DIARRHOEA"), ("75693", "VOMITING")} <= terms


def test_raw_caers_with_fda_column_names(
    settings: Settings, fixtures: Path, tables: Tables
) -> None:
    run_import(settings, "caers", [fixtures / "caers_fda_columns.csv"])
    t = tables(settings, "caers")
    reports = {r["report_id"]: r for r in t["reports"].to_pylist()}
    assert (
        reports["210001"]["serious"] is True and reports["210001"]["outcome"] == "hospitalisation"
    )
    assert reports["210001"]["received_date"] == date(2019, 1, 15)
    assert reports["210001"]["age_years"] == 45.0 and reports["210002"]["serious"] is False
    assert reports["210001"]["age_unit"] == "year"  # "Year(s)"
    products = [(p["seq"], p["role"], p["category"]) for p in t["report_products"].to_pylist()]
    assert products[:2] == [(1, "suspect", "other"), (2, "concomitant", "other")]
    assert t["report_reactions"].num_rows == 4  # 3 terms repeated on two product rows, + ACNE


def test_caers_needs_known_columns(settings: Settings, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="not CAERS"):
        run_import(settings, "caers", [other])


def test_openfda_api_sample(settings: Settings, shared_data: Path, tables: Tables) -> None:
    path = shared_data / "openfda_samples_and_schemas" / "drug_event_api_results_100.json.gz"
    results = json.loads(gzip.decompress(path.read_bytes()))
    summary = run_import(settings, "openfda", [path])
    t = tables(settings, "openfda")
    assert t["reports"].num_rows == 100
    assert t["report_products"].num_rows == sum(len(r["patient"]["drug"]) for r in results) == 265
    distinct_terms = {
        (r["safetyreportid"], x["reactionmeddrapt"].casefold())
        for r in results
        for x in r["patient"]["reaction"]
    }
    assert t["report_reactions"].num_rows == len(distinct_terms)
    assert sum(t["reports"]["serious"].to_pylist()) == 34
    received = [r["received_date"] for r in t["reports"].to_pylist()]
    assert min(received) == date(2008, 7, 7) and max(received) == date(2014, 3, 12)
    assert not summary.rejected
    # the age's unit and the age group are kept (duplicate detection compares spans)
    groups = {"5": "adult", "6": "elderly"}
    by_id = {r["report_id"]: r for r in t["reports"].to_pylist()}
    for result in results:
        row, patient = by_id[result["safetyreportid"]], result["patient"]
        assert row["age_group"] == groups.get(patient.get("patientagegroup"))
        assert row["age_unit"] == ("year" if patient.get("patientonsetage") else None)
    assert sum(1 for r in by_id.values() if r["age_group"]) == 59


def test_openfda_page_quirks(settings: Settings, fixtures: Path, tables: Tables) -> None:
    summary = run_import(settings, "openfda", [fixtures / "openfda_page.json"])
    t = tables(settings, "openfda")
    report = next(r for r in t["reports"].to_pylist() if r["report_id"] == "9000001")
    assert report["version"] == 2 and report["age_years"] == pytest.approx(340 / 12)
    assert report["outcome"] == "hospitalisation" and report["reporter_type"] == "physician"
    keys = {p["product_key"]: (p["role"], p["category"]) for p in t["report_products"].to_pylist()}
    assert keys == {
        "hyaluronic acid": ("suspect", "ha_filler"),
        "ibuprofen": ("concomitant", "drug"),
        "dysport": ("suspect", "botulinum_toxin"),
    }
    assert summary.rejected == {"unknown role": 1, "bad report id": 1}
    assert summary.repaired == {"bad date": 1}


def test_openfda_rejects_non_json(settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "page.json"
    bad.write_text("{not json")
    with pytest.raises(InputError, match="not valid JSON"):
        run_import(settings, "openfda", [bad])


def test_openfda_routes_become_case_model_slugs(
    settings: Settings, shared_data: Path, tables: Tables
) -> None:
    path = shared_data / "openfda_samples_and_schemas" / "drug_event_api_results_100.json.gz"
    results = json.loads(gzip.decompress(path.read_bytes()))
    run_import(settings, "openfda", [path])
    routes = set(tables(settings, "openfda")["report_products"]["route"].to_pylist()) - {None}
    given = {d.get("drugadministrationroute") for r in results for d in r["patient"]["drug"]}
    assert "048" in given and "oral" in routes  # E2B 048 is oral
    assert routes <= {route.value for route in Route}
