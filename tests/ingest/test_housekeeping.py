"""``store gc`` after an import killed with SIGKILL, and ``store check`` through the CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from dermavigil.ingest.housekeeping import collect
from dermavigil.ingest.runner import load_manifest, run_import
from dermavigil.settings import Settings
from dermavigil.store.lock import SourceLock

SRC = Path(__file__).resolve().parents[2] / "src"

# Import YEAR into the store at HOME, killing this process with SIGKILL once the new
# generation's reports and products are written (the third of three writes).
_KILLED_IMPORT = """
import os, signal, sys
from pathlib import Path
from dermavigil.ingest import combine
from dermavigil.ingest.runner import run_import
from dermavigil.settings import load_settings

real = combine._stream
def stream(con, sql, table, writer):
    real(con, sql, table, writer)
    if table == "report_products":
        os.kill(os.getpid(), signal.SIGKILL)
combine._stream = stream
run_import(load_settings({"DERMAVIGIL_HOME": sys.argv[1]}), "vaers", [Path(sys.argv[2])])
"""


def _killed_import(settings: Settings, year: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_IMPORT, str(settings.home), str(year)],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr


def test_gc_removes_what_a_killed_import_left(
    settings: Settings, make_year: Callable[..., Path], cli_main: Callable[..., tuple[int, str]]
) -> None:
    run_import(settings, "vaers", [make_year("y1990")])
    live = load_manifest(settings.store_dir, "vaers")
    _killed_import(settings, make_year("y1991", 30, "1991"))
    root = settings.store_dir / "sources" / "vaers"
    staging = settings.store_dir / "staging" / "vaers"
    assert sorted(p.name for p in root.iterdir()) == ["CURRENT", "gen-000001", "gen-000002"]
    assert len(list(staging.iterdir())) == 3  # 1990's stage, 1991's, DuckDB's spill folder
    assert cli_main("store", "check")[0] == 0  # the live generation is untouched

    code, out = cli_main("store", "gc")
    assert code == 0
    assert f"removed {root / 'gen-000002'} (" in out and "generation never made live" in out
    assert f"removed {staging / '_work'}" in out
    assert "stage not in the live manifest" in out
    assert sorted(p.name for p in root.iterdir()) == ["CURRENT", "gen-000001"]
    assert [p.name for p in staging.iterdir()] == [e["digest"] for e in live["inputs"].values()]
    assert cli_main("store", "gc")[1] == "nothing to remove\n"
    code, out = cli_main("store", "check")
    assert code == 0 and "vaers" in out and "gen-000001" in out and " ok " in out
    again = run_import(settings, "vaers", [make_year("y1991b", 30, "1991")])
    assert (again.reports_kept, again.versions_superseded) == (30, 20)  # same ids in 1990


def test_gc_leaves_a_source_being_imported_alone(settings: Settings) -> None:
    leftover = settings.store_dir / "staging" / "vaers" / "abc.tmp"
    leftover.mkdir(parents=True)
    with SourceLock(settings.store_dir, "vaers", "import"):
        result = collect(settings)
    assert leftover.exists() and not result.removed
    assert result.busy and result.busy[0].startswith("another vaers import is running since")
    assert collect(settings).removed[0][0] == leftover and not leftover.exists()


def test_check_reports_a_damaged_file_with_exit_2(
    settings: Settings, small_year: Path, cli_main: Callable[..., tuple[int, str]]
) -> None:
    run_import(settings, "vaers", [small_year])
    part = next((settings.store_dir / "sources" / "vaers").glob("gen-*/report_products/*.parquet"))
    part.write_bytes(part.read_bytes()[:-100])  # a truncated file
    code, out = cli_main("store", "check")
    assert code == 2
    assert "DAMAGED" in out and f"vaers: {part}: unreadable (" in out
    assert "store check: vaers failed (problems above)" in out
