"""FAERS and legacy AERS quarters: real FDA samples and hand-made quirks."""

from __future__ import annotations

import shutil
import zipfile
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from dermavigil.errors import InputError
from dermavigil.ingest import faers
from dermavigil.ingest.files import digest
from dermavigil.ingest.runner import run_import
from dermavigil.ingest.values import dose_text, verbatim_dose
from dermavigil.settings import Settings

Tables = Callable[[Settings, str], dict[str, pa.Table]]


def _dollar(path: Path) -> list[dict[str, str]]:
    """An independent reading of a clean FAERS file (no quirks in the samples)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("$")
    return [dict(zip(header, line.split("$"), strict=True)) for line in lines[1:]]


def _rows(table: pa.Table, report_id: str) -> list[dict[str, object]]:
    return [r for r in table.to_pylist() if r["report_id"] == report_id]


def test_2025q4_sample_matches_an_independent_count(
    settings: Settings, shared_data: Path, tables: Tables
) -> None:
    folder = shared_data / "faers_2025q4_sample"
    summary = run_import(settings, "faers", [folder])
    t = tables(settings, "faers")
    drugs = _dollar(folder / "DRUG25Q4.txt")
    reacs = _dollar(folder / "REAC25Q4.txt")
    distinct_drugs = {(d["primaryid"], d["drug_seq"]) for d in drugs if d["role_cod"] != "DN"}
    distinct_reacs = {(r["primaryid"], r["pt"].casefold()) for r in reacs}
    assert t["reports"].num_rows == summary.reports_kept == 1000
    assert t["report_products"].num_rows == len(distinct_drugs) == 6291 - 533
    assert t["report_reactions"].num_rows == len(distinct_reacs) == 4275 - 61
    assert summary.duplicates_collapsed == {"product rows": 533, "reaction rows": 61}
    # PROVENANCE: after collapsing to distinct (primaryid, drug_seq) every report has one PS drug
    ps = {(d["primaryid"], d["drug_seq"]) for d in drugs if d["role_cod"] == "PS"}
    assert len(ps) == 1000 and len({p for p, _ in ps}) == 1000
    roles = Counter(t["report_products"]["role"].to_pylist())
    role_cod = Counter(
        d["role_cod"] for d in {(d["primaryid"], d["drug_seq"]): d for d in drugs}.values()
    )
    assert roles["suspect"] == role_cod["PS"] + role_cod["SS"]
    assert roles["concomitant"] == role_cod["C"] and roles["interacting"] == role_cod["I"]
    outc = {o["primaryid"] for o in _dollar(folder / "OUTC25Q4.txt")}
    assert sum(t["reports"]["serious"].to_pylist()) == len(outc)
    assert summary.rows_read["DELETE25Q4.txt"] == 4497 and summary.deleted == 0
    first = _rows(t["reports"], "1100310642")[0]
    assert first["event_date"] == date(2014, 12, 26)  # "20141226.0" in the pandas-written sample
    assert first["age_years"] == 61.0 and first["sex"] == "M" and first["country"] == "CA"
    assert first["received_date"] == date(2015, 4, 9) and first["version"] == 42
    assert (
        first["outcome"] == "hospitalisation"
        and first["reporter_type"] == "other_health_professional"
    )


def test_age_unit_and_age_group_are_kept(
    settings: Settings, shared_data: Path, tables: Tables
) -> None:
    """AGE_COD DEC is a span of ten years and AGE_GRP the only age of some reports
    (ASC_NTS, DEMO): both are kept beside ``age_years``, counted against the file."""
    folder = shared_data / "faers_2025q4_sample"
    run_import(settings, "faers", [folder])
    reports = {r["report_id"]: r for r in tables(settings, "faers")["reports"].to_pylist()}
    demo = {d["primaryid"]: d for d in _dollar(folder / "DEMO25Q4.txt")}
    decades = {rid for rid, d in demo.items() if d["age"] and d["age_cod"] == "DEC"}
    assert len(decades) == 16
    assert {rid for rid, r in reports.items() if r["age_unit"] == "decade"} == decades
    years = {rid for rid, d in demo.items() if d["age"] and d["age_cod"] == "YR"}
    assert {rid for rid, r in reports.items() if r["age_unit"] == "year"} == years
    assert all(reports[rid]["age_unit"] is None for rid, d in demo.items() if not d["age"])
    groups = {"N": "neonate", "I": "infant", "C": "child", "T": "adolescent", "A": "adult"}
    expected = {rid: {**groups, "E": "elderly"}.get(d["age_grp"]) for rid, d in demo.items()}
    assert {rid: r["age_group"] for rid, r in reports.items()} == expected
    # a group without an age: 67 reports of the sample
    assert sum(1 for r in reports.values() if r["age_group"] and r["age_years"] is None) == 67


def test_authority_number_and_dose_are_kept(
    settings: Settings, shared_data: Path, tables: Tables
) -> None:
    """AUTH_NUM (the regulatory authority's case number, DEMO) and DOSE_AMT / DOSE_UNIT
    (DRUG, per product line; ASC_NTS; else the verbatim DOSE_VBM) reach the store, counted
    against the files."""
    folder = shared_data / "faers_2025q4_sample"
    run_import(settings, "faers", [folder])
    t = tables(settings, "faers")
    reports = {r["report_id"]: r for r in t["reports"].to_pylist()}
    demo = {d["primaryid"]: d for d in _dollar(folder / "DEMO25Q4.txt")}
    assert {rid: r["authority_number"] for rid, r in reports.items()} == {
        rid: d["auth_num"] or None for rid, d in demo.items()
    }
    assert sum(1 for r in reports.values() if r["authority_number"]) == 160
    drugs = _dollar(folder / "DRUG25Q4.txt")
    given: dict[tuple[str, int], set[str | None]] = {}
    for d in drugs:  # a (primaryid, drug_seq) given twice is kept once, one of its doses
        structured = f"{float(d['dose_amt']):g} {d['dose_unit']}" if d["dose_amt"] else None
        dose = structured or verbatim_dose(d["dose_vbm"])  # as worded without dose_amt
        given.setdefault((d["primaryid"], int(d["drug_seq"])), set()).add(dose)
    kept = {(p["report_id"], p["seq"]): p["dose"] for p in t["report_products"].to_pylist()}
    assert all(dose in given[key] for key, dose in kept.items())
    assert sum(1 for dose in kept.values() if dose) >= sum(
        1 for key, doses in given.items() if key in kept and None not in doses
    )
    assert kept[("1100310642", 1)] == "30 MG"  # dose_amt "30.0", dose_unit "MG"


def test_dose_text() -> None:
    assert dose_text("30.0", "mg") == "30 MG"
    assert dose_text("0.5", "MG/M**2") == "0.5 MG/M**2"
    assert dose_text("2,5", "ML") == "2.5 ML"
    assert dose_text("", "MG") is None
    assert dose_text("0", "MG") is None
    assert dose_text("UNK", "MG") is None
    assert dose_text("10", "") == "10"


def test_legacy_and_faers_zips(settings: Settings, shared_data: Path, tables: Tables) -> None:
    summary = run_import(settings, "faers", [shared_data / "faers_ascii_samples_2004q1_2017q2"])
    assert [i.split(":")[0] for i in summary.inputs] == ["2004Q1", "2017Q2"]
    t = tables(settings, "faers")
    assert t["reports"].num_rows == 200
    assert summary.rows_read["DRUG04Q1.TXT"] == 386 and summary.rows_read["REAC17Q2.txt"] == 286
    legacy = _rows(t["report_reactions"], "4263742")
    assert ("DIARRHOEA", "diarrhoea") in {(r["term_verbatim"], r["term_key"]) for r in legacy}
    legacy_report = _rows(t["reports"], "4263742")[0]
    assert legacy_report["case_id"] == "4061110" and legacy_report["version"] is None
    assert legacy_report["received_date"] == date(2004, 1, 2)  # fda_dt: legacy has no init_fda_dt
    # partial event dates keep their period: event_dt "2003" and "201507" (2017Q2)
    year_only, month_only = _rows(t["reports"], "109792364")[0], _rows(t["reports"], "115630624")[0]
    assert (year_only["event_date"], year_only["event_date_last"]) == (
        date(2003, 1, 1),
        date(2003, 12, 31),
    )
    assert (month_only["event_date"], month_only["event_date_last"]) == (
        date(2015, 7, 1),
        date(2015, 7, 31),
    )
    assert all(
        r["event_date_last"] is None
        for r in t["reports"].to_pylist()
        if r["event_date"]
        and r["report_id"] not in ("109792364", "115630624")
        and r["event_date"].day != 1
    )
    assert not summary.rejected


def _quarter_files(zip_path: Path) -> dict[str, list[dict[str, str]]]:
    """An independent reading of a sample quarter's zip: file kind -> rows (the legacy
    files' synthetic last column is dropped with its stray empty field)."""
    out = {}
    with zipfile.ZipFile(zip_path) as zf:
        for name in zf.namelist():
            if name.upper().endswith(".TXT"):
                lines = zf.read(name).decode("utf-8").splitlines()
                header = lines[0].lower().split("$")
                kind = Path(name).name[:4].upper()
                out[kind] = [dict(zip(header, line.split("$"), strict=False)) for line in lines[1:]]
    return out


def test_old_quarters_import_without_the_later_columns(
    settings: Settings, shared_data: Path, tables: Tables
) -> None:
    """2004Q1 (legacy AERS) has none of auth_num, dose_amt, dose_freq, cum_dose_chr: it
    imports, each absent column named in a warning, its fields empty; its only dose is the
    verbatim dose_vbm, kept. 2017Q2 has them all: structured dose first, else dose_vbm;
    frequency and cumulative dose counted against the file."""
    folder = shared_data / "faers_ascii_samples_2004q1_2017q2"
    summary = run_import(settings, "faers", [folder])
    warned = [w.split(": ", 1)[1] for w in summary.warnings if "DEMO04Q1" in w or "DRUG04Q1" in w]
    for column in ("auth_num", "dose_amt", "dose_freq", "cum_dose_chr"):
        assert any(w.startswith(f"no {column} column") for w in warned), (column, warned)
    assert not any(w.startswith("no dose_vbm") for w in warned)
    assert not any("17Q2" in w for w in summary.warnings)
    t = tables(settings, "faers")
    reports = {r["report_id"]: r for r in t["reports"].to_pylist()}
    products = {(p["report_id"], p["seq"]): p for p in t["report_products"].to_pylist()}
    legacy = _quarter_files(folder / "aers_ascii_2004q1.zip")
    assert all(reports[d["isr"]]["authority_number"] is None for d in legacy["DEMO"])
    for d in legacy["DRUG"]:
        if (d["isr"], int(d["drug_seq"])) in products:
            kept = products[(d["isr"], int(d["drug_seq"]))]
            assert kept["dose"] == verbatim_dose(d["dose_vbm"])
            assert kept["dose_frequency"] is None and kept["cumulative_dose"] is None
    assert sum(1 for d in legacy["DRUG"] if verbatim_dose(d["dose_vbm"])) > 100
    faers17 = _quarter_files(folder / "faers_ascii_2017q2.zip")
    assert sum(1 for r in reports.values() if r["authority_number"]) == sum(
        1 for d in faers17["DEMO"] if d["auth_num"]
    )
    for d in faers17["DRUG"]:
        kept = products[(d["primaryid"], int(d["drug_seq"]))]
        structured = dose_text(d["dose_amt"], d["dose_unit"])
        assert kept["dose"] == (structured or verbatim_dose(d["dose_vbm"]))
        assert kept["dose_frequency"] == (d["dose_freq"].upper() or None)
        assert kept["cumulative_dose"] == dose_text(d["cum_dose_chr"], d["cum_dose_unit"])
    assert products[("111440772", 3)]["dose"] is None  # dose_vbm "UNK": no dose


def test_verbatim_dose() -> None:
    assert verbatim_dose(" 50 MG  ON DAY 2 ") == "50 MG ON DAY 2"
    assert verbatim_dose("10 MG, UNK") == "10 MG, UNK"  # the frequency is what is unknown
    assert verbatim_dose("UNK") is None and verbatim_dose("Unknown") is None
    assert verbatim_dose("") is None and verbatim_dose(None) is None


def test_a_quarter_without_a_required_column_names_the_file_and_column(
    settings: Settings, quarter_2017q2: Path
) -> None:
    quarter = quarter_2017q2
    drug = quarter / "ascii" / "DRUG17Q2.txt"
    drug.write_text(drug.read_text(encoding="utf-8").replace("$role_cod$", "$role$", 1))
    with pytest.raises(InputError, match=r"DRUG17Q2\.txt: not a FAERS DRUG file: .*role_cod"):
        run_import(settings, "faers", [quarter])


def test_quirks_are_reported_by_file_line_field(
    settings: Settings, fixtures: Path, tables: Tables
) -> None:
    summary = run_import(settings, "faers", [fixtures / "faers_quirks"])
    assert summary.rejected == {
        "bad report id": 1,
        "role DN (drug not administered)": 1,
        "short row": 1,
        "overlong row": 1,
        "blank term": 1,
    }
    assert summary.repaired == {
        "bad date": 1,
        "bad age": 1,
        "not UTF-8": 1,
        "line break inside a field": 1,
        "overlong row": 1,
    }
    bad_date = next(p for p in summary.problems if p.extra["category"] == "bad date")
    assert (bad_date.file, bad_date.line, bad_date.field) == (
        "faers_quirks/DEMO20Q1.txt",
        4,
        "event_dt",
    )
    t = tables(settings, "faers")
    reports = {r["report_id"]: r for r in t["reports"].to_pylist()}
    assert set(reports) == {"1001", "1011", "1021", "1031"}
    assert reports["1001"]["event_date"] == date(2019, 1, 1)  # YYYY -> first day
    assert reports["1011"]["event_date"] == date(2019, 11, 1)  # YYYYMM -> first day
    assert reports["1011"]["age_years"] == 1.5
    assert reports["1021"]["event_date"] is None and reports["1021"]["age_years"] is None
    assert reports["1031"]["outcome"] == "death"
    products = {(p["report_id"], p["seq"]): p for p in t["report_products"].to_pylist()}
    assert products[("1011", 2)]["product_verbatim"] == "JUVÉDERM VOLUMA"
    assert products[("1011", 2)]["product_key"] == "hyaluronic acid"
    assert products[("1001", 1)]["product_key"] == "onabotulinumtoxina"
    categories = {k: p["category"] for k, p in products.items()}
    assert categories == {
        ("1001", 1): "botulinum_toxin",
        ("1001", 2): "drug",
        ("1011", 2): "ha_filler",
        ("1021", 3): "plla",
        ("1031", 1): "drug",
    }
    assert ("1011", 1) not in products  # DN
    assert len(_rows(t["report_reactions"], "1001")) == 1


def test_versions_ties_and_deletions(settings: Settings, fixtures: Path, tables: Tables) -> None:
    summary = run_import(
        settings, "faers", [fixtures / "faers_versions_q2", fixtures / "faers_versions_q1"]
    )
    kept = {r["case_id"]: r["report_id"] for r in tables(settings, "faers")["reports"].to_pylist()}
    assert kept == {
        "200": "2002",  # v2 beats v1
        "210": "2103",  # same version, Q1's later fda_dt wins over Q2
        "220": "22020",  # same version and fda_dt: the later quarter wins
        "230": "2301",
    }  # 240 deleted by Q2's list
    assert summary.versions_superseded == 3 and summary.deleted == 1
    assert summary.reports_read == 8 and summary.reports_kept == 4
    products = tables(settings, "faers")["report_products"].to_pylist()
    assert {p["report_id"] for p in products} == set(kept.values())
    assert {p["product_key"] for p in products if p["report_id"] == "2002"} == {"restylane lyft"}


def test_legacy_case_keeps_latest_isr(settings: Settings, fixtures: Path, tables: Tables) -> None:
    summary = run_import(settings, "faers", [fixtures / "aers_legacy"])
    (report,) = tables(settings, "faers")["reports"].to_pylist()
    assert report["report_id"] == "4700002" and report["age_years"] == 70.0
    assert report["country"] == "UNITED STATES" and summary.versions_superseded == 1


def test_zip_and_folder_are_the_same_input(tmp_path: Path, fixtures: Path) -> None:
    folder = fixtures / "faers_versions_q1"
    archive = tmp_path / "faers_ascii_2020q1.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in folder.iterdir():
            zf.write(f, f"ASCII/{f.name}")
    a, b = faers.plan(folder), faers.plan(archive)
    assert a.unit == b.unit == "2020Q1"
    assert digest(a.members.values(), "v") == digest(b.members.values(), "v")


def test_not_a_quarter(tmp_path: Path, fixtures: Path) -> None:
    with pytest.raises(InputError, match="no DRUG, REAC"):
        faers.plan(fixtures / "faers_quirks" / "DEMO20Q1.txt")
    mixed = tmp_path / "mixed"
    shutil.copytree(fixtures / "faers_versions_q1", mixed)
    shutil.copy(fixtures / "faers_versions_q2" / "DELETE20Q2.txt", mixed)
    with pytest.raises(InputError, match="several periods"):
        faers.plan(mixed)
