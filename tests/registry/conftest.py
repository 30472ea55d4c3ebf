"""Registry fixtures: every storage test runs on SQLite and on PostgreSQL.

PostgreSQL tests get a schema of their own (dropped afterwards) in the
database of ``DERMAVIGIL_TEST_POSTGRES_URL``, so they never see each other's
rows; locally they skip when no server is configured (CI requires one).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case
from dermavigil.registry import Registry, open_registry
from dermavigil.registry.db import scratch_schema


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.sqlite'}"
        return
    with scratch_schema(request.getfixturevalue("postgres_url")) as url:
        yield url


@pytest.fixture
def registry(db_url: str) -> Iterator[Registry]:
    reg = open_registry(db_url)
    try:
        yield reg
    finally:
        reg.close()


@pytest.fixture(scope="session")
def seed() -> Case:
    return load_seed_case()
