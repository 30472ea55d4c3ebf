"""New-signal alerts (signals/history.py): stored runs compared with the previous one."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from dermavigil.cli.app import app
from dermavigil.cli.signal_watch import parse_interval
from dermavigil.errors import InputError
from dermavigil.ingest.runner import run_import
from dermavigil.settings import load_settings
from dermavigil.signals import history
from dermavigil.signals.runs import run_and_save, signals_path

KEYS = ("product", "reaction")


def _table(rows: list[tuple[str, str, int, bool, bool]]) -> pa.Table:
    return pa.table(
        {
            "product": [r[0] for r in rows],
            "reaction": [r[1] for r in rows],
            "n": [r[2] for r in rows],
            "signal_prr": [r[3] for r in rows],
            "signal_ebgm": [r[4] for r in rows],
        }
    )


def test_new_signals_lists_newly_met_methods_once() -> None:
    before = history.flagged(
        _table([("a", "x", 3, True, False), ("b", "y", 2, False, False)]), KEYS
    )
    now = history.flagged(
        _table(
            [
                ("a", "x", 5, True, True),
                ("b", "y", 4, True, False),
                ("c", "z", 9, True, True),
                ("d", "w", 1, False, False),
            ]
        ),
        KEYS,
    )
    alerts = history.new_signals(before, now, KEYS)
    got = {(a["product"], tuple(a["methods"]), a["n"], a["n_before"]) for a in alerts}
    assert got == {
        ("a", ("ebgm",), 5, 3),
        ("b", ("prr",), 4, None),
        ("c", ("prr", "ebgm"), 9, None),
    }
    assert history.new_signals(now, now, KEYS) == []


def test_an_import_that_makes_rotashield_cross_eb05_alerts_once(
    tmp_path: Path, shared_data: Path
) -> None:
    settings = load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")})
    zips = shared_data / "vaers_1990_2006_official_zips"
    run_import(settings, "vaers", [zips / "1998VAERSData.zip"])
    first = run_and_save(settings)
    assert first["product"]["new_signals"] == 0  # the baseline run raises nothing
    run_import(settings, "vaers", [zips / "1998VAERSData.zip", zips / "1999VAERSData.zip"])
    second = run_and_save(settings)
    folder = signals_path(settings).parent
    entry, alerts = history.latest_alerts(folder, "product")
    assert entry is not None and entry.n_new == second["product"]["new_signals"] == len(alerts)
    rv = [a for a in alerts if a["product"] == "rv" and a["reaction"] == "intussusception"]
    assert len(rv) == 1 and "ebgm" in rv[0]["methods"] and rv[0]["eb05"] >= 2
    # 1998 had one RotaShield intussusception report: its Haldane-Anscombe-corrected ROR
    # (a zero cell) flagged it then; EBGM is new in 1999, at 100+ reports
    assert rv[0]["n_before"] == 1 and rv[0]["n"] >= 100
    run_and_save(settings)  # nothing imported since: nothing new
    assert history.latest_alerts(folder, "product")[1] == []
    assert len(history.entries(folder, "product")) == 3

    result = CliRunner().invoke(
        app, ["signals", "alerts"], env={"DERMAVIGIL_HOME": str(tmp_path / "home")}
    )
    assert result.exit_code == 0 and "no new signal" in result.output


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("30m", 1800), ("1d", 86400)])
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


def test_bad_interval() -> None:
    with pytest.raises(InputError, match="e.g. 30m"):
        parse_interval("daily")
