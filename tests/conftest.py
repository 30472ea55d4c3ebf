"""Shared fixtures: paths to the real data in ../shared, an isolated DERMAVIGIL_HOME,
and service gates (PostgreSQL, Chromium) that skip locally but fail in CI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dermavigil.settings import load_settings

REPO_ROOT = Path(__file__).resolve().parents[1]
REQUIRE_SERVICES = os.environ.get("DERMAVIGIL_REQUIRE_SERVICES") == "1"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``../shared`` folder beside the repository (seed, data, standards)."""
    path = load_settings().shared_data_dir.parent
    if not path.is_dir():
        pytest.fail(f"../shared not found at {path}: tests need the real data beside the repo")
    return path


@pytest.fixture(scope="session")
def shared_data(shared_dir: Path) -> Path:
    return shared_dir / "data"


@pytest.fixture
def dv_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty DERMAVIGIL_HOME for one test."""
    home = tmp_path / "dvhome"
    monkeypatch.setenv("DERMAVIGIL_HOME", str(home))
    monkeypatch.delenv("DERMAVIGIL_DATABASE_URL", raising=False)
    monkeypatch.delenv("DERMAVIGIL_STORE_DIR", raising=False)
    return home


def _service_missing(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """URL of a throwaway PostgreSQL database (``DERMAVIGIL_TEST_POSTGRES_URL``)."""
    url = os.environ.get("DERMAVIGIL_TEST_POSTGRES_URL")
    if not url:
        _service_missing("DERMAVIGIL_TEST_POSTGRES_URL not set")
    return url  # type: ignore[return-value]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of Debian's Chromium for Playwright's ``executable_path``."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        _service_missing("Chromium not installed (apt-get install chromium)")
    return path
