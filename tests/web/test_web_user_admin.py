"""Administering accounts over the API and the users page: role changes, deactivation,
password resets; refusals (role 403, CSRF 403, last admin 409); deactivated sessions end."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from webtools import PASSWORD, Browser, bearer

_ONE_TIME = re.compile(r"One-time password for <strong>(\w+)</strong>: <code>([^<]+)</code>")


def test_non_admins_are_refused(client, as_assessor):  # type: ignore[no-untyped-def]
    for user in ("reporter", "assessor"):
        headers = bearer(client, user)
        patch = client.patch("/api/users/reporter2", json={"role": "admin"}, headers=headers)
        assert patch.status_code == 403
        reset = client.post("/api/users/reporter2/reset-password", headers=headers)
        assert reset.status_code == 403
    page = as_assessor.client.post(
        "/users/reporter2/role",
        data={"role": "admin", "csrf_token": as_assessor.csrf},
        follow_redirects=False,
    )
    assert page.status_code == 403
    admin = bearer(client, "admin")
    roles = {u["username"]: u["role"] for u in client.get("/api/users", headers=admin).json()}
    assert roles["reporter2"] == "reporter"


def test_cookie_writes_need_the_csrf_token(as_admin):  # type: ignore[no-untyped-def]
    client = as_admin.client
    assert client.patch("/api/users/reporter2", json={"active": False}).status_code == 403
    forged = client.post("/api/users/reporter2/reset-password", headers={"X-CSRF-Token": "x"})
    assert forged.status_code == 403
    form = client.post("/users/reporter2/active", data={"active": "false"})
    assert form.status_code == 403
    assert client.get("/api/me").json()["username"] == "admin"
    ok = client.patch(
        "/api/users/reporter2", json={"role": "assessor"}, headers={"X-CSRF-Token": as_admin.csrf}
    )
    assert ok.status_code == 200 and ok.json()["role"] == "assessor"


def test_deactivated_sessions_and_tokens_stop_at_once(client, as_reporter):  # type: ignore[no-untyped-def]
    token = bearer(client, "reporter")
    assert as_reporter.client.get("/api/me").status_code == 200
    admin = bearer(client, "admin")
    off = client.patch("/api/users/reporter", json={"active": False}, headers=admin)
    assert off.status_code == 200 and off.json()["active"] is False
    assert as_reporter.client.get("/api/me").status_code == 401
    assert client.get("/api/me", headers=token).status_code == 401
    page = as_reporter.client.get("/cases", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
    again = Browser(TestClient(client.app))
    assert again.login("reporter").status_code != 303
    on = client.patch("/api/users/reporter", json={"active": True}, headers=admin)
    assert on.json()["active"] is True
    # reactivation does not revive what was signed before the deactivation
    assert client.get("/api/me", headers=token).status_code == 401
    assert as_reporter.client.get("/api/me").status_code == 401
    assert client.get("/api/me", headers=bearer(client, "reporter")).status_code == 200
    assert again.login("reporter").status_code == 303
    assert again.client.get("/api/me").json()["username"] == "reporter"


def test_role_change_applies_to_the_next_request(client):  # type: ignore[no-untyped-def]
    token = bearer(client, "reporter2")
    assert client.get("/api/users", headers=token).status_code == 403
    admin = bearer(client, "admin")
    promoted = client.patch("/api/users/reporter2", json={"role": "admin"}, headers=admin)
    assert promoted.json() == {**promoted.json(), "role": "admin", "active": True}
    assert client.get("/api/me", headers=token).json()["role"] == "admin"
    assert client.get("/api/users", headers=token).status_code == 200


def test_reset_password_then_log_in(client, app):  # type: ignore[no-untyped-def]
    before = bearer(client, "reporter2")
    browser = Browser(TestClient(app))
    assert browser.login("reporter2").status_code == 303
    admin = bearer(client, "admin")
    reset = client.post("/api/users/Reporter2/reset-password", headers=admin)
    assert reset.status_code == 200 and reset.headers["cache-control"] == "no-store"
    body = reset.json()
    assert body["username"] == "reporter2" and len(body["password"]) >= 16
    old = client.post("/api/token", json={"username": "reporter2", "password": PASSWORD})
    assert old.status_code == 401
    new = client.post("/api/token", json={"username": "reporter2", "password": body["password"]})
    assert new.status_code == 200
    # whoever held the old password is signed out: old session and token are void
    assert client.get("/api/me", headers=before).status_code == 401
    assert browser.client.get("/api/me").status_code == 401
    assert browser.login("reporter2", body["password"]).status_code == 303
    assert browser.client.get("/api/me").json()["username"] == "reporter2"
    token = {"Authorization": f"Bearer {new.json()['access_token']}"}
    assert client.get("/api/me", headers=token).json()["username"] == "reporter2"


def test_last_admin_bad_bodies_and_unknown_users(client):  # type: ignore[no-untyped-def]
    admin = bearer(client, "admin")
    demote = client.patch("/api/users/admin", json={"role": "assessor"}, headers=admin)
    assert demote.status_code == 409 and "last active admin" in demote.text
    off = client.patch("/api/users/admin", json={"active": False}, headers=admin)
    assert off.status_code == 409
    assert client.get("/api/me", headers=admin).json()["role"] == "admin"
    for body in ({}, {"role": "root"}, {"password": "x"}, {"active": "sometimes"}):
        response = client.patch("/api/users/reporter", json=body, headers=admin)
        assert response.status_code == 422, body
    assert (
        client.patch("/api/users/nobody", json={"active": False}, headers=admin).status_code == 404
    )
    assert client.post("/api/users/nobody/reset-password", headers=admin).status_code == 404


def test_users_page_administers_accounts(as_admin):  # type: ignore[no-untyped-def]
    client, csrf = as_admin.client, as_admin.csrf
    page = client.get("/users").text
    assert 'action="/users/reporter2/role"' in page and "Deactivate" in page
    assert "Reset password" in page and "create (reporter)" in page
    role = client.post("/users/reporter2/role", data={"role": "assessor", "csrf_token": csrf})
    assert role.status_code == 200 and "Changed reporter2" in role.text
    off = client.post("/users/reporter2/active", data={"active": "false", "csrf_token": csrf})
    assert "Reactivate" in off.text and "reporter -&gt; assessor" in off.text
    reset = client.post("/users/reporter2/reset-password", data={"csrf_token": csrf})
    assert reset.headers["cache-control"] == "no-store"
    match = _ONE_TIME.search(reset.text)
    assert match and match.group(1) == "reporter2"
    assert match.group(2) not in client.get("/users").text  # shown once
    client.post("/users/reporter2/active", data={"active": "true", "csrf_token": csrf})
    assert Browser(TestClient(client.app)).login("reporter2", match.group(2)).status_code == 303
    last = client.post("/users/admin/active", data={"active": "false", "csrf_token": csrf})
    assert last.status_code == 409 and "last active admin" in last.text
    bad = client.post("/users/reporter2/role", data={"role": "root", "csrf_token": csrf})
    assert bad.status_code == 422 and "must be one of" in bad.text
