"""Logout ends the session on the server (issue 12, probe 4), and API calls without any
credentials are told to authenticate (probe 7: 401 + ``WWW-Authenticate: Bearer``)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from webtools import Browser, bearer

from dermavigil.web.auth import SESSION_COOKIE


def test_a_cookie_replayed_after_logout_no_longer_works(app) -> None:  # type: ignore[no-untyped-def]
    """Logout revokes this session's row: its cookie, replayed, is refused, while the
    user's other browser and API token (other sessions) go on."""
    browser = Browser(TestClient(app))
    assert browser.login("reporter").status_code == 303
    stolen = browser.client.cookies[SESSION_COOKIE]
    other_browser = Browser(TestClient(app))
    assert other_browser.login("reporter").status_code == 303
    token = bearer(browser.client, "reporter")  # the same user's API token
    assert browser.client.get("/api/me").status_code == 200
    out = browser.client.post("/logout", data={"csrf_token": browser.csrf}, follow_redirects=False)
    assert out.status_code == 303
    replay = TestClient(app)
    replay.cookies.set(SESSION_COOKIE, stolen)
    assert replay.get("/api/me").status_code == 401
    assert replay.get("/cases", follow_redirects=False).status_code == 303  # to the login page
    assert other_browser.client.get("/api/me").json()["username"] == "reporter"
    assert replay.get("/api/me", headers=token).status_code == 200
    assert browser.login("reporter").status_code == 303  # signing in again works


def test_api_writes_without_credentials_get_401_with_a_bearer_challenge(  # type: ignore[no-untyped-def]
    client, seed_json
) -> None:
    for method, path, body in (
        ("POST", "/api/cases", seed_json),
        ("POST", "/api/signals/run", None),
        ("POST", "/api/users", {"username": "x1", "role": "reporter", "password": "x" * 12}),
    ):
        response = client.request(method, path, json=body)
        assert response.status_code == 401, (path, response.text)
        assert response.headers["www-authenticate"] == "Bearer"
    # a page form without a session cookie is still a CSRF refusal
    assert client.post("/logout", follow_redirects=False).status_code == 403
