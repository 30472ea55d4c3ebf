"""The ``dermavigil users`` commands end to end on a fresh DERMAVIGIL_HOME: add, role,
deactivate, reactivate, reset-password, history, and the last-admin refusal."""

from __future__ import annotations

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


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
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
    _ok("users", "add", "root", "--role", "admin", "--password", "password-r", "--by", "ops")
    _ok("users", "add", "nina", "--role", "reporter", "--password", "password-n", "--by", "root")
    assert "nina is now assessor" in _ok("users", "role", "Nina", "assessor", "--by", "root")
    assert "deactivated nina" in _ok("users", "deactivate", "nina", "--by", "root")
    assert not _authenticates("nina", "password-n")
    listed = _ok("users", "list")
    assert "nina" in listed and "assessor" in listed and " no " in listed
    assert "reactivated nina" in _ok("users", "reactivate", "nina", "--by", "root")
    assert _authenticates("nina", "password-n")
    reset = _ok("users", "reset-password", "nina", "--by", "root").splitlines()
    assert reset[0] == "one-time password for nina:"
    assert _authenticates("nina", reset[1]) and not _authenticates("nina", "password-n")
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
    assert "no user 'zed'" in _main(monkeypatch, capsys, "users", "reset-password", "zed")
    assert "must be one of" in _main(monkeypatch, capsys, "users", "role", "nina", "boss")
