"""``dermavigil signals`` through the root app, over long-format files and the store."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dermavigil.cli.app import app
from dermavigil.errors import InputError

runner = CliRunner()


def test_signals_over_a_long_format_file(caers_csv: Path, tmp_path: Path, dv_home: Path) -> None:
    out = tmp_path / "caers.csv"
    result = runner.invoke(
        app,
        [
            "signals",
            "--input",
            str(caers_csv),
            "--columns",
            "report=id,product=var1,reaction=var2",
            "--out",
            str(out),
            "--top",
            "3",
        ],
    )
    assert result.exit_code == 0, result.output
    table = pacsv.read_csv(out)
    assert table.num_rows == 17189
    assert table["product"][0].as_py() == "REUMOFAN PLUS"  # openEBGM vignette's top QUANT_05
    prior = json.loads((tmp_path / "caers.prior.json").read_text())
    assert prior["converged"] is True
    assert prior["alpha1"] == pytest.approx(3.25596685, rel=1e-4)
    assert "MGPS prior" in result.output and "alpha1" in result.output
    assert "REUMOFAN" in result.output


def test_signals_over_the_store_to_parquet(
    synthetic_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DERMAVIGIL_STORE_DIR", str(synthetic_store))
    out = tmp_path / "sig.parquet"
    result = runner.invoke(
        app,
        [
            "signals",
            "--by",
            "category,reaction",
            "--strata",
            "sex,age_band,year",
            "--method",
            "prr,ror",
            "--min-count",
            "2",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert {"category", "reaction", "prr", "ror_lower", "signal_ror"} <= set(table.column_names)
    assert "ebgm" not in table.column_names
    assert not (tmp_path / "sig.prior.json").exists()


def test_bad_columns_spec_is_reported(caers_csv: Path, tmp_path: Path, dv_home: Path) -> None:
    result = runner.invoke(
        app,
        [
            "signals",
            "--input",
            str(caers_csv),
            "--columns",
            "report=nope",
            "--out",
            str(tmp_path / "x.csv"),
        ],
    )
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert "nope" in str(result.exception)


def test_wrong_output_suffix(caers_csv: Path, tmp_path: Path, dv_home: Path) -> None:
    result = runner.invoke(
        app, ["signals", "--input", str(caers_csv), "--out", str(tmp_path / "x.xlsx")]
    )
    assert isinstance(result.exception, InputError)
