"""The ``dermavigil case`` commands, end to end on a fresh DERMAVIGIL_HOME."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dermavigil.cli import render
from dermavigil.cli.app import app, main
from dermavigil.demo import load_seed_case, seed_case_text
from dermavigil.domain.assessment import assess
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import load_settings

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render.console, "width", 200)


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    path = tmp_path / "seed.yaml"
    path.write_text(seed_case_text(), encoding="utf-8")
    return path


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def _stored_count() -> int:
    registry = open_registry(load_settings().database_url)
    with registry.transaction(readonly=True) as session:
        total = CaseService(session).list(None).total
    registry.close()
    return total


def _main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["dermavigil", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    return int(exited.value.code or 0)


def test_add_list_show_history_assess(dv_home: Path, seed_file: Path) -> None:
    out = _ok("case", "add", str(seed_file), "--by", "alice")
    assert "added DV-000001" in out and "off-label route: YES" in out
    listed = _ok("case", "list", "--off-label", "--category", "exosome")
    assert "DV-000001" in listed and "1-1 of 1 case(s)" in listed
    assert "0 of 0 case(s)" in _ok("case", "list", "--on-label")
    assert "0 of 0 case(s)" in _ok("case", "list", "--reaction", "anaphylaxis")

    expected = assess(load_seed_case())
    shown = _ok("case", "show", "DV-000001")
    assert f"Naranjo: score {expected.naranjo.score} -> {expected.naranjo.band}" in shown
    assert f"WHO-UMC: {expected.who_umc.category}" in shown
    assert "OFF-LABEL ROUTE" in shown and "upper arm" in shown
    for item in expected.naranjo.items:
        assert item.question[:30] in shown

    assessed = json.loads(_ok("case", "assess", "DV-000001", "--json"))
    assert assessed == json.loads(expected.model_dump_json())

    _ok("case", "override", "DV-000001", "naranjo.items.9", "no", "--reason", "first exposure")
    history = _ok("case", "history", "DV-000001")
    assert "create" in history and "override" in history and "first exposure" in history
    assert "assessment.naranjo.items.9" in history


def test_export_json_round_trips(dv_home: Path, seed_file: Path, tmp_path: Path) -> None:
    _ok("case", "add", str(seed_file))
    exported = json.loads(_ok("case", "export", "DV-000001", "--format", "json"))
    assert exported["case_id"] == "DV-000001"
    original = load_seed_case().model_dump(mode="json", exclude_none=True)
    assert exported["derived_seriousness"] == {"serious": True, "criteria": ["disability"]}
    derived = ("case_id", "derived_seriousness")
    assert {k: v for k, v in exported.items() if k not in derived} == original
    out = tmp_path / "case.json"
    _ok("case", "export", "DV-000001", "--format", "json", "--out", str(out))
    assert json.loads(out.read_text()) == exported


def test_bad_file_is_refused_with_one_message_per_problem(
    dv_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    case = yaml.safe_load(seed_case_text())
    case["products"][0]["route"] = "intradermally"
    case["report"].pop("reporter", None)
    case["report"].pop("literature", None)
    case["reactions"][0]["outcome"] = "better"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(case), encoding="utf-8")
    assert _main(monkeypatch, "case", "add", str(bad)) != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "products.0.route" in err and "reactions.0.outcome" in err
    assert _stored_count() == 0

    broken = tmp_path / "broken.json"
    broken.write_text('{"report": {"source": "literature",', encoding="utf-8")
    assert _main(monkeypatch, "case", "add", str(broken)) != 0
    err = capsys.readouterr().err
    assert "not valid JSON" in err and "Traceback" not in err
    assert _main(monkeypatch, "case", "show", "DV-000042") != 0
    assert "no case 'DV-000042'" in capsys.readouterr().err
    assert _stored_count() == 0


def test_retract_and_unknown_format(
    dv_home: Path, seed_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    _ok("case", "add", str(seed_file))
    assert _main(monkeypatch, "case", "export", "DV-000001", "--format", "docx") != 0
    assert "unknown export format" in capsys.readouterr().err
    assert _main(monkeypatch, "case", "retract", "DV-000001", "--reason", " ") != 0
    _ok("case", "retract", "DV-000001", "--reason", "duplicate")
    assert "0 of 0 case(s)" in _ok("case", "list")
    assert "DV-000001" in _ok("case", "list", "--status", "retracted")


def test_demo_loads_the_seed_once(dv_home: Path) -> None:
    first = _ok("demo")
    assert "DV-000001" in first and "Naranjo" in first and "OFF-LABEL ROUTE" in first
    assert "DV-000001" in _ok("demo")
    assert _stored_count() == 1


def test_users_add_and_list(dv_home: Path) -> None:
    result = runner.invoke(
        app,
        ["users", "add", "Ann", "--role", "assessor", "--password-stdin"],
        input="long enough pw\n",
    )
    out = result.output
    assert "added user ann (assessor)" in out
    listed = _ok("users", "list")
    assert "ann" in listed and "assessor" in listed


def test_import_keeps_good_cases_and_lists_the_bad(dv_home: Path, tmp_path: Path) -> None:
    good = yaml.safe_load(seed_case_text())
    bad = yaml.safe_load(seed_case_text())
    bad["patient"] = {}
    bad["products"][0]["role"] = "concomitant"
    document = tmp_path / "two.json"
    document.write_text(json.dumps({"cases": [good, bad]}), encoding="utf-8")
    out = _ok("case", "import", str(document), "--by", "importer")
    assert "imported DV-000001" in out and "1 case(s) imported from two.json (json)" in out
    assert "cases.1.patient" in out and "cases.1.products" in out
    assert _stored_count() == 1
    result = runner.invoke(app, ["case", "import", str(document), "--all-or-nothing"])
    assert result.exit_code != 0 and _stored_count() == 1


def test_importing_an_e2b_report_twice_is_one_case_and_unmapped_is_listed(
    dv_home: Path, tmp_path: Path
) -> None:
    source = load_settings().shared_data_dir.parent / "standards" / "e2b_r3" / "fda_examples"
    data = (source / "FAERS2022Scenario1.xml").read_bytes()
    first = tmp_path / "initial.xml"
    first.write_bytes(data)
    out = _ok("case", "import", str(first), "--by", "importer")
    assert "imported DV-000001 (version 1)" in out
    assert "element(s) kept unmapped:" in out and "Race" in out
    follow_up = tmp_path / "follow-up.xml"
    follow_up.write_bytes(data.replace(b"COLITE ISCHEMIQUE", b"COLITE ISCHEMIQUE AIGUE"))
    out = _ok("case", "import", str(follow_up), "--by", "importer")
    assert "follow-up of DV-000001 (version 2)" in out
    assert _stored_count() == 1


def test_export_line_listing_of_every_matching_case(dv_home: Path, tmp_path: Path) -> None:
    """``case export`` without a case id: every matching case (more than one batch of the
    service the web export uses), under a header block, as CSV and as Excel."""
    import csv
    import io

    from openpyxl import load_workbook

    settings = load_settings()
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    seed = load_seed_case()
    data = seed.model_dump(mode="json")
    data["products"][0]["category"] = "ha_filler"
    other = type(seed).model_validate(data)
    with registry.transaction() as session:
        service = CaseService(session)
        for i in range(230):
            service.create(seed if i % 10 else other, by="alice")
    registry.close()
    out = tmp_path / "all.csv"
    said = _ok("case", "export", "--format", "csv", "--category", "exosome", "-o", str(out))
    assert "207 case(s)" in said
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["dermavigil line listing"]
    block = {r[0]: r[1] for r in rows[1 : rows.index([])]}
    assert block["Cases"] == "207" and "category = exosome" in block["Filters"]
    assert len(rows) - rows.index([]) - 2 == 207  # every case, past the first batch of 200
    book = tmp_path / "all.xlsx"
    _ok("case", "export", "--format", "xlsx", "-o", str(book))
    sheet = load_workbook(book).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "dermavigil line listing"
    assert sum(1 for v in values if v and str(v[0]).startswith("DV-")) == 230
    refused = runner.invoke(app, ["case", "export", "--format", "e2b"])
    assert refused.exit_code != 0
