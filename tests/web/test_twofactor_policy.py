"""Two-factor sign-in with the policy on (``DERMAVIGIL_REQUIRE_2FA=1``, the default): an
admin or assessor without a second factor reaches no case data until enrolled; with one,
sign-in asks for the code after the password (throttled; a replayed code or a used
recovery code refused), and so does ``POST /api/token`` (field ``totp``); an admin's
``users reset-2fa`` ends the user's sessions and sends them back to enrolment."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from webtools import PASSWORD, Browser, bearer, enrol_in_browser

from dermavigil.cli.app import app as cli_app
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app


@pytest.fixture
def policy_app(web_settings, registry):  # type: ignore[no-untyped-def]
    settings = load_settings(
        {
            "DERMAVIGIL_HOME": str(web_settings.home),
            "DERMAVIGIL_SHARED_DATA": str(web_settings.shared_data_dir),
        }
    )
    assert settings.require_2fa_roles == ("admin", "assessor")  # on unless switched off
    return create_app(settings, registry)


@pytest.fixture
def case_id(policy_app, seed_json) -> str:  # type: ignore[no-untyped-def]
    client = TestClient(policy_app)
    response = client.post("/api/cases", json=seed_json, headers=bearer(client, "reporter"))
    assert response.status_code == 201
    return response.json()["case_id"]


def _browser(app, username: str) -> Browser:  # type: ignore[no-untyped-def]
    browser = Browser(TestClient(app))
    assert browser.login(username).status_code == 303
    return browser


def test_admin_without_2fa_reaches_no_case_until_enrolled(policy_app, case_id, clock) -> None:  # type: ignore[no-untyped-def]
    admin = _browser(policy_app, "admin")
    for path in ("/cases", f"/cases/{case_id}", "/admin/access-log", "/"):
        response = admin.client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        if path != "/":
            assert response.headers["location"] == "/account/2fa", path
    page = admin.client.get("/cases")  # followed: the enrolment page says why
    assert page.url.path == "/account/2fa" and "must sign in with two-factor" in page.text
    export = admin.client.get(f"/api/cases/{case_id}/export", params={"format": "e2b"})
    assert export.status_code == 403 and "two-factor" in export.json()["detail"]
    api = TestClient(policy_app)
    headers = bearer(api, "assessor")
    refused = api.get(f"/api/cases/{case_id}", headers=headers)
    assert refused.status_code == 403 and "/api/me/2fa/enrol" in refused.json()["detail"]
    assert api.get("/api/me", headers=headers).status_code == 200  # the account stays open
    reporter = _browser(policy_app, "reporter")  # reporters are not required to
    assert reporter.client.get(f"/cases/{case_id}").status_code == 200
    enrol_in_browser(admin, clock)
    assert admin.client.get(f"/cases/{case_id}").status_code == 200


def test_sign_in_asks_for_the_code_and_refuses_replays(policy_app, case_id, clock) -> None:  # type: ignore[no-untyped-def]
    admin = _browser(policy_app, "admin")
    totp, recovery = enrol_in_browser(admin, clock)
    first_code = totp.at(clock())  # spent by the enrolment
    browser = Browser(TestClient(policy_app))
    started = browser.login("admin")
    assert started.status_code == 303 and started.headers["location"].startswith("/login/2fa")
    assert (
        browser.client.get("/cases", follow_redirects=False)
        .headers["location"]
        .startswith("/login")
    )  # the password alone signs nobody in
    browser.refresh_csrf("/login/2fa")

    def code(value: str):  # type: ignore[no-untyped-def]
        return browser.client.post(
            "/login/2fa",
            data={"code": value, "csrf_token": browser.csrf, "next": f"/cases/{case_id}"},
            follow_redirects=False,
        )

    replayed = code(first_code)
    assert replayed.status_code == 401 and "already used" in replayed.text
    clock.tick()
    signed_in = code(totp.at(clock()))
    assert signed_in.status_code == 303 and signed_in.headers["location"] == f"/cases/{case_id}"
    browser.refresh_csrf("/about")
    assert browser.client.get(f"/cases/{case_id}").status_code == 200
    # the same code from another browser within its window: refused
    other = Browser(TestClient(policy_app))
    other.login("admin")
    other.refresh_csrf("/login/2fa")
    again = other.client.post(
        "/login/2fa", data={"code": totp.at(clock()), "csrf_token": other.csrf}
    )
    assert again.status_code == 401
    used = other.client.post("/login/2fa", data={"code": recovery[0], "csrf_token": other.csrf})
    assert used.status_code == 200 and used.url.path == "/cases"  # a recovery code, once
    third = Browser(TestClient(policy_app))
    third.login("admin")
    third.refresh_csrf("/login/2fa")
    reused = third.client.post("/login/2fa", data={"code": recovery[0], "csrf_token": third.csrf})
    assert reused.status_code == 401


def test_code_guesses_are_throttled(policy_app, clock) -> None:  # type: ignore[no-untyped-def]
    admin = _browser(policy_app, "admin")
    totp, _ = enrol_in_browser(admin, clock)
    browser = Browser(TestClient(policy_app))
    browser.login("admin")
    browser.refresh_csrf("/login/2fa")
    statuses = []
    for guess in range(6):
        response = browser.client.post(
            "/login/2fa", data={"code": f"{guess:06d}", "csrf_token": browser.csrf}
        )
        statuses.append(response.status_code)
    assert statuses[:5] == [401] * 5 and statuses[5] == 429
    clock.tick()
    right = browser.client.post(
        "/login/2fa", data={"code": totp.at(clock()), "csrf_token": browser.csrf}
    )
    assert right.status_code == 429 and int(right.headers["retry-after"]) > 0


def test_api_token_takes_the_code(policy_app, clock) -> None:  # type: ignore[no-untyped-def]
    api = TestClient(policy_app)
    headers = bearer(api, "assessor")
    secret = api.post("/api/me/2fa/enrol", headers=headers).json()["secret"]
    import pyotp

    totp = pyotp.TOTP(secret)
    codes = api.post("/api/me/2fa/confirm", json={"code": totp.at(clock())}, headers=headers)
    recovery = codes.json()["recovery_codes"]
    credentials = {"username": "assessor", "password": PASSWORD}
    missing = api.post("/api/token", json=credentials)
    assert missing.status_code == 401 and "totp" in missing.json()["detail"]
    assert missing.headers["www-authenticate"] == "Bearer"
    replay = api.post("/api/token", json={**credentials, "totp": totp.at(clock())})
    assert replay.status_code == 401
    clock.tick()
    fine = api.post("/api/token", json={**credentials, "totp": totp.at(clock())})
    assert fine.status_code == 200
    token = {"Authorization": f"Bearer {fine.json()['access_token']}"}
    assert api.get("/api/cases", headers=token).status_code == 200
    assert api.post("/api/token", json={**credentials, "totp": recovery[0]}).status_code == 200
    assert api.post("/api/token", json={**credentials, "totp": recovery[0]}).status_code == 401


def test_cli_reset_2fa(policy_app, web_settings, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin = _browser(policy_app, "admin")
    enrol_in_browser(admin, clock)
    assert admin.client.get("/cases").status_code == 200
    policy_app.state.registry.flush_writes()
    monkeypatch.setenv("DERMAVIGIL_HOME", str(web_settings.home))
    result = CliRunner().invoke(cli_app, ["users", "reset-2fa", "Admin"])
    assert result.exit_code == 0, result.output
    assert "removed" in result.output
    assert (
        admin.client.get("/cases", follow_redirects=False).headers["location"].startswith("/login")
    )  # their sessions ended
    again = _browser(policy_app, "admin")  # the password alone, then enrolment
    assert again.client.get("/cases", follow_redirects=False).headers["location"] == (
        "/account/2fa"
    )
    second = CliRunner().invoke(cli_app, ["users", "reset-2fa", "admin"])
    assert "had no two-factor" in second.output
    history = CliRunner().invoke(cli_app, ["users", "history", "admin"])
    assert "reset 2fa" in history.output and "enable 2fa" in history.output
