"""``dermavigil duplicates`` on a registry holding the seed case twice and other cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dermavigil.cli import duplicates as cli
from dermavigil.cli.app import app
from dermavigil.domain.case import Case
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import load_settings

runner = CliRunner()


@pytest.fixture
def registry_cases(
    dv_home: Path, literature_case: Case, clinician_case: Case, different_cases: list[Case]
) -> None:
    settings = load_settings()
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        service = CaseService(session)
        for case in [clinician_case, *different_cases, literature_case]:
            service.create(case.model_copy(update={"case_id": None}), by="tester")
        retracted = service.create(literature_case.model_copy(update={"case_id": None}), by="t")
        service.retract(retracted.case_id, by="t", reason="entered twice by mistake")
    registry.close()


def test_json_lists_the_pair_with_its_evidence(registry_cases: None) -> None:
    result = runner.invoke(app, ["duplicates", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["cases"], report["threshold"]) == (5, 0.9)
    pairs = report["pairs"]
    assert [(p["case_a"], p["case_b"]) for p in pairs] == [("DV-000001", "DV-000005")]
    assert pairs[0]["match_probability"] >= 0.9
    assert {e["field"] for e in pairs[0]["explanation"]} >= {"sex", "age", "products_reactions"}


def test_table_and_threshold(registry_cases: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.console, "width", 200)
    result = runner.invoke(app, ["duplicates"])
    assert result.exit_code == 0, result.output
    assert "DV-000001 (clinician (physician)) ~ DV-000005 (literature)" in result.output
    assert "a product word and a reaction term" in result.output
    assert "1 probable duplicate pair(s) among 5 active cases" in result.output
    none = runner.invoke(app, ["duplicates", "--threshold", "1"])
    assert "no pair of the 5 active cases reaches 1" in none.output
    bad = runner.invoke(app, ["duplicates", "--threshold", "2"])
    assert bad.exit_code != 0


def test_decide_different_hides_the_pair_and_is_in_the_history(registry_cases: None) -> None:
    first = json.loads(runner.invoke(app, ["duplicates", "--json", "--by", "ann"]).output)
    assert first["run_id"] == 1 and first["model"]["facts"]
    decided = runner.invoke(
        app,
        ["duplicate", "decide", "DV-000005", "DV-000001", "different", "--reason", "two people",
         "--run", "1", "--by", "ann"],
    )  # fmt: skip
    assert decided.exit_code == 0, decided.output
    assert "DV-000001 ~ DV-000005 different" in decided.output
    again = json.loads(runner.invoke(app, ["duplicates", "--json"]).output)
    assert again["pairs"] == [] and again["run_id"] == 2
    history = runner.invoke(app, ["duplicate", "history", "DV-000001"], terminal_width=200)
    assert "two people" in history.output and "ann" in history.output
    bad = runner.invoke(app, ["duplicate", "decide", "DV-000001", "DV-000001", "same"])
    assert bad.exit_code != 0 and "itself" in str(bad.exception)


def _exosome_necrosis(out: Path) -> int:
    import pyarrow.csv as pacsv

    rows = pacsv.read_csv(out).to_pylist()
    return sum(
        r["n"] for r in rows if r["category"] == "exosome" and r["reaction"] == "skin necrosis"
    )


def test_a_merge_counts_once_in_the_next_cli_signal_run(
    registry_cases: None, tmp_path: Path
) -> None:
    """``dermavigil signals`` over a store holding the registry re-exports its active cases
    first, as the web job does, so a merge decided since counts once (issue 16)."""
    from dermavigil.ingest.runner import run_import

    run_import(load_settings(), "registry", [])
    out = tmp_path / "signals.csv"
    args = ["signals", "--by", "category,reaction", "--out", str(out), "--top", "0"]
    before = runner.invoke(app, args)
    assert before.exit_code == 0, before.output
    assert _exosome_necrosis(out) == 2  # the clinician's report and the literature copy
    decided = runner.invoke(
        app, ["duplicate", "decide", "DV-000001", "DV-000005", "same", "--master", "DV-000001"]
    )
    assert decided.exit_code == 0, decided.output
    after = runner.invoke(app, args)
    assert after.exit_code == 0, after.output
    assert _exosome_necrosis(out) == 1  # the merged group counts once
    assert "4 active registry cases re-exported first" in after.output


def test_a_merge_counts_once_in_the_next_signal_trend(
    dv_home: Path,
    literature_case: Case,
    clinician_case: Case,
    different_cases: list[Case],
    tmp_path: Path,
) -> None:
    """``dermavigil signals trend`` over the store re-exports the registry first too."""
    from datetime import date

    from dermavigil.domain.dates import PartialDate
    from dermavigil.ingest.runner import run_import

    settings = load_settings()
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        service = CaseService(session)
        for case in [clinician_case, *different_cases, literature_case]:
            report = case.report.model_copy(
                update={"received_date": PartialDate.model_validate(date(2025, 3, 1))}
            )
            service.create(case.model_copy(update={"case_id": None, "report": report}), by="t")
    registry.close()
    run_import(settings, "registry", [])
    decided = runner.invoke(
        app, ["duplicate", "decide", "DV-000001", "DV-000005", "same", "--master", "DV-000001"]
    )
    assert decided.exit_code == 0, decided.output
    out = tmp_path / "trend.csv"
    args = ["signals", "trend", "--by", "category,reaction", "--period", "year", "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert _exosome_necrosis(out) == 1  # the merged group counts once
