"""Registry fixtures: every storage test runs on SQLite and on PostgreSQL.

PostgreSQL tests get a schema of their own (dropped afterwards) in the
database of ``DERMAVIGIL_TEST_POSTGRES_URL``, so they never see each other's
rows; locally they skip when no server is configured (CI requires one).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case
from dermavigil.registry import Registry, open_registry
from dermavigil.registry.db import normalise_url


def _postgres_schema_url(base: str) -> Iterator[str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(base))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = normalise_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.sqlite'}"
        return
    yield from _postgres_schema_url(request.getfixturevalue("postgres_url"))


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
