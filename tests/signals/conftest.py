"""Fixtures of the signal tests: a small synthetic store with two sources, the CAERS subset."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.signals.synthetic import SyntheticSpec, write_store

SMALL = SyntheticSpec(
    n_reports=3000, n_products=80, n_reactions=60, n_signals=4, signal_rate=0.6, seed=7
)


@pytest.fixture(scope="session")
def small_spec() -> SyntheticSpec:
    """The spec of the "alpha" source of :func:`synthetic_store` (its injected signals)."""
    return SMALL


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two sources ("alpha", "beta") of FAERS-like reports, written through SourceWriter."""
    store = tmp_path_factory.mktemp("store")
    write_store(store, SMALL, source="alpha")
    write_store(store, SyntheticSpec(n_reports=1000, n_products=80, n_reactions=60, seed=8), "beta")
    return store


@pytest.fixture(scope="session")
def caers_csv(shared_data: Path) -> Path:
    return shared_data / "caers_openebgm_subset" / "caers.csv"
