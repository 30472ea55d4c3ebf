"""Time-resolved disproportionality (signals/trend.py).

The historical check: RotaShield (VAERS ``RV``), licensed 31 August 1998, and
intussusception. CDC's MMWR of 16 July 1999 (48:577-581) reported 15 cases received by
VAERS and ACIP recommended postponing the vaccine; the manufacturer withdrew it in
October 1999 (Murphy et al., N Engl J Med 2001;344:564-72). Counted by month of
receipt over VAERS 1998-1999, every criterion is met months before July 1999.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dermavigil.cli.app import app
from dermavigil.errors import InputError
from dermavigil.ingest.runner import run_import
from dermavigil.settings import load_settings
from dermavigil.signals.detect import SignalRequest, detect_store
from dermavigil.signals.trend import TrendRequest, trend_store
from dermavigil.signals.trend_counts import period_end, period_label

YEARS = (1998, 1999)
RV_INTUS = (("product", "rv"), ("reaction", "intussusception"))


@pytest.fixture(scope="module")
def vaers_98_99(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    home = tmp_path_factory.mktemp("rv") / "home"
    settings = load_settings({"DERMAVIGIL_HOME": str(home)})
    zips = [shared_data / "vaers_1990_2006_official_zips" / f"{y}VAERSData.zip" for y in YEARS]
    run_import(settings, "vaers", zips)
    return settings.store_dir


def _independent_counts(zips: list[Path], cutoff: date) -> tuple[int, int, int, int]:
    """(a, n_drug, n_event, N) for RV x intussusception over reports received by ``cutoff``,
    read straight from the zips (universe: at least one vaccine and one symptom)."""
    reports, rv, intus, vax_ids, sym_ids = set(), set(), set(), set(), set()
    slots = ("SYMPTOM1", "SYMPTOM2", "SYMPTOM3", "SYMPTOM4", "SYMPTOM5")
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            names = {n.upper(): n for n in archive.namelist()}

            def rows(suffix: str, archive=archive, names=names) -> list[dict[str, str]]:
                name = next(v for k, v in names.items() if k.endswith(suffix))
                return list(csv.DictReader(io.StringIO(archive.read(name).decode("cp1252"))))

            for r in rows("VAERSDATA.CSV"):
                text = r["RECVDATE"].strip()
                if text and datetime.strptime(text, "%m/%d/%Y").date() <= cutoff:
                    reports.add(r["VAERS_ID"])
            for r in rows("VAERSVAX.CSV"):
                if r["VAX_TYPE"].strip():
                    vax_ids.add(r["VAERS_ID"])
                if r["VAX_TYPE"].strip() == "RV":
                    rv.add(r["VAERS_ID"])
            for r in rows("VAERSSYMPTOMS.CSV"):
                terms = [r.get(k, "").strip() for k in slots]
                if any(terms):
                    sym_ids.add(r["VAERS_ID"])
                if any(t.casefold() == "intussusception" for t in terms):
                    intus.add(r["VAERS_ID"])
    universe = reports & vax_ids & sym_ids
    return len(rv & intus & universe), len(rv & universe), len(intus & universe), len(universe)


def test_rotashield_first_crossings(vaers_98_99: Path) -> None:
    result = trend_store(vaers_98_99, TrendRequest(period="month", only=RV_INTUS))
    (row,) = result.first.to_pylist()
    crossings = {m: (row[f"first_{m}"], row[f"n_at_{m}"]) for m in ("prr", "ror", "ic", "ebgm")}
    assert crossings == {
        "prr": ("1999-02", 3),
        "ror": ("1999-01", 1),
        "ic": ("1999-02", 3),
        "ebgm": ("1999-03", 5),
    }
    # every criterion before the MMWR report and ACIP's recommendation of July 1999
    assert all(first < "1999-07" for first, _ in crossings.values())
    assert result.periods[0] == "1998-01" and result.periods[-1] == "1999-12"


def test_cumulative_tables_equal_an_independent_count(vaers_98_99: Path, shared_data: Path) -> None:
    zips = [shared_data / "vaers_1990_2006_official_zips" / f"{y}VAERSData.zip" for y in YEARS]
    result = trend_store(vaers_98_99, TrendRequest(period="month", only=RV_INTUS))
    series = {r["period"]: r for r in result.series.to_pylist()}
    for label, cutoff in (("1999-02", date(1999, 2, 28)), ("1999-06", date(1999, 6, 30))):
        row = series[label]
        got = (row["n"], row["n_drug"], row["n_event"], row["n_total"])
        assert got == _independent_counts(zips, cutoff)
        assert row["period_end"] == cutoff.isoformat()


def test_last_period_equals_a_full_run(vaers_98_99: Path) -> None:
    result = trend_store(vaers_98_99, TrendRequest(period="quarter", only=RV_INTUS))
    last = result.series.to_pylist()[-1]
    full = detect_store(vaers_98_99, SignalRequest(by=("product", "reaction")))
    (row,) = [
        r
        for r in full.table.to_pylist()
        if r["product"] == "rv" and r["reaction"] == "intussusception"
    ]
    assert last["period"] == "1999Q4"
    assert (last["n"], last["n_drug"], last["n_event"], last["n_total"]) == (
        row["n"],
        row["n_drug"],
        row["n_event"],
        full.n_total,
    )
    for column in ("prr", "prr_lower", "chi2", "ror", "ror_lower", "ic", "ic025", "expected"):
        assert last[column] == pytest.approx(row[column], rel=1e-12), column


def test_every_pair_followed_and_held_prior(synthetic_store: Path, small_spec) -> None:
    refit = trend_store(synthetic_store, TrendRequest(period="quarter", min_count=3))
    held = trend_store(synthetic_store, TrendRequest(period="quarter", min_count=3, prior="held"))
    assert refit.first.num_rows == held.first.num_rows > 0
    assert min(refit.first["n"].to_pylist()) >= 3
    assert len(refit.priors) > 1 and len(held.priors) == 1
    full = detect_store(synthetic_store, SignalRequest(by=("product", "reaction"), min_count=3))
    flagged_now = {(r["product"], r["reaction"]) for r in full.table.to_pylist() if r["signal_prr"]}
    ever = {(r["product"], r["reaction"]) for r in refit.first.to_pylist() if r["first_prr"]}
    assert flagged_now <= ever  # a pair flagged on all data was flagged at its last period


def test_period_labels() -> None:
    assert period_label("month", 1999 * 12 + 1) == "1999-02"
    assert period_label("quarter", 1999 * 4 + 3) == "1999Q4"
    assert period_end("month", 2000 * 12 + 1) == "2000-02-29"
    assert period_end("quarter", 1999 * 4) == "1999-03-31"


@pytest.mark.parametrize(
    ("request_kwargs", "message"),
    [
        ({"period": "week"}, "unknown --period"),
        ({"only": (("vaccine", "rv"),)}, "not one of the --by dimensions"),
        ({"only": (("product", "no-such-vaccine"),)}, "no dated report holds"),
        ({"prior": "future"}, "unknown --prior"),
    ],
)
def test_bad_requests_are_clear(vaers_98_99: Path, request_kwargs, message) -> None:
    with pytest.raises(InputError, match=message):
        trend_store(vaers_98_99, TrendRequest(**request_kwargs))


def test_cli_trend(vaers_98_99: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DERMAVIGIL_HOME", str(vaers_98_99.parent))
    out = tmp_path / "rv.csv"
    result = CliRunner().invoke(
        app,
        ["signals", "trend", "--pair", "product=rv,reaction=intussusception", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert "1999-02" in result.output and "(n=3)" in result.output
    assert out.exists() and (tmp_path / "rv.series.csv").exists()
    missing = CliRunner().invoke(app, ["signals", "--by", "product,reaction"])
    assert isinstance(missing.exception, InputError) and "--out" in str(missing.exception)


def test_menactra_guillain_barre_met_when_fda_and_cdc_announced_it(
    tmp_path: Path, shared_data: Path
) -> None:
    """Menactra (VAERS ``MNQ``, licensed January 2005) and Guillain-Barré syndrome: FDA and
    CDC announced five VAERS reports on 30 September 2005 (MMWR 2005;54:1023-1025). By
    month of receipt the frequentist criteria are met in September 2005 with those five
    reports; EB05 >= 2 needs three times as many (March 2006)."""
    settings = load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")})
    zips = shared_data / "vaers_1990_2006_official_zips"
    run_import(settings, "vaers", [zips / "2005VAERSData.zip", zips / "2006VAERSData.zip"])
    pair = (("product", "mnq"), ("reaction", "guillain-barre syndrome"))
    result = trend_store(settings.store_dir, TrendRequest(period="month", only=pair))
    (row,) = result.first.to_pylist()
    assert {m: (row[f"first_{m}"], row[f"n_at_{m}"]) for m in ("prr", "ror", "ic", "ebgm")} == {
        "prr": ("2005-09", 5),
        "ror": ("2005-09", 5),
        "ic": ("2005-09", 5),
        "ebgm": ("2006-03", 15),
    }


def test_eb05_bound_never_below_eb05(caers_csv: Path) -> None:
    """The pruning bound of the sweep holds on real counts (CAERS, fitted prior)."""
    import numpy as np

    from dermavigil.signals.detect import detect_file
    from dermavigil.signals.posterior import Posterior, quantile_upper_bound
    from dermavigil.store.longformat import parse_columns

    spec = parse_columns("report=id,product=var1,reaction=var2")
    result = detect_file(caers_csv, spec, SignalRequest())
    n = result.table["n"].to_numpy().astype(float)
    e = result.table["expected"].to_numpy()
    exact = Posterior(result.prior, n, e).quantile(0.05)
    bound = quantile_upper_bound(result.prior, n, e, 0.05)
    assert np.all(bound >= exact * (1 - 1e-9))
    # it rules out nearly every pair that does not meet EB05 >= 2 (99.2% vs 0.8% flagged)
    assert np.mean(bound < 2) >= np.mean(exact < 2) - 0.01
