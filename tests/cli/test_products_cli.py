"""``dermavigil products`` end to end on a fresh DERMAVIGIL_HOME."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dermavigil.cli import render
from dermavigil.cli.app import app, main

runner = CliRunner()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DERMAVIGIL_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DERMAVIGIL_DATABASE_URL", raising=False)
    monkeypatch.setattr(render.console, "width", 250)
    return tmp_path


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def test_list_show_edit_add(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def _fails(*args: str) -> str:
        monkeypatch.setattr(sys, "argv", ["dermavigil", *args])
        with pytest.raises(SystemExit) as exited:
            main()
        assert exited.value.code == 2
        return capsys.readouterr().err

    lines = _run("products", "list", "--json").splitlines()
    entries = {json.loads(line)["id"]: json.loads(line) for line in lines}
    assert entries["juvederm-voluma-xc"]["product_codes"] == ["LMH"]
    assert entries["juvederm-voluma-xc"]["origin"] == "shipped"
    devices = _run("products", "list", "--class", "device")
    assert "radiesse" in devices and "dysport" not in devices
    shown = _run("products", "show", "sublocade")
    assert "NDA 209819" in shown and "subcutaneous" in shown
    refused = _fails(
        "products", "edit", "sublocade", "--set", "routes=intravenous", "--reason", "x"
    )
    assert "needs its source" in refused
    _run(
        "products", "edit", "sublocade", "--set", "manufacturer=Indivior Inc.",
        "--cite", "manufacturer=label:SUBLOCADE PI 2023", "--reason", "full name", "--by", "eve",
    )  # fmt: skip
    shown = _run("products", "show", "sublocade")
    assert "Indivior Inc." in shown and "v1 edit by eve" in shown and "full name" in shown
    entry = tmp_path / "entry.yaml"
    entry.write_text(
        "id: my-booster\nname: My Booster\ncategory: skin_booster\nregulatory_class: unregulated\n"
        "sources:\n  category: {kind: user, citation: clinic note}\n"
        "  regulatory_class: {kind: user, citation: clinic note}\n",
        encoding="utf-8",
    )
    assert "added my-booster" in _run("products", "add", str(entry))
    assert "exists" in _fails("products", "add", str(entry))
    assert "no catalogue entry 'nope'" in _fails("products", "show", "nope")
