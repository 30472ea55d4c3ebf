"""Fixtures for the web tests: an app over a fresh registry with one user per role,
and clients logged in by session cookie (with their CSRF token) or by bearer token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dermavigil.demo import load_seed_case
from dermavigil.registry import UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app

PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Browser:
    """A TestClient logged in through the login form; knows its CSRF token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.csrf = ""

    def refresh_csrf(self, path: str = "/login") -> str:
        match = _CSRF.search(self.client.get(path).text)
        assert match, f"no CSRF token on {path}"
        self.csrf = match.group(1)
        return self.csrf

    def login(self, username: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
        self.refresh_csrf()
        response = self.client.post(
            "/login",
            data={"username": username, "password": password, "csrf_token": self.csrf},
            follow_redirects=False,
        )
        if response.status_code == 303:
            self.refresh_csrf("/about")
        return response


@pytest.fixture
def web_settings(dv_home: Path, shared_data: Path):  # type: ignore[no-untyped-def]
    settings = load_settings(
        {"DERMAVIGIL_HOME": str(dv_home), "DERMAVIGIL_SHARED_DATA": str(shared_data)}
    )
    settings.ensure_dirs()
    return settings


@pytest.fixture
def registry(web_settings):  # type: ignore[no-untyped-def]
    reg = open_registry(web_settings.database_url)
    with reg.transaction() as session:
        users = UserService(session)
        for role in ("reporter", "assessor", "admin"):
            users.create(role, role, PASSWORD)
        users.create("reporter2", "reporter", PASSWORD)
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


def bearer(client: TestClient, username: str) -> dict[str, str]:
    """Authorization header for ``username`` from POST /api/token."""
    response = client.post("/api/token", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture
def seed_json() -> dict:
    """The seed case as API JSON."""
    return load_seed_case().model_dump(mode="json", exclude_none=True)
