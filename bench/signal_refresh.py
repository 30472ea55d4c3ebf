"""Signal runs over a registry of real records: what re-exporting the registry costs (issue 16).

Every signal run (CLI ``dermavigil signals``, ``signals trend``, the web job, the API)
begins by bringing the registry's active cases into the analytic store
(:func:`dermavigil.signals.runs.refresh_registry`), so that a duplicate merged since
counts once. This bench builds a registry of real records and a store beside it, then
times a whole dashboard signal run (:func:`dermavigil.signals.runs.run_and_save`):

- the registry: the FAERS 2025Q4 sample (``../shared/data/faers_2025q4_sample``, 1,000
  random reports, public domain) and the FAERS 2017Q2 sample (100 reports), as cases
  (``tests/duplicates/faers_cases.py``: the E2B minimum criteria met), plus FAERS-style
  follow-ups of them (a later receipt, the drug re-keyed with its strength, a reaction
  added: ``faers_cases.follow_up``) up to ``--cases``;
- the store: the same FAERS 2025Q4 sample and the VAERS years of ``--vaers-years``
  (``../shared/data/vaers_1990_2006_official_zips``) as the public background.

Timed, each ``--repeat`` times (best and median; wall and process CPU):

1. ``export``: the registry export alone (``import registry``), what every run paid
   before it was skipped for an unchanged registry;
2. ``run, unchanged``: a signal run with nothing changed since the last export;
3. ``run, after an edit``: a signal run after one case was edited (a new version);
4. ``detection alone``: the run without the refresh (``refresh=False``).

and prints the ratio of (2) to (3): 1.0 when every run re-exports, below 1 when a run
over an unchanged registry skips the export.

    PYTHONPATH=src .venv/bin/python bench/signal_refresh.py [--home /tmp/16-refresh]
        [--cases 5000] [--vaers-years 2006] [--repeat 3]

The same script runs against an older tree (``PYTHONPATH=OLD/src``) for the figures
before a change.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "duplicates"))

from faers_cases import as_case, faers_documents, follow_up  # noqa: E402

from dermavigil.ingest.runner import run_import  # noqa: E402
from dermavigil.registry import CaseService, NewCase, open_registry  # noqa: E402
from dermavigil.settings import Settings, load_settings  # noqa: E402
from dermavigil.signals.runs import run_and_save  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/data")
FAERS_2025 = SHARED / "faers_2025q4_sample"
FAERS_2017 = SHARED / "faers_ascii_samples_2004q1_2017q2" / "faers_ascii_2017q2.zip"
VAERS = SHARED / "vaers_1990_2006_official_zips"


def _documents(scratch: Path) -> list[dict[str, Any]]:
    folder = scratch / "faers2017q2"
    with zipfile.ZipFile(FAERS_2017) as archive:
        for member in archive.namelist():
            if member.lower().endswith(".txt"):
                (folder / Path(member).name).parent.mkdir(parents=True, exist_ok=True)
                (folder / Path(member).name).write_bytes(archive.read(member))
    documents = [*faers_documents(FAERS_2025).values(), *faers_documents(folder).values()]
    return documents


def build(settings: Settings, cases: int, vaers_years: list[str], scratch: Path) -> int:
    """The registry (``cases`` cases) and the store; returns the cases made."""
    originals = _documents(scratch)
    documents = list(originals)
    n = 0
    while len(documents) < cases:
        documents.append(follow_up(originals[n % len(originals)], n))
        n += 1
    documents = documents[:cases]
    registry = open_registry(settings.database_url)
    try:
        for start in range(0, len(documents), 500):
            chunk = documents[start : start + 500]
            news = [NewCase(as_case(d, f"B{start + i}"), "bench") for i, d in enumerate(chunk)]
            with registry.transaction() as session:
                CaseService(session).create_all(news)
    finally:
        registry.close()
    run_import(settings, "faers", [FAERS_2025])
    zips = [VAERS / f"{year}VAERSData.zip" for year in vaers_years]
    if zips:
        run_import(settings, "vaers", zips)
    run_import(settings, "registry", [])
    return len(documents)


def _edit(settings: Settings, serial: list[int]) -> None:
    """One case edited (its sender's report number given): a new version, as an assessor makes."""
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            service = CaseService(session)
            case_id = f"DV-{serial[0] % 1000 + 1:06d}"
            stored = service.get(case_id)
            case = stored.case.model_copy(deep=True)
            case.report.sender_report_id = f"bench-edit-{serial[0]}"
            service.update(case_id, case, "bench", stored.version)
            serial[0] += 1
    finally:
        registry.close()


def _timed(
    work: Callable[[], object], before: Callable[[], object] | None = None
) -> tuple[float, float]:
    if before is not None:
        before()
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def _line(label: str, times: list[tuple[float, float]]) -> tuple[float, float]:
    walls = sorted(t[0] for t in times)
    cpus = sorted(t[1] for t in times)
    print(
        f"{label:28} wall best {walls[0]:7.2f} s median {statistics.median(walls):7.2f} s"
        f"   CPU best {cpus[0]:7.2f} s median {statistics.median(cpus):7.2f} s"
    )
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--vaers-years", default="2006", help="comma-separated, or ''")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="signal-refresh-"))
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    settings = load_settings({"DERMAVIGIL_HOME": str(home)})
    years = [y for y in args.vaers_years.split(",") if y.strip()]
    started = time.perf_counter()
    made = build(settings, args.cases, years, home / "scratch")
    print(
        f"{made:,} registry cases (FAERS 2025Q4 + 2017Q2 samples and follow-ups), store: FAERS "
        f"2025Q4 sample, VAERS {', '.join(years) or 'none'}; built in "
        f"{time.perf_counter() - started:.1f} s"
    )
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()}")
    serial = [0]
    export = [_timed(lambda: run_import(settings, "registry", [])) for _ in range(args.repeat)]
    unchanged = [_timed(lambda: run_and_save(settings)) for _ in range(args.repeat)]
    edited = [
        _timed(lambda: run_and_save(settings), lambda: _edit(settings, serial))
        for _ in range(args.repeat)
    ]
    alone = [_timed(lambda: run_and_save(settings, refresh=False)) for _ in range(args.repeat)]
    _line("export alone", export)
    wall_u, cpu_u = _line("run, unchanged", unchanged)
    wall_e, cpu_e = _line("run, after an edit", edited)
    _line("detection alone", alone)
    print(
        f"run unchanged / run after an edit (medians): wall {wall_u / wall_e:.2f}, "
        f"CPU {cpu_u / cpu_e:.2f}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB; load at the end {os.getloadavg()}")


if __name__ == "__main__":
    main()
