"""``dermavigil signal``: a signal from a real VAERS pair walked to closure, and its report."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from dermavigil.cli.app import app
from dermavigil.demo import load_seed_case
from dermavigil.domain.signal import CHECKLIST
from dermavigil.errors import InputError
from dermavigil.ingest.runner import run_import
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import load_settings

runner = CliRunner()


@pytest.fixture
def home(tmp_path: Path, shared_data: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("DERMAVIGIL_HOME", str(home))
    monkeypatch.delenv("DERMAVIGIL_DATABASE_URL", raising=False)
    settings = load_settings()
    settings.ensure_dirs()
    run_import(
        settings, "vaers", [shared_data / "vaers_1990_2006_official_zips" / "1999VAERSData.zip"]
    )
    return home


def _ok(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.output


def test_signal_from_pair_to_closed_with_report(home: Path, tmp_path: Path) -> None:
    registry = open_registry(load_settings().database_url)
    with registry.transaction() as session:
        case_id = CaseService(session).create(load_seed_case(), by="clin").case_id
    registry.close()
    out = _ok(
        [
            "signal",
            "create",
            "--title",
            "RotaShield and intussusception",
            "--pair",
            "product=rv,reaction=intussusception",
            "--source",
            "disproportionality",
            "--by",
            "alice",
        ]
    )
    assert "SIG-000001" in out and "ebgm 1999Q" in out  # first crossing attached
    for item in CHECKLIST:
        _ok(["signal", "check", "SIG-000001", item, "yes", "--note", f"{item} ok", "--by", "alice"])
    _ok(
        [
            "signal",
            "link",
            "SIG-000001",
            "--case",
            case_id,
            "--literature",
            "Murphy TV et al. N Engl J Med 2001;344:564-72",
            "--by",
            "alice",
        ]
    )
    _ok(["signal", "move", "SIG-000001", "validated", "--reason", "112 reports", "--by", "alice"])
    _ok(
        [
            "signal",
            "edit",
            "SIG-000001",
            "--priority",
            "high",
            "--rationale",
            "infants, surgery",
            "--by",
            "alice",
        ]
    )
    _ok(["signal", "move", "SIG-000001", "prioritised", "--reason", "serious", "--by", "alice"])
    _ok(["signal", "move", "SIG-000001", "under_assessment", "--reason", "start", "--by", "bob"])
    _ok(["signal", "edit", "SIG-000001", "--recommendation", "Suspend vaccination", "--by", "bob"])
    shown = _ok(
        [
            "signal",
            "move",
            "SIG-000001",
            "closed",
            "--reason",
            "risk confirmed",
            "--outcome",
            "confirmed_risk",
            "--by",
            "bob",
        ]
    )
    assert "Confirmed risk" in shown
    history = _ok(["signal", "show", "SIG-000001"])
    assert "v14" in history and "risk confirmed" in history

    html_out, pdf_out = tmp_path / "r.html", tmp_path / "r.pdf"
    _ok(["signal", "report", "SIG-000001", "--out", str(html_out)])
    _ok(["signal", "report", "SIG-000001", "--out", str(pdf_out)])
    html = html_out.read_text(encoding="utf-8")
    assert "data:image/png;base64," in html  # the trend plot
    assert "Suspend vaccination" in html and "risk confirmed" in html
    assert case_id in html and "Murphy TV" in html
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_out.read_bytes())).pages)
    assert "SIG-000001" in text and "Confirmed risk" in text and "Suspend vaccination" in text


def test_signal_cli_refuses_bad_input(home: Path) -> None:
    result = runner.invoke(app, ["signal", "create", "--title", "x y z", "--pair", "rv"])
    assert isinstance(result.exception, InputError)
    result = runner.invoke(app, ["signal", "move", "SIG-000009", "closed", "--reason", "x"])
    assert result.exception is not None and "SIG-000009" in str(result.exception)
    _ok(["signal", "create", "--title", "manual one"])
    result = runner.invoke(app, ["signal", "edit", "SIG-000001", "--due", "tomorrow"])
    assert isinstance(result.exception, InputError)
    result = runner.invoke(app, ["signal", "report", "SIG-000001", "--out", "r.docx"])
    assert isinstance(result.exception, InputError)
