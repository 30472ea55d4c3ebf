"""``dermavigil import`` and ``dermavigil store`` through the real command line app."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dermavigil.cli.app import app

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "ingest"


@pytest.fixture
def runner(dv_home: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    # the hand-made quirk fixtures reject 20-40 % of their few rows on purpose
    monkeypatch.setenv("DERMAVIGIL_IMPORT_MAX_REJECTED_SHARE", "1")
    return CliRunner()


def test_import_prints_summary_and_store_stats(runner: CliRunner, shared_data: Path) -> None:
    result = runner.invoke(app, ["import", "faers", str(shared_data / "faers_2025q4_sample")])
    assert result.exit_code == 0, result.output
    assert "reports kept" in result.output and "1,000" in result.output
    assert "duplicate product rows collapsed" in result.output and "533" in result.output
    result = runner.invoke(
        app, ["import", "vaers", str(FIXTURES / "vaers_quirks"), "--problems", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "rejected: short row" in result.output
    assert "2019VAERSDATA.csv:2: (file): not UTF-8" in result.output
    stats = runner.invoke(app, ["store", "stats"])
    assert stats.exit_code == 0, stats.output
    lines = {line.split()[1]: line for line in stats.output.splitlines() if line.count("│") == 5}
    assert [c.strip() for c in lines["faers"].split("│")[2:5]] == ["1,000", "5,758", "4,214"]
    assert lines["vaers"].split("│")[2].strip() == "3"


def test_store_drop(runner: CliRunner) -> None:
    assert (
        runner.invoke(app, ["import", "openfda", str(FIXTURES / "openfda_page.json")]).exit_code
        == 0
    )
    result = runner.invoke(app, ["store", "drop", "openfda"])
    assert result.exit_code == 0 and "dropped openfda" in result.output
    assert "is empty" in " ".join(runner.invoke(app, ["store", "stats"]).output.split())
    assert runner.invoke(app, ["store", "drop", "openfda"]).exit_code == 1


def test_bad_input_is_a_clear_error(
    dv_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from dermavigil.cli import app as app_module

    argv = sys.argv
    sys.argv = ["dermavigil", "import", "faers", str(tmp_path / "missing.zip")]
    try:
        with pytest.raises(SystemExit) as exit_info:
            app_module.main()
    finally:
        sys.argv = argv
    assert exit_info.value.code == 2
    assert "missing.zip: no such file or folder" in " ".join(capsys.readouterr().err.split())


def test_unknown_source_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "eudravigilance", "x"])
    assert result.exit_code == 2
