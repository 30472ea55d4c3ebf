"""The bench store: the shared VAERS 1990-2006, CAERS and FAERS 2025Q4 data imported once
into ``--home`` by dermavigil's own importers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DATA = Path(
    os.environ.get("DERMAVIGIL_SHARED_DATA")
    or Path(__file__).resolve().parents[3] / "shared" / "data"
)  # as dermavigil.settings reads it (a worktree outside /work has no ../shared)

STORE_VERSION = "vaers-6 faers-8"
"""Importer versions the bench store must be built with (region and lot; the
manufacturer's report number, 2026-12-05; the last day of a partial event date, the
seventh session; the unit or group of an age, the eleventh; the authority's case number
and the doses, the fifteenth; the report's own text, VAERS SYMPTOM_TEXT, the twentieth)."""


def ensure_store(home: Path) -> Path:
    """Import the shared VAERS, CAERS and FAERS data into ``home`` once (again when the
    store was built by older importers: :data:`STORE_VERSION`)."""
    store = home / "store"
    marker = home / "bench-store-version"
    current = marker.read_text() if marker.exists() else ""
    if (store / "sources" / "vaers" / "CURRENT").exists() and current == STORE_VERSION:
        return store
    env = {**os.environ, "DERMAVIGIL_HOME": str(home)}
    cli = [sys.executable, "-c", "from dermavigil.cli.app import main; main()", "import"]
    for args in (
        ["vaers", str(DATA / "vaers_1990_2006_official_zips")],
        ["caers", str(DATA / "caers_openebgm_subset" / "caers.csv")],
        ["faers", str(DATA / "faers_2025q4_sample")],
    ):
        subprocess.run([*cli, *args], env=env, check=True, capture_output=True)
    marker.write_text(STORE_VERSION)
    return store
