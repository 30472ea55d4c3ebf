"""Passwords (issue 12, probe 5): the first admin password never goes to a log, a policy
that refuses guessable passwords, and a self-service change that ends other sessions."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webtools import PASSWORD, Browser, bearer

from dermavigil.web.auth import SESSION_COOKIE

NEW = "plum kettle orbit 9"


@pytest.mark.parametrize(
    "weak", ["Password123!", "summer2023!", "qwertyuiop", "aaaaaaaaaaaa", "reporter2024", "short1"]
)
def test_common_and_pattern_passwords_are_refused(registry, weak: str) -> None:  # type: ignore[no-untyped-def]
    from dermavigil.errors import InputError
    from dermavigil.registry import UserService

    with registry.transaction() as session, pytest.raises(InputError) as refused:
        UserService(session).create("newbie", "reporter", weak)
    assert refused.value.problems[0].location == "password"


def test_the_api_refuses_a_weak_password_for_a_new_user(client) -> None:  # type: ignore[no-untyped-def]
    admin = bearer(client, "admin")
    body = {"username": "nurse9", "role": "reporter", "password": "Password123!"}
    refused = client.post("/api/users", json=body, headers=admin)
    assert refused.status_code == 422 and "too easy to guess" in refused.text


def test_change_your_own_password_in_the_browser(app) -> None:  # type: ignore[no-untyped-def]
    browser = Browser(TestClient(app))
    assert browser.login("reporter").status_code == 303
    elsewhere = bearer(TestClient(app), "reporter")  # another session of the same user
    page = browser.client.get("/account/password")
    assert page.status_code == 200 and 'name="new_password"' in page.text
    form = {"csrf_token": browser.csrf, "current_password": "wrong one!", "new_password": NEW}
    wrong = browser.client.post("/account/password", data=form)
    assert wrong.status_code == 422 and "not your current password" in wrong.text
    weak = {**form, "current_password": PASSWORD, "new_password": "Password123!"}
    assert "too easy to guess" in browser.client.post("/account/password", data=weak).text
    changed = browser.client.post("/account/password", data={**form, "current_password": PASSWORD})
    assert changed.status_code == 200 and 'id="password-changed"' in changed.text
    assert browser.client.get("/api/me").status_code == 200  # this session continues
    assert TestClient(app).get("/api/me", headers=elsewhere).status_code == 401  # others end
    assert browser.login("reporter", PASSWORD).status_code == 401
    assert Browser(TestClient(app)).login("reporter", NEW).status_code == 303
    assert browser.client.cookies[SESSION_COOKIE]


def test_change_your_own_password_through_the_api(client) -> None:  # type: ignore[no-untyped-def]
    other = bearer(client, "assessor")
    current = bearer(client, "assessor")
    body = {"current_password": PASSWORD, "new_password": NEW}
    changed = client.post("/api/me/password", json=body, headers=current)
    assert changed.status_code == 200
    assert changed.json() == {"username": "assessor", "other_sessions_ended": 1}
    assert client.get("/api/me", headers=current).status_code == 200  # this one goes on
    assert client.get("/api/me", headers=other).status_code == 401


def test_the_first_admin_password_goes_to_an_owner_only_file_off_a_terminal(
    tmp_path: Path,
) -> None:
    from dermavigil.cli.serve import ADMIN_PASSWORD_FILE, announce_admin_password

    line = announce_admin_password(tmp_path, "s3cret-once", terminal=False)
    assert "s3cret-once" not in line and ADMIN_PASSWORD_FILE in line
    written = tmp_path / ADMIN_PASSWORD_FILE
    assert written.read_text().strip() == "s3cret-once"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert "s3cret-once" in announce_admin_password(tmp_path, "s3cret-once", terminal=True)


def test_serve_does_not_print_the_admin_password_into_a_log(dv_home: Path) -> None:  # type: ignore[no-untyped-def]
    """``dermavigil serve`` with its output to a pipe (a log): the password is not in it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {**os.environ, "DERMAVIGIL_HOME": str(dv_home)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from dermavigil.cli.app import main; main()",
            "serve",
            "--port",
            "0",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    file = dv_home / "initial-admin-password"
    deadline = time.monotonic() + 60
    while not file.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    password = file.read_text().strip()
    joined = "".join(output.split())  # the console wraps long lines
    assert len(password) >= 16 and password not in joined
    assert "initial-admin-password" in joined
