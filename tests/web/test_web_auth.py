"""Sessions, CSRF, roles and login throttling through the test client."""

from __future__ import annotations

from fastapi.testclient import TestClient
from webtools import PASSWORD, Browser, bearer

from dermavigil.web.auth import SESSION_COOKIE


def test_login_sets_a_hardened_session_cookie(app):  # type: ignore[no-untyped-def]
    browser = Browser(TestClient(app))
    browser.refresh_csrf()
    response = browser.client.post(
        "/login",
        data={"username": "assessor", "password": PASSWORD, "csrf_token": browser.csrf},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/cases"
    (cookie,) = [
        c for c in response.headers.get_list("set-cookie") if c.startswith(f"{SESSION_COOKIE}=")
    ]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    assert browser.client.get("/api/me").json() == {
        "username": "assessor",
        "role": "assessor",
        "via": "cookie",
        "must_change_password": False,
    }


def test_login_form_needs_its_csrf_token(app):  # type: ignore[no-untyped-def]
    browser = Browser(TestClient(app))
    browser.refresh_csrf()
    data = {"username": "assessor", "password": PASSWORD}
    missing = browser.client.post("/login", data=data, follow_redirects=False)
    assert missing.status_code == 403
    wrong = browser.client.post("/login", data={**data, "csrf_token": "forged"})
    assert wrong.status_code == 403
    fresh = TestClient(app)  # no session cookie at all
    assert fresh.post("/login", data={**data, "csrf_token": browser.csrf}).status_code == 403


def test_cookie_api_writes_need_the_csrf_header(as_reporter, seed_json):  # type: ignore[no-untyped-def]
    client = as_reporter.client
    assert client.post("/api/cases", json=seed_json).status_code == 403
    bad = client.post("/api/cases", json=seed_json, headers={"X-CSRF-Token": "nope"})
    assert bad.status_code == 403
    ok = client.post("/api/cases", json=seed_json, headers={"X-CSRF-Token": as_reporter.csrf})
    assert ok.status_code == 201, ok.text


def forge(token: str) -> str:
    """The token with one signature character changed, always to a different 6-bit value.

    Changing the last characters is not enough: the final base64 character of a 20-byte
    signature carries two ignored bits, so "…xw" and "…xx" decode alike (a 1-in-1024 flake).
    """
    payload, _, signature = token.rpartition(".")
    middle = len(signature) // 2
    replacement = "B" if signature[middle] == "A" else "A"
    return f"{payload}.{signature[:middle]}{replacement}{signature[middle + 1 :]}"


def test_bearer_clients_need_no_csrf_and_forged_tokens_fail(client, seed_json):  # type: ignore[no-untyped-def]
    headers = bearer(client, "reporter")
    assert client.post("/api/cases", json=seed_json, headers=headers).status_code == 201
    forged = {"Authorization": "Bearer " + forge(headers["Authorization"][7:])}
    assert client.get("/api/me", headers=forged).status_code == 401
    assert client.get("/api/cases").status_code == 401
    assert client.get("/api/cases").headers["www-authenticate"] == "Bearer"


def test_bearer_requests_get_no_session_and_a_forged_token_with_an_empty_csrf_fails(
    client, seed_json
):  # type: ignore[no-untyped-def]
    """A bearer request's session is a shared anonymous one with an empty CSRF token (no
    random token drawn per request): it never becomes a cookie, and an empty or forged
    token opens nothing."""
    client.cookies.clear()
    headers = bearer(client, "reporter")
    created = client.post("/api/cases", json=seed_json, headers=headers)
    assert created.status_code == 201 and "set-cookie" not in created.headers
    forged = {"Authorization": "Bearer forged", "X-CSRF-Token": ""}
    refused = client.post("/api/cases", json=seed_json, headers=forged)
    assert refused.status_code == 401 and "set-cookie" not in refused.headers


def test_wrong_password_then_rate_limited(client):  # type: ignore[no-untyped-def]
    wrong = {"username": "admin", "password": "not the password"}
    for _ in range(5):
        assert client.post("/api/token", json=wrong).status_code == 401
    limited = client.post("/api/token", json={"username": "admin", "password": PASSWORD})
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0
    # another user from the same address is not locked out
    assert (
        client.post("/api/token", json={"username": "assessor", "password": PASSWORD}).status_code
        == 200
    )


def test_login_page_shows_throttling(app):  # type: ignore[no-untyped-def]
    browser = Browser(TestClient(app))
    for _ in range(5):
        assert browser.login("reporter", "wrong password!").status_code == 401
    response = browser.login("reporter")
    assert response.status_code == 429 and "too many failed logins" in response.text


def test_pages_redirect_to_login_and_logout_ends_the_session(as_reporter):  # type: ignore[no-untyped-def]
    anonymous = TestClient(as_reporter.client.app)
    redirect = anonymous.get("/cases", follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"] == "/login?next=/cases"
    with_query = anonymous.get("/signals?product=rv", follow_redirects=False)
    assert with_query.headers["location"] == "/login?next=/signals%3Fproduct%3Drv"
    client = as_reporter.client
    assert client.get("/cases").status_code == 200
    out = client.post("/logout", data={"csrf_token": as_reporter.csrf}, follow_redirects=False)
    assert out.status_code == 303
    assert client.get("/cases", follow_redirects=False).status_code == 303


def test_open_redirects_are_refused(app):  # type: ignore[no-untyped-def]
    browser = Browser(TestClient(app))
    browser.refresh_csrf()
    response = browser.client.post(
        "/login",
        data={
            "username": "reporter",
            "password": PASSWORD,
            "csrf_token": browser.csrf,
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/cases"


def test_roles_guard_admin_routes(client):  # type: ignore[no-untyped-def]
    for user in ("reporter", "assessor"):
        headers = bearer(client, user)
        assert client.get("/api/users", headers=headers).status_code == 403
        assert client.get("/api/imports", headers=headers).status_code == 403
        assert client.post("/api/signals/run", headers=headers).status_code == 403
    admin = bearer(client, "admin")
    users = client.get("/api/users", headers=admin).json()
    assert {u["username"] for u in users} >= {"admin", "assessor", "reporter"}
    assert all("argon2" not in str(u) and "password_hash" not in u for u in users)
    new = {"username": "nurse1", "role": "reporter", "password": "long enough password"}
    assert client.post("/api/users", json=new, headers=admin).status_code == 201
    assert (
        client.post(
            "/api/token", json={"username": "nurse1", "password": new["password"]}
        ).status_code
        == 200
    )
    short = {**new, "username": "nurse2", "password": "short"}
    assert client.post("/api/users", json=short, headers=admin).status_code == 422


def test_secret_key_is_created_once(web_settings):  # type: ignore[no-untyped-def]
    from dermavigil.web.auth import load_secret

    first = load_secret(web_settings.home)
    assert len(first) == 64 and load_secret(web_settings.home) == first
    assert (web_settings.home / "secret_key").stat().st_mode & 0o077 == 0


def test_a_verified_bearer_token_is_remembered_until_it_expires(monkeypatch):  # type: ignore[no-untyped-def]
    """``Signer.load_token`` verifies a token's signature once; later loads of the same
    token only check its age, by the same rule (at most TOKEN_MAX_AGE whole seconds)."""
    import time

    from dermavigil.web import auth

    signer = auth.Signer("k" * 32)
    token = signer.issue_token("alice", "session-1")
    assert signer.load_token(token) == ("alice", "session-1")
    assert signer.load_token(token[:-2] + ("AA" if token[-2:] != "AA" else "BB")) is None
    assert auth.Signer("other key" * 4).load_token(token) is None
    verify = signer._token.loads
    monkeypatch.setattr(signer._token, "loads", lambda *a, **k: 1 / 0)  # not decoded again
    assert signer.load_token(token) == ("alice", "session-1")
    now = time.time()
    monkeypatch.setattr(auth.time, "time", lambda: now + auth.TOKEN_MAX_AGE + 2)
    assert signer.load_token(token) is None  # expired, as itsdangerous would say
    monkeypatch.setattr(signer._token, "loads", verify)
    assert signer.load_token(token) is None
    monkeypatch.setattr(auth.time, "time", lambda: now - 5)
    assert signer.load_token(token) is None  # signed in the future: refused too
