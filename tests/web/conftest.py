"""Fixtures for the web tests: an app over a fresh registry with one user per role,
and clients logged in by session cookie (with their CSRF token) or by bearer token."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webtools import PASSWORD, Browser, Clock, chromium

import dermavigil.registry.secondfactor as registry_2fa
from dermavigil.demo import load_seed_case
from dermavigil.registry import UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app


@pytest.fixture
def web_settings(dv_home: Path, shared_data: Path):  # type: ignore[no-untyped-def]
    settings = load_settings(  # the 2FA policy off: tests/web/test_twofactor_policy.py has it on
        {
            "DERMAVIGIL_HOME": str(dv_home),
            "DERMAVIGIL_SHARED_DATA": str(shared_data),
            "DERMAVIGIL_REQUIRE_2FA": "0",
        }
    )
    settings.ensure_dirs()
    return settings


@pytest.fixture(scope="session")
def registry_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated registry with one user per role (argon2 hashing is slow: done once)."""
    folder = tmp_path_factory.mktemp("registry-template")
    reg = open_registry(f"sqlite:///{folder / 'registry.sqlite'}")
    with reg.transaction() as session:
        users = UserService(session)
        for role in ("reporter", "assessor", "admin"):
            users.create(role, role, PASSWORD, must_change_password=False)
        users.create("reporter2", "reporter", PASSWORD, must_change_password=False)
    reg.close()
    return folder


@pytest.fixture
def registry(web_settings, registry_template: Path):  # type: ignore[no-untyped-def]
    for file in registry_template.glob("registry.sqlite*"):
        shutil.copy(file, web_settings.home / file.name)
    reg = open_registry(web_settings.database_url)
    yield reg
    reg.close()


@pytest.fixture
def app(web_settings, registry):  # type: ignore[no-untyped-def]
    return create_app(web_settings, registry)


@pytest.fixture
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app) as c:
        yield c


def _browser(app, username: str) -> Browser:  # type: ignore[no-untyped-def]
    browser = Browser(TestClient(app))
    assert browser.login(username).status_code == 303
    return browser


@pytest.fixture
def as_reporter(app) -> Browser:  # type: ignore[no-untyped-def]
    return _browser(app, "reporter")


@pytest.fixture
def as_assessor(app) -> Browser:  # type: ignore[no-untyped-def]
    return _browser(app, "assessor")


@pytest.fixture
def as_admin(app) -> Browser:  # type: ignore[no-untyped-def]
    return _browser(app, "admin")


@pytest.fixture
def seed_json() -> dict:
    """The seed case as API JSON."""
    return load_seed_case().model_dump(mode="json", exclude_none=True)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The time of the server's TOTP checks, moved by the test (``clock.tick()``)."""
    now = Clock()
    monkeypatch.setattr(registry_2fa, "utcnow", now)
    return now


@pytest.fixture
def page(chromium_path: str):  # type: ignore[no-untyped-def]
    """A Chromium page of 1280 x 900 (a test module with its own page fixture overrides it)."""
    with chromium(chromium_path) as browser:
        yield browser.new_page(viewport={"width": 1280, "height": 900})
