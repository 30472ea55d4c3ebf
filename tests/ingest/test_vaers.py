"""VAERS: the 1990-2006 official zips against the totals in their PROVENANCE.md."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from dermavigil.ingest.runner import run_import
from dermavigil.ingest.summary import ImportSummary
from dermavigil.settings import Settings, load_settings

Tables = Callable[[Settings, str], dict[str, pa.Table]]

# year: (DATA rows = reports, VAX rows, SYMPTOMS rows, DIED=Y), from PROVENANCE.md
PROVENANCE = {
    1990: (2106, 2791, 2361, 77),
    1991: (9936, 16659, 10992, 160),
    1992: (10691, 18390, 12113, 219),
    1993: (10149, 17661, 11794, 218),
    1994: (10184, 18410, 11697, 224),
    1995: (9986, 17751, 11530, 140),
    1996: (10776, 17597, 12331, 123),
    1997: (11009, 17231, 12600, 133),
    1998: (9978, 16017, 11398, 131),
    1999: (12249, 20373, 14354, 143),
    2000: (13950, 22801, 15500, 143),
    2001: (13387, 25513, 15026, 175),
    2002: (14030, 26763, 15424, 137),
    2003: (16766, 31251, 18679, 199),
    2004: (15330, 28657, 17591, 162),
    2005: (15587, 28658, 18086, 130),
    2006: (17332, 31386, 20828, 123),
}


@pytest.fixture(scope="module")
def vaers_1990_2006(
    tmp_path_factory: pytest.TempPathFactory, shared_data: Path
) -> tuple[Settings, ImportSummary]:
    settings = load_settings({"DERMAVIGIL_HOME": str(tmp_path_factory.mktemp("vaers"))})
    summary = run_import(settings, "vaers", [shared_data / "vaers_1990_2006_official_zips"])
    return settings, summary


@pytest.mark.slow
def test_per_year_totals_match_provenance_exactly(
    vaers_1990_2006: tuple[Settings, ImportSummary], tables: Tables
) -> None:
    settings, summary = vaers_1990_2006
    t = tables(settings, "vaers")
    reports = t["reports"].to_pylist()
    year_of = {r["report_id"]: r["received_date"].year for r in reports}
    assert Counter(year_of.values()) == {y: v[0] for y, v in PROVENANCE.items()}
    products = Counter(year_of[r] for r in t["report_products"]["report_id"].to_pylist())
    assert products == {y: v[1] for y, v in PROVENANCE.items()}
    for year, (_, vax, symptoms, _) in PROVENANCE.items():
        assert summary.rows_read[f"{year}VAERSVAX.csv"] == vax
        assert summary.rows_read[f"{year}VAERSSYMPTOMS.csv"] == symptoms
    deaths = Counter(year_of[r["report_id"]] for r in reports if r["outcome"] == "death")
    assert deaths == {y: v[3] for y, v in PROVENANCE.items()}
    assert summary.reports_kept == 203_446 and summary.product_rows == 357_909
    assert summary.rejected == {}
    assert summary.repaired["not UTF-8"] == 6  # DATA of 2000 and 2002-2006
    received = [r["received_date"] for r in reports]
    assert min(received) == date(1990, 7, 2) and max(received) == date(2006, 12, 30)


@pytest.mark.slow
def test_symptoms_spread_over_rows_are_one_report(
    vaers_1990_2006: tuple[Settings, ImportSummary], tables: Tables
) -> None:
    settings, summary = vaers_1990_2006
    reactions = tables(settings, "vaers")["report_reactions"]
    per_report = Counter(reactions["report_id"].to_pylist())
    assert max(per_report.values()) > 5  # more than one SYMPTOMS row
    assert summary.reaction_rows + summary.duplicates_collapsed["reaction rows"] > sum(
        v[2] for v in PROVENANCE.values()
    )


def test_2021_layout_and_quirks(
    settings: Settings, shared_data: Path, fixtures: Path, tables: Tables
) -> None:
    summary = run_import(
        settings, "vaers", [shared_data / "vaers_2021_format_sample", fixtures / "vaers_quirks"]
    )
    assert [i.split(":")[0] for i in summary.inputs] == ["2019", "2021"]
    t = tables(settings, "vaers")
    reports = {r["report_id"]: r for r in t["reports"].to_pylist()}
    assert len(reports) == 13
    assert reports["0916600"]["received_date"] == date(2021, 1, 1)
    assert reports["0916600"]["event_date"] == date(2020, 12, 30)
    assert reports["0900002"]["age_years"] == 1.5  # CAGE_YR 1 + CAGE_MO .5
    assert reports["0900002"]["event_date"] == date(2019, 1, 1)  # partial date "2019"
    assert reports["0900003"]["received_date"] is None  # 02/30/2019 repaired to null
    assert reports["0900003"]["age_years"] is None
    assert reports["0916600"]["region"] == "TX"  # STATE
    keys = {p["product_key"] for p in t["report_products"].to_pylist()}
    assert {"covid19", "flu4", "hpv9", "dtap"} <= keys
    lots = {p["report_id"]: p["lot"] for p in t["report_products"].to_pylist()}
    assert lots["0916600"] == "037K20A" and lots["0916603"] == "unknown"  # VAX_LOT verbatim
    onset = {
        (r["report_id"], r["term_key"]): r["onset_days"] for r in t["report_reactions"].to_pylist()
    }
    assert onset[("0900001", "pyrexia")] == 1.0  # term from the second SYMPTOMS row
    assert summary.rejected == {"short row": 1, "bad report id": 1}
    assert summary.repaired == {"not UTF-8": 1, "bad date": 1, "bad age": 1}
