"""Helpers shared by the web tests: the test password, a logged-in browser-like client,
bearer headers and a real server for browser tests."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
