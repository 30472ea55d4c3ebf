"""Fixtures for the importer tests: an isolated store and the hand-made files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pytest

from dermavigil.settings import Settings, load_settings
from dermavigil.store.layout import read_table

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "ingest"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"DERMAVIGIL_HOME": str(tmp_path / "home")})


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


def _tables(settings: Settings, source: str) -> dict[str, pa.Table]:
    return {
        t: read_table(settings.store_dir, t, [source])
        for t in ("reports", "report_products", "report_reactions")
    }


@pytest.fixture(scope="session")
def tables() -> Callable[[Settings, str], dict[str, pa.Table]]:
    """``tables(settings, source)``: the three live tables of ``source``."""
    return _tables
