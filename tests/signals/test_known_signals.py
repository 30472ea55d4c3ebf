"""A historical signal found again on the real VAERS data: RotaShield (VAERS ``RV``) and
intussusception, the signal that led to the vaccine's withdrawal in October 1999
(Murphy et al., N Engl J Med 2001;344:564-72). Every method must flag it, and the
2x2 cells must be the distinct-report counts of an independent reading of the zip."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from dermavigil.ingest.runner import run_import
from dermavigil.settings import load_settings
from dermavigil.signals.detect import SignalRequest, detect_store


def _independent_counts(zip_path: Path) -> tuple[int, int, int, int]:
    """(a, n_drug, n_event, N) for RV x intussusception, read straight from the zip;
    N counts the reports with at least one vaccine and one symptom, as the 2x2 table does."""
    with zipfile.ZipFile(zip_path) as archive:
        names = {n.upper(): n for n in archive.namelist()}

        def rows(suffix: str) -> list[dict[str, str]]:
            name = next(v for k, v in names.items() if k.endswith(suffix))
            text = archive.read(name).decode("cp1252")
            return list(csv.DictReader(io.StringIO(text)))

        vax = rows("VAERSVAX.CSV")
        symptoms = rows("VAERSSYMPTOMS.CSV")
        slots = ("SYMPTOM1", "SYMPTOM2", "SYMPTOM3", "SYMPTOM4", "SYMPTOM5")
        with_symptom = {r["VAERS_ID"] for r in symptoms if any(r.get(k, "").strip() for k in slots)}
        reports = {r["VAERS_ID"] for r in rows("VAERSDATA.CSV")}
        reports &= {r["VAERS_ID"] for r in vax if r["VAX_TYPE"].strip()} & with_symptom
        rv = {r["VAERS_ID"] for r in vax if r["VAX_TYPE"].strip() == "RV"}
        intus = {
            r["VAERS_ID"]
            for r in symptoms
            for k in slots
            if r.get(k, "").strip().casefold() == "intussusception"
        }
    return len(rv & intus & reports), len(rv & reports), len(intus & reports), len(reports)


def test_rotashield_intussusception_flagged_by_every_method(
    tmp_path: Path, shared_data: Path
) -> None:
    zip_path = shared_data / "vaers_1990_2006_official_zips" / "1999VAERSData.zip"
    settings = load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")})
    run_import(settings, "vaers", [zip_path])
    result = detect_store(settings.store_dir, SignalRequest(by=("product", "reaction")))
    (row,) = [
        r
        for r in result.table.to_pylist()
        if r["product"] == "rv" and r["reaction"] == "intussusception"
    ]
    a, n_drug, n_event, n_total = _independent_counts(zip_path)
    assert (row["n"], row["n_drug"], row["n_event"], result.n_total) == (
        a,
        n_drug,
        n_event,
        n_total,
    )
    assert row["expected"] == pytest.approx(n_drug * n_event / n_total, rel=1e-12)
    assert row["signal_prr"] and row["signal_ror"] and row["signal_ic"] and row["signal_ebgm"]
    assert row["eb05"] >= 2 and row["ic025"] > 0
