"""``dermavigil signals`` through the root app, over long-format files and the store."""

from __future__ import annotations

import json
import lzma
import subprocess
import sys
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


def _run_in_a_process(
    prelude: str, data: Path, out: Path, function: str
) -> subprocess.CompletedProcess[str]:
    """``dermavigil signals --input data --out out --top 0`` through ``cli.app.<function>``
    in a Python process of its own, after the ``prelude`` code (which may patch modules);
    the process prints ``RETURNED`` and whether the garbage collector is on if it returns."""
    argv = ["dermavigil", "signals", "--input", str(data), "--out", str(out), "--top", "0"]
    probe = (
        f"import gc, sys\n{prelude}"
        f"sys.argv = {argv!r}\n"
        f"from dermavigil.cli.app import {function}\n"
        f"{function}()\n"
        "print('RETURNED', 'GC ON', gc.isenabled())\n"
    )
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)


@pytest.mark.parametrize("function", ["entry", "main"])
def test_the_program_ends_without_teardown_after_a_file_run(
    caers_csv: Path, tmp_path: Path, dv_home: Path, function: str
) -> None:
    """``entry`` (the program) ends the process once a file run has written its files and
    printed its lines, skipping the interpreter's teardown (an ``atexit`` handler does not
    run) with the garbage collector still paused; ``main`` (what tests call) always
    returns, the collector on again."""
    out = tmp_path / "s.csv"
    prelude = (
        "import atexit, gc, os\n"
        "atexit.register(lambda: print('TEARDOWN'))\n"
        "end = os._exit\n"
        "os._exit = lambda code: (print('GC ON AT EXIT', gc.isenabled(), flush=True), end(code))\n"
    )
    done = _run_in_a_process(prelude, caers_csv, out, function)
    assert done.returncode == 0, done.stderr
    assert f"wrote {out}" in done.stdout and "MGPS prior" in done.stdout
    assert pacsv.read_csv(out).num_rows == 17189 and (tmp_path / "s.prior.json").is_file()
    ended = function == "entry"
    assert ("TEARDOWN" in done.stdout, "RETURNED" in done.stdout) == (not ended, not ended)
    assert ("GC ON AT EXIT False" if ended else "RETURNED GC ON True") in done.stdout


def test_an_xz_input_is_decompressed_before_numpy_is_imported(
    caers_csv: Path, tmp_path: Path, dv_home: Path
) -> None:
    """The CLI starts decompressing a small ``.xz`` input before it imports numpy, pyarrow
    and scipy (``store.readahead``), and the run reads that content."""
    packed = tmp_path / "caers.csv.xz"
    packed.write_bytes(lzma.compress(caers_csv.read_bytes()))
    out = tmp_path / "s.csv"
    prelude = (
        "from dermavigil.store import readahead\n"
        "made = readahead.ReadAhead.content\n"
        "def content(self):\n"
        "    print('CONTENT TAKEN', flush=True)\n"
        "    return made(self)\n"
        "readahead.ReadAhead.content = content\n"
        "start = readahead.ReadAhead.__init__\n"
        "def init(self, path):\n"
        "    print('NUMPY' if 'numpy' in sys.modules else 'NO NUMPY YET', flush=True)\n"
        "    start(self, path)\n"
        "readahead.ReadAhead.__init__ = init\n"
    )
    done = _run_in_a_process(prelude, packed, out, "main")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == ["NO NUMPY YET", "CONTENT TAKEN"]
    assert pacsv.read_csv(out).num_rows == 17189
