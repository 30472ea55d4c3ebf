"""Fuzz the JSON API from its own OpenAPI document (schemathesis): no input may cause a 5xx.

Requests are authenticated as an admin (bearer token) so every operation is reached; each
operation gets a token of its own, since some end sessions ("log out everywhere"); the
example budget per operation is small to keep the run under a minute.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from webtools import PASSWORD

from dermavigil.registry import UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    home: Path = tmp_path_factory.mktemp("fuzz-home")
    app_settings = load_settings({"DERMAVIGIL_HOME": str(home), "DERMAVIGIL_REQUIRE_2FA": "0"})
    registry = open_registry(app_settings.database_url)
    with registry.transaction() as session:
        UserService(session).create("fuzzer", "admin", PASSWORD, must_change_password=False)
    yield create_app(app_settings, registry)
    registry.close()


def admin_headers(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A fresh bearer token of the fuzzing admin (a session of its own), from fresh login
    counters: the fuzz's wrong current passwords (``/api/me/password``, 2FA changes) count
    as failed logins of this admin, and would lock it out after five."""
    from fastapi.testclient import TestClient

    from dermavigil.web.ratelimit import LoginLimiter

    app.state.login_limiter = LoginLimiter()
    response = TestClient(app).post("/api/token", json={"username": "fuzzer", "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def test_no_server_error(fuzz_app):  # type: ignore[no-untyped-def]
    """Every operation of the OpenAPI document, a dozen generated requests each."""
    api = schemathesis.openapi.from_asgi("/api/openapi.json", fuzz_app)
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 15
    headers: dict[str, str] = {}
    for operation in operations:
        headers.update(admin_headers(fuzz_app))

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def no_5xx(case):  # type: ignore[no-untyped-def]
            response = case.call(headers=headers)
            assert response.status_code < 500, (case.method, case.path, response.text[:500])

        no_5xx()
