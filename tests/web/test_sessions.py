"""Server-side sessions (issue 12): one registry row per sign-in, listed on the account page
and the API, ended one by one or everywhere, by their user or an admin; a password set by
someone else must be changed before anything else; every sign-in, sign-out, ended session
and password change is in the user audit trail."""

from __future__ import annotations

import hashlib
import json
from base64 import urlsafe_b64decode
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update
from webtools import PASSWORD, Browser, bearer

from dermavigil.registry import UserService
from dermavigil.registry.account_tables import UserSessionRow
from dermavigil.web.auth import SESSION_COOKIE

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1"
)
NEW = "plum kettle orbit 9"


def _browser(app, username: str, agent: str = FIREFOX) -> Browser:  # type: ignore[no-untyped-def]
    browser = Browser(TestClient(app, headers={"User-Agent": agent}))
    assert browser.login(username).status_code == 303
    return browser


def _session_token(browser: Browser) -> str:
    """The server-side session token inside the (signed, not encrypted) cookie."""
    payload = browser.client.cookies[SESSION_COOKIE].split(".")[0]
    return json.loads(urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["s"]


def _audit(registry, username: str) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    with registry.transaction(readonly=True) as session:
        entries = UserService(session).history(username)
    return [(e.action, e.by, e.detail) for e in reversed(entries)]


def test_a_session_is_listed_and_ended_from_another_browser(app, registry) -> None:  # type: ignore[no-untyped-def]
    laptop = _browser(app, "reporter")
    phone = _browser(app, "reporter", PHONE)
    page = phone.client.get("/account")
    assert page.status_code == 200
    rows = [line for line in page.text.splitlines() if "data-session=" in line]
    assert len(rows) == 2 and sum("current-session" in row for row in rows) == 1
    assert "Firefox 133 on Linux" in page.text and "Mobile Safari 17 on iOS" in page.text
    assert "(this session)" in page.text and "testclient" in page.text  # the address
    laptop_id = hashlib.sha256(_session_token(laptop).encode()).hexdigest()
    assert f"/account/sessions/{laptop_id}/end" in page.text
    stolen = laptop.client.cookies[SESSION_COOKIE]
    # the form needs its CSRF token
    forged = phone.client.post(f"/account/sessions/{laptop_id}/end", follow_redirects=False)
    assert forged.status_code == 403
    ended = phone.client.post(
        f"/account/sessions/{laptop_id}/end",
        data={"csrf_token": phone.csrf},
        follow_redirects=False,
    )
    assert (
        ended.status_code == 303 and ended.headers["location"] == f"/account?ended={laptop_id[:8]}"
    )
    assert laptop.client.get("/api/me").status_code == 401
    assert (
        laptop.client.get("/cases", follow_redirects=False).headers["location"].startswith("/login")
    )
    replay = TestClient(app)
    replay.cookies.set(SESSION_COOKIE, stolen)
    assert replay.get("/api/me").status_code == 401
    assert phone.client.get("/api/me").status_code == 200  # the phone goes on
    after = phone.client.get("/account").text
    assert laptop_id[:8] not in after.replace(f"ended={laptop_id[:8]}", "")
    assert ("end_session", "reporter", f"browser session {laptop_id[:8]} from testclient") in (
        _audit(registry, "reporter")
    )


def test_the_api_lists_and_ends_sessions_and_tokens(client, app) -> None:  # type: ignore[no-untyped-def]
    browser = _browser(app, "reporter")
    script = bearer(client, "reporter")
    other = bearer(client, "reporter")
    listed = client.get("/api/me/sessions", headers=script)
    assert listed.status_code == 200
    sessions = listed.json()
    assert [s["kind"] for s in sessions].count("token") == 2 and len(sessions) == 3
    (mine,) = [s for s in sessions if s["current"]]
    assert mine["kind"] == "token" and mine["user_agent"].startswith("testclient")
    assert set(mine) == {
        "id", "kind", "created_at", "last_seen_at", "client_address", "user_agent", "current"
    }  # fmt: skip
    assert all(PASSWORD not in json.dumps(s) for s in sessions)
    (browser_id,) = [s["id"] for s in sessions if s["kind"] == "browser"]
    assert client.delete(f"/api/me/sessions/{browser_id}", headers=script).status_code == 204
    assert browser.client.get("/api/me").status_code == 401
    again = client.delete(f"/api/me/sessions/{browser_id}", headers=script)
    assert again.status_code == 404 and "no open session" in again.json()["detail"]
    # someone else's session is not yours to end, nor to see
    stranger = bearer(client, "reporter2")
    assert client.delete(f"/api/me/sessions/{mine['id']}", headers=stranger).status_code == 404
    assert mine["id"] not in client.get("/api/me/sessions", headers=stranger).text
    # a browser needs the CSRF header for these writes
    second = _browser(app, "reporter")
    assert second.client.post("/api/me/sessions/revoke-all").status_code == 403
    # ending the current one is logging out
    assert client.delete(f"/api/me/sessions/{mine['id']}", headers=script).status_code == 204
    assert client.get("/api/me", headers=script).status_code == 401
    assert client.get("/api/me", headers=other).status_code == 200


def test_log_out_everywhere(client, app, registry) -> None:  # type: ignore[no-untyped-def]
    here = _browser(app, "assessor")
    there = _browser(app, "assessor", PHONE)
    token = bearer(client, "assessor")
    out = here.client.post(
        "/account/sessions/end-all", data={"csrf_token": here.csrf}, follow_redirects=False
    )
    assert out.status_code == 303 and out.headers["location"] == "/login"
    for signed_out in (here.client, there.client):
        assert signed_out.get("/api/me").status_code == 401
    assert client.get("/api/me", headers=token).status_code == 401
    assert _audit(registry, "assessor")[-1] == ("end_sessions", "assessor", "3 sessions ended")
    # and through the API, this token included
    first, second = bearer(client, "assessor"), bearer(client, "assessor")
    ended = client.post("/api/me/sessions/revoke-all", headers=first)
    assert ended.status_code == 200 and ended.json() == {"ended": 2}
    assert client.get("/api/me", headers=first).status_code == 401
    assert client.get("/api/me", headers=second).status_code == 401


def test_admins_see_and_end_a_users_sessions(client, app, as_admin, registry) -> None:  # type: ignore[no-untyped-def]
    user = _browser(app, "reporter2")
    token = bearer(client, "reporter2")
    admin = bearer(client, "admin")
    assert client.get("/api/users/reporter2/sessions", headers=token).status_code == 403
    listed = client.get("/api/users/reporter2/sessions", headers=admin).json()
    assert sorted(s["kind"] for s in listed) == ["browser", "token"]
    page = as_admin.client.get("/users").text
    assert 'action="/users/reporter2/end-sessions"' in page
    ended = as_admin.client.post(
        "/users/reporter2/end-sessions", data={"csrf_token": as_admin.csrf}, follow_redirects=False
    )
    assert ended.status_code == 303
    assert user.client.get("/api/me").status_code == 401
    assert client.get("/api/me", headers=token).status_code == 401
    assert client.get("/api/users/reporter2/sessions", headers=admin).json() == []
    assert _audit(registry, "reporter2")[-1] == ("end_sessions", "admin", "2 sessions ended")
    again = bearer(client, "reporter2")
    revoked = client.post("/api/users/reporter2/sessions/revoke-all", headers=admin)
    assert revoked.json() == {"ended": 1}
    assert client.get("/api/me", headers=again).status_code == 401


def test_a_password_set_by_an_admin_must_be_changed_first(client, app, as_admin) -> None:  # type: ignore[no-untyped-def]
    first = "first pass from the admin"
    admin = bearer(client, "admin")
    body = {"username": "nurse", "role": "reporter", "password": first}
    assert client.post("/api/users", json=body, headers=admin).status_code == 201
    listed = client.get("/api/users", headers=admin).json()
    assert [u["must_change_password"] for u in listed if u["username"] == "nurse"] == [True]
    browser = Browser(TestClient(app))
    login = browser.login("nurse", first)
    assert login.status_code == 303 and login.headers["location"] == "/account/password"
    for page in ("/cases", "/cases/new", "/signals", "/account", "/"):
        moved = browser.client.get(page, follow_redirects=True)
        assert moved.url.path in ("/account/password",), page
        assert 'id="must-change-password"' in moved.text
        assert '<a href="/signals">' not in moved.text  # no menu to pages that send back
    browser.refresh_csrf("/account/password")
    refused = browser.client.get("/api/cases")
    assert refused.status_code == 403
    assert "POST /api/me/password" in refused.json()["detail"]
    token = client.post("/api/token", json={"username": "nurse", "password": first}).json()
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    assert client.get("/api/me", headers=headers).json()["must_change_password"] is True
    denied = client.get("/api/cases", headers=headers)
    assert denied.status_code == 403 and "POST /api/me/password" in denied.text
    # a page form post also goes to the password form
    form = browser.client.post("/cases/new", data={"csrf_token": browser.csrf})
    assert form.url.path == "/account/password"
    changed = browser.client.post(
        "/account/password",
        data={"csrf_token": browser.csrf, "current_password": first, "new_password": NEW},
    )
    assert changed.status_code == 200 and 'id="password-changed"' in changed.text
    assert "1 other session of yours" in changed.text
    assert browser.client.get("/cases").status_code == 200
    assert client.get("/api/me", headers=headers).status_code == 401  # the other one ended
    # an admin's reset asks again; the page form of an admin does the same
    reset = as_admin.client.post("/users/nurse/reset-password", data={"csrf_token": as_admin.csrf})
    assert reset.status_code == 200 and "choose their own at sign-in" in reset.text
    assert browser.client.get("/api/me").status_code == 401  # the reset ended it
    again = client.get("/api/users", headers=admin).json()
    assert [u["must_change_password"] for u in again if u["username"] == "nurse"] == [True]


def test_the_generated_first_admin_must_change_the_password(registry) -> None:  # type: ignore[no-untyped-def]
    from dermavigil.registry import open_registry

    with registry.transaction() as session:
        assert UserService(session).ensure_admin() is None  # the fixture has an admin
    other = open_registry(str(registry.engine.url).replace("registry.sqlite", "fresh.sqlite"))
    try:
        with other.transaction() as session:
            password = UserService(session).ensure_admin()
            assert password and UserService(session).get("admin").must_change_password
    finally:
        other.close()


def test_sign_ins_sign_outs_and_password_changes_are_audited(
    client, app, as_admin, registry
) -> None:  # type: ignore[no-untyped-def]
    browser = _browser(app, "reporter")
    bearer(client, "reporter")
    changed = browser.client.post(
        "/account/password",
        data={"csrf_token": browser.csrf, "current_password": PASSWORD, "new_password": NEW},
    )
    assert changed.status_code == 200
    browser.client.post("/logout", data={"csrf_token": browser.csrf})
    assert _audit(registry, "reporter") == [
        ("create", "system", "reporter"),
        ("login", "reporter", "browser from testclient"),
        ("login", "reporter", "API token from testclient"),
        ("change_password", "reporter", "1 other session ended"),
        ("logout", "reporter", "browser session"),
    ]
    page = as_admin.client.get("/users").text
    assert "change password" in page and "logout" in page and "login" in page


def test_tokens_are_stored_hashed_and_last_seen_is_kept(app, registry, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dermavigil.web import session as middleware

    browser = _browser(app, "reporter")
    token = _session_token(browser)
    with registry.transaction() as session:
        rows = list(session.execute(select(UserSessionRow)).scalars())
        (row,) = [r for r in rows if r.username == "reporter"]
        assert row.id == hashlib.sha256(token.encode()).hexdigest()
        assert token not in repr([vars(r) for r in rows])
        long_ago = datetime.now(UTC) - timedelta(hours=2)
        session.execute(update(UserSessionRow).values(last_seen_at=long_ago))
    monkeypatch.setattr(middleware, "LAST_SEEN_EVERY", 0.0)
    assert browser.client.get("/api/me").status_code == 200
    with registry.transaction(readonly=True) as session:
        seen = session.get(UserSessionRow, row.id).last_seen_at
    assert seen > long_ago + timedelta(hours=1)
    # an expired session row no longer signs in, whatever the cookie says
    with registry.transaction() as session:
        session.execute(
            update(UserSessionRow).values(created_at=datetime.now(UTC) - timedelta(hours=13))
        )
    assert browser.client.get("/api/me").status_code == 401


def test_signing_in_again_in_a_browser_ends_its_previous_session(app) -> None:  # type: ignore[no-untyped-def]
    browser = _browser(app, "reporter")
    before = browser.client.cookies[SESSION_COOKIE]
    assert browser.login("reporter2").status_code == 303
    replay = TestClient(app)
    replay.cookies.set(SESSION_COOKIE, before)
    assert replay.get("/api/me").status_code == 401
    assert browser.client.get("/api/me").json()["username"] == "reporter2"
    assert len(browser.client.get("/api/me/sessions").json()) == 1
