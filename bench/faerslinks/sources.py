"""The FAERS quarters of the version-link bench (the table in ``bench/faers_links.py``):
each pinned source's files cached under ``.cache/faers_links/<quarter>/`` and imported
alone into a store by dermavigil's own FAERS importer."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
CACHE = ROOT / ".cache" / "faers_links"
MIRRORS = Path("/work/.mirror")
KINDS = ("DEMO", "DRUG", "REAC", "OUTC", "RPSR", "DELETE")
SLICED = ("OUTC", "RPSR")
"""Files kept only when they reach the last DEMO report (see the module docstring)."""


@dataclass(frozen=True)
class Source:
    """One quarter's files: in a repository at a pinned commit (``files``: kind -> path,
    or ``zip``: a path whose members are the quarter's files), or in the shared data."""

    quarter: str
    repo: str | None = None
    commit: str | None = None
    files: dict[str, str] = field(default_factory=dict)
    zip: str | None = None
    local: Path | None = None
    head: bool = False
    """The files are each file's first rows (not every row of some reports)."""


SOURCES = (
    Source("2017Q2", local=DATA / "faers_ascii_samples_2004q1_2017q2" / "faers_ascii_2017q2.zip"),
    Source(
        "2020Q3",
        repo="UBESP-DCTV/faers.db",
        commit="89c8b2d1b331f6fa0eda14669ae3d39886eb40ee",
        head=True,
        files={
            kind: f"inst/testing-data/{kind}20Q3-10000.txt"
            for kind in ("DEMO", "DRUG", "REAC", "OUTC", "RPSR")
        },
    ),
    Source(
        "2022Q4",
        repo="luisgarcez11/faersquarterlydata",
        commit="b20a5924d0fda038adbde553ed3dc9a9fb8e7678",
        head=True,
        zip="tests/testthat/resources/ascii_files/faers_ascii_2022Q4.zip",
    ),
    Source("2025Q4", local=DATA / "faers_2025q4_sample"),
    Source(
        "2026Q2",
        repo="joanna-ciesielski/faers-signal-pipeline",
        commit="0230c9bc4152935bd43469dcc9dc6d6ed9e149b9",
        head=True,
        zip="tests/fixtures/faers_real_sample_2026q2.zip",
    ),
)


def suffix(quarter: str) -> str:
    """A quarter as FDA's file names give it."""
    return quarter[2:4] + quarter[4:]  # 2020Q3 -> 20Q3


def _kind(name: str) -> str | None:
    base = Path(name).name.upper()
    return next((k for k in KINDS if base.startswith(k) and base.endswith(".TXT")), None)


def _blob(mirrors: Path, source: Source, path: str) -> bytes:
    mirror = mirrors / source.repo.replace("/", "+") / "repo"
    if not mirror.is_dir():
        raise SystemExit(
            f"{source.quarter} is not cached and no mirror of {source.repo} is at {mirror}: "
            f"fetch github:{source.repo} with the search tool, or pass --mirrors"
        )
    return subprocess.run(
        ["git", "-C", str(mirror), "show", f"{source.commit}:{path}"],
        check=True,
        capture_output=True,
    ).stdout


def _members(mirrors: Path, source: Source) -> dict[str, bytes]:
    """The quarter's files as ``kind -> bytes``."""
    if source.files:
        return {kind: _blob(mirrors, source, path) for kind, path in source.files.items()}
    if source.local is not None and source.local.is_dir():
        found = {_kind(p.name): p.read_bytes() for p in source.local.iterdir() if p.is_file()}
        return {k: v for k, v in found.items() if k}
    raw = source.local.read_bytes() if source.local else _blob(mirrors, source, source.zip)
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        found = {_kind(n): z.read(n) for n in z.namelist()}
    return {k: v for k, v in found.items() if k}


def _last_id(content: bytes) -> str:
    """The largest ``primaryid`` of a file, in text order (how FDA's files are sorted)."""
    lines = content.decode("latin-1").splitlines()[1:]
    return max((line.split("$", 1)[0] for line in lines if line.strip()), default="")


def rebuild_cache(mirrors: Path) -> None:
    """Write each quarter's DEMO, DRUG, REAC (and whole OUTC, RPSR, DELETE) files under
    ``CACHE/<quarter>/`` from the pinned sources, unless already there."""
    for source in SOURCES:
        folder = CACHE / source.quarter
        if (folder / f"DEMO{suffix(source.quarter)}.txt").exists():
            continue
        members = _members(mirrors, source)
        last_report = _last_id(members["DEMO"])
        tmp = folder.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for kind, content in members.items():
            if source.head and kind in SLICED and _last_id(content) < last_report:
                continue
            (tmp / f"{kind}{suffix(source.quarter)}.txt").write_bytes(content)
        tmp.rename(folder)


def faers_rows(path: Path) -> str:
    """DuckDB relation of one FAERS ASCII file: ``$``-delimited, no quoting, a header,
    every column text (FDA's layout, ASC_NTS section A)."""
    return (
        f"read_csv('{path}', delim='$', header=true, all_varchar=true, quote='', null_padding=true)"
    )


def import_quarters() -> dict[str, Path]:
    """Each cached quarter imported alone into ``CACHE/stores/<quarter>``; store dirs (an
    import is skipped by the importer unless the files or its parser version changed)."""
    from dermavigil.ingest.runner import run_import
    from dermavigil.settings import load_settings

    stores = {}
    for source in SOURCES:
        home = CACHE / "stores" / source.quarter
        settings = load_settings({"DERMAVIGIL_HOME": str(home)})
        settings.ensure_dirs()
        run_import(settings, "faers", [CACHE / source.quarter])
        stores[source.quarter] = settings.store_dir
    return stores
