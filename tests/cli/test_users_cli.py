"""The ``dermavigil users`` commands end to end on a fresh DERMAVIGIL_HOME: add, role,
deactivate, reactivate, reset-password, history, and the last-admin refusal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dermavigil.cli import render
from dermavigil.cli.app import app, main
from dermavigil.registry import UserService, open_registry
from dermavigil.settings import load_settings

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render.console, "width", 200)


def _ok(*args: str, input: str | None = None) -> str:
    result = runner.invoke(app, list(args), input=input)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def _main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    monkeypatch.setattr(sys, "argv", ["dermavigil", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    return capsys.readouterr().err


def _rows(table: str) -> list[list[str]]:
    """The cells of a rich table's body lines."""
    return [
        [cell.strip() for cell in line.split("│")[1:-1]]
        for line in table.splitlines()
        if line.startswith("│")
    ]


def _authenticates(name: str, password: str) -> bool:
    registry = open_registry(load_settings().database_url)
    try:
        with registry.transaction() as session:
            return UserService(session).authenticate(name, password) is not None
    finally:
        registry.close()


def test_administer_users_from_the_command_line(
    dv_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _ok("users", "add", "root", "--role", "admin", "--by", "ops", input="rooted oak 77\n" * 2)
    _ok(
        "users",
        "add",
        "nina",
        "--role",
        "reporter",
        "--password-stdin",
        "--by",
        "root",
        input="Nina's green kettle\n",
    )
    assert "nina is now assessor" in _ok("users", "role", "Nina", "assessor", "--by", "root")
    assert "deactivated nina" in _ok("users", "deactivate", "nina", "--by", "root")
    assert not _authenticates("nina", "Nina's green kettle")
    listed = _ok("users", "list")
    assert "nina" in listed and "assessor" in listed and " no " in listed
    assert "reactivated nina" in _ok("users", "reactivate", "nina", "--by", "root")
    assert _authenticates("nina", "Nina's green kettle")
    reset = _ok("users", "reset-password", "nina", "--by", "root", input="violet barge 42\n" * 2)
    assert "new password set for nina" in reset and "violet barge" not in reset
    assert _authenticates("nina", "violet barge 42")
    assert not _authenticates("nina", "Nina's green kettle")
    weak = runner.invoke(
        app,
        ["users", "add", "weak", "--role", "reporter", "--password-stdin"],
        input="password123\n",
    )
    assert weak.exit_code != 0 and "too easy to guess" in str(weak.exception)
    argv = runner.invoke(app, ["users", "add", "x", "--role", "reporter", "--password", "p"])
    assert argv.exit_code == 2  # no such option: passwords are not arguments
    changes = _rows(_ok("users", "history", "nina"))
    assert [row[1:] for row in changes] == [
        ["nina", "reset password", "root"],
        ["nina", "reactivate", "root"],
        ["nina", "deactivate", "root"],
        ["nina", "role (reporter -> assessor)", "root"],
        ["nina", "create (reporter)", "root"],
    ]
    assert "ops" in _ok("users", "history")
    error = _main(monkeypatch, capsys, "users", "deactivate", "root")
    assert "'root' is the last active admin" in error
    error = _main(monkeypatch, capsys, "users", "role", "root", "reporter")
    assert "last active admin" in error
    monkeypatch.setattr(sys, "stdin", io.StringIO("violet barge 42\n"))
    error = _main(monkeypatch, capsys, "users", "reset-password", "zed", "--password-stdin")
    assert "no user 'zed'" in error
    assert "must be one of" in _main(monkeypatch, capsys, "users", "role", "nina", "boss")


def test_list_and_end_a_users_sessions(dv_home: Path) -> None:
    from dermavigil.registry import SessionService

    _ok("users", "add", "root", "--role", "admin", input="rooted oak 77\n" * 2)
    registry = open_registry(load_settings().database_url)
    try:
        with registry.transaction() as session:
            assert UserService(session).get("root").must_change_password  # set by someone else
            sessions = SessionService(session)
            tokens = [
                sessions.start("root", "browser", "10.1.2.3", "Firefox 133 on Linux"),
                sessions.start("root", "token", "10.1.2.4", "python-httpx/0.28.1"),
            ]
    finally:
        registry.close()
    (root,) = _rows(_ok("users", "list"))
    assert root[:3] == ["root", "admin", "yes"] and root[4] == "to change at sign-in"
    listed = _rows(_ok("users", "sessions", "root"))
    assert sorted(row[1] for row in listed) == ["browser", "token"]
    assert {row[4] for row in listed} == {"10.1.2.3", "10.1.2.4"}
    assert "Firefox 133 on Linux" in {row[5] for row in listed}
    assert "ended 2 session(s) of root" in _ok("users", "logout", "root", "--by", "ops")
    assert _rows(_ok("users", "sessions", "root")) == []
    registry = open_registry(load_settings().database_url)
    try:
        with registry.transaction(readonly=True) as session:
            assert [SessionService(session).resolve(t, "root") for t in tokens] == [None, None]
    finally:
        registry.close()
    history = _rows(_ok("users", "history", "root"))
    assert history[0][1:] == ["root", "end sessions (2 sessions ended)", "ops"]
