"""``dermavigil case status|assign|expectedness|comment`` and ``dermavigil inbox`` on a fresh
DERMAVIGIL_HOME: each change a version with an audit row; refused moves exit 2."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from dermavigil.cli import render
from dermavigil.cli.app import app, main
from dermavigil.demo import load_seed_case
from dermavigil.registry import CaseService, UserService, open_registry
from dermavigil.settings import load_settings

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render.console, "width", 200)


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def _refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> str:
    """Run through ``main`` (errors printed without a traceback, exit 2); what it printed."""
    monkeypatch.setattr(sys, "argv", ["dermavigil", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_workflow_commands(dv_home, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DERMAVIGIL_CLOCK_SERIOUS_UNEXPECTED_DAYS", "7")
    registry = open_registry(load_settings().database_url)
    with registry.transaction() as session:
        UserService(session).create("ana", "assessor", "a long password 1")
        case_id = CaseService(session).create(load_seed_case(), by="clinic").case_id
    registry.close()
    assert "in review, assigned to ana" in _run(
        "case", "status", case_id, "in_review", "--by", "ana"
    )
    assert "unexpected" in _run("case", "expectedness", case_id, "unexpected", "--by", "ana")
    refused = _refused(capsys, monkeypatch, "case", "status", case_id, "closed", "--by", "ana")
    assert "from in review a case moves to assessed" in refused
    assert "not an active assessor" in _refused(capsys, monkeypatch, "case", "assign", case_id, "x")
    assert "comment by ana" in _run("case", "comment", case_id, "chased the clinic", "--by", "ana")
    inbox = _run("inbox", "ana")
    assert case_id in inbox and "7 d left" in inbox  # the rule is a setting
    _run("case", "status", case_id, "assessed", "--by", "ana")
    assert "met" in _run("inbox", "ana")
    history = _run("case", "history", case_id)
    assert history.count("workflow") >= 3
    monkeypatch.setenv("DERMAVIGIL_CLOCK_OTHER_DAYS", "many")
    assert "not a number of days" in _refused(capsys, monkeypatch, "inbox", "ana")
