"""Helpers shared by the web tests: the test password, a logged-in browser-like client,
bearer headers and a real server for browser tests."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Browser:
    """A TestClient logged in through the login form; knows its CSRF token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.csrf = ""
        self.username = ""

    def refresh_csrf(self, path: str = "/login") -> str:
        match = _CSRF.search(self.client.get(path).text)
        assert match, f"no CSRF token on {path}"
        self.csrf = match.group(1)
        return self.csrf

    def login(self, username: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
        self.username = username
        self.refresh_csrf()
        response = self.client.post(
            "/login",
            data={"username": username, "password": password, "csrf_token": self.csrf},
            follow_redirects=False,
        )
        if response.status_code == 303:  # signed in, or asked for the second factor
            second_step = response.headers["location"].startswith("/login/2fa")
            self.refresh_csrf("/login/2fa" if second_step else "/about")
        return response


class Clock:
    """The time the server's TOTP checks see (moved by the tests; fixture ``clock``)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: int = 30) -> None:
        self.now += timedelta(seconds=seconds)


_SECRET = re.compile(r'id="totp-secret">([A-Z2-7]+)<')
_CODES = re.compile(r"<li><code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code></li>")


def enrol_in_browser(browser: Browser, clock: Clock) -> tuple[Any, list[str]]:
    """Set up 2FA through the account page; returns the app's TOTP and the recovery codes."""
    import pyotp

    page = browser.client.get("/account/2fa")
    assert page.status_code == 200 and 'action="/account/2fa/start"' in page.text
    started = browser.client.post("/account/2fa/start", data={"csrf_token": browser.csrf})
    assert started.status_code == 200
    secret = _SECRET.search(started.text).group(1)  # type: ignore[union-attr]
    assert f"otpauth://totp/dermavigil:{browser.username}?secret={secret}" in started.text
    assert 'src="/account/2fa/qr.svg"' in started.text
    totp = pyotp.TOTP(secret)
    confirmed = browser.client.post(
        "/account/2fa/confirm", data={"csrf_token": browser.csrf, "code": totp.at(clock())}
    )
    assert confirmed.status_code == 200, confirmed.text
    return totp, _CODES.findall(confirmed.text)


def bearer(client: TestClient, username: str) -> dict[str, str]:
    """Authorization header for ``username`` from POST /api/token."""
    response = client.post("/api/token", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
"""Where browser tests keep their screenshots."""


@contextmanager
def served(app: Any, **options: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn (and these ``uvicorn.Config`` options) on a free local
    port in a thread; yields the base URL."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", **options)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium(executable_path: str) -> Iterator[Any]:
    """Playwright's Chromium (Debian's build at ``executable_path``), closed afterwards."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable_path, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()
