"""The ``extract`` and ``literature`` commands through the real CLI app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dermavigil.cli.app import app

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"
runner = CliRunner()


def test_extract_json_of_the_seed_record(shared_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(shared_dir / "seed" / "case_report.txt"), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"case", "evidence", "partial", "is_series", "warnings", "excluded"}
    assert payload["case"]["products"][0]["route"] == "intradermal"
    assert payload["case"]["report"]["literature"]["doi"] == "10.1111/jocd.16206"
    assert payload["evidence"]["patient.sex"] and payload["partial"] is False


def test_extract_partial_exits_3_with_a_message() -> None:
    result = runner.invoke(app, ["extract", str(DATA / "d10_spanish.txt"), "--json"])
    assert result.exit_code == 3
    assert json.loads(result.stdout)["partial"] is True
    assert "the text is in Spanish, not English" in result.stderr


def test_extract_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\x01\x02")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code != 0
    assert "binary" in str(result.exception)


def test_literature_import_dedupes() -> None:
    biblio = DATA / "biblio"
    result = runner.invoke(
        app, ["literature", "import", str(biblio / "two_records.nbib"),
              str(biblio / "three_records.ris")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "3 unique records, 2 duplicates removed" in result.stdout


@pytest.mark.slow
def test_draft_accept_series(dv_home: Path, shared_dir: Path, tmp_path: Path) -> None:
    seed = shared_dir / "seed" / "case_report.txt"
    result = runner.invoke(app, ["literature", "draft", str(seed), "--by", "reviewer"])
    assert result.exit_code == 0, result.output
    assert "DV-000001" in result.stdout
    listed = runner.invoke(app, ["literature", "series", "--format", "csv"])
    assert listed.stdout.count("\n") == 1  # drafts are not cases yet
    accepted = runner.invoke(app, ["literature", "accept", "DV-000001", "--by", "assessor"])
    assert accepted.exit_code == 0, accepted.output
    out = tmp_path / "series.html"
    made = runner.invoke(
        app, ["literature", "series", "--category", "exosome", "--off-label", "--format", "html",
              "--out", str(out)],
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert "1 cases, 1 patients" in out.read_text() and "DV-000001" in out.read_text()
    none = runner.invoke(app, ["literature", "series", "--category", "ha_filler", "--format", "md"])
    assert "0 cases" in none.stdout


def test_partial_draft_is_not_stored(dv_home: Path) -> None:
    result = runner.invoke(app, ["literature", "draft", str(DATA / "d08_no_adverse_event.txt")])
    assert result.exit_code != 0
    assert "partial" in str(result.exception)


def test_extract_from_a_medline_file_names_the_other_records() -> None:
    result = runner.invoke(app, ["extract", str(DATA / "biblio" / "two_records.nbib"), "--json"])
    payload = json.loads(result.stdout)
    assert payload["case"]["report"]["literature"]["pmid"] == "38411234"
    assert any("2 records" in w for w in payload["warnings"])


def test_extract_many_files_and_a_folder_as_jsonl(tmp_path: Path) -> None:
    first, second = (
        DATA / "d13_nicolau_intramuscular_drug.txt",
        DATA / "d15_glatiramer_subcutaneous.txt",
    )
    result = runner.invoke(app, ["extract", str(first), str(second), "--jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(first), str(second)]
    assert lines[0]["case"]["products"][0]["name"] == "ketoprofen"
    folder = tmp_path / "texts"
    folder.mkdir()
    for path in (first, second, DATA / "d10_spanish.txt"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), "--jsonl"])
    assert result.exit_code == 3  # the Spanish text is partial
    assert len(result.stdout.splitlines()) == 3


def test_literature_screen_gives_a_reason_per_record() -> None:
    result = runner.invoke(
        app, ["literature", "screen", str(DATA / "biblio" / "screening.ris"), "--jsonl"]
    )
    assert result.exit_code == 0, result.output
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [v["relevant"] for v in verdicts] == [False, False, False, True, True, True]
    assert verdicts[0]["reason"] == "a review, not a case report"
    assert verdicts[1]["reason"] == "a study, not a case report"
    assert verdicts[2]["reason"] == "the product was not injected"
    assert verdicts[3]["reason"].startswith("case report: ")
    assert "phosphatidylcholine" in verdicts[3]["reason"]
    # a case report of an injection whose abstract gives no reaction is kept for reading,
    # not screened out: screening errs on inclusion (EMA GVP Module VI.B.1.1.2)
    assert verdicts[4]["reason"] == (
        "a case report naming an injection, to read: no adverse reaction of a patient found"
    )
    # a record in another language is passed to a reader, with the language named
    assert verdicts[5]["reason"].startswith("not screened by the extractor, to read: ")
    assert "Spanish" in verdicts[5]["reason"]


def test_draft_all_screens_and_stores_only_case_reports(dv_home: Path) -> None:
    result = runner.invoke(
        app, ["literature", "draft", "--all", str(DATA / "biblio" / "screening.ris"), "--by", "t"]
    )
    assert result.exit_code == 0, result.output
    summary = "1 drafts stored, 1 partial, 1 to read, 3 records skipped, 0 screened before"
    assert summary in result.stdout
    assert "to read, not drafted: Necrosis cutánea tras una inyección" in result.stdout
    assert "skipped: Injectable fillers and their complications" in result.stdout
    assert "partial, not stored: Lip augmentation with a hyaluronic acid filler" in result.stdout
    listed = runner.invoke(app, ["case", "list", "--status", "draft"])
    assert "DV-000001" in listed.stdout and "DV-000002" not in listed.stdout


def test_a_search_run_again_is_not_drafted_twice_and_the_log_keeps_every_screening(
    dv_home: Path, tmp_path: Path
) -> None:
    """GVP VI.B.1.1.2: a periodic search returns the same articles; each was screened once,
    the log says when, by whom and with what outcome, and --again screens them anew."""
    search = str(DATA / "biblio" / "screening.ris")
    first = runner.invoke(app, ["literature", "draft", "--all", search, "--by", "alice"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["literature", "draft", "--all", search, "--by", "bob"])
    assert second.exit_code == 0, second.output
    seen = "0 drafts stored, 0 partial, 0 to read, 0 records skipped, 6 screened before"
    assert seen in second.stdout
    assert "seen, not screened again: Injectable fillers and their complications" in second.stdout
    assert "screened before: draft stored (DV-000001) on " in second.stdout
    assert "by alice" in second.stdout
    listed = runner.invoke(app, ["case", "list", "--status", "draft"])
    assert "DV-000001" in listed.stdout and "DV-000002" not in listed.stdout

    log = runner.invoke(app, ["literature", "log", "--outcome", "skipped"])
    assert log.exit_code == 0, log.output
    assert "3 of 3 screenings shown" in log.stdout
    out = tmp_path / "log.csv"
    exported = runner.invoke(app, ["literature", "log", "--csv", str(out)])
    assert exported.exit_code == 0, exported.output
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("screened_at_utc,screened_by,outcome,reason,case_id")
    # the second search is documented too: each record it returned has a row of its own
    assert len(rows) == 13 and sum(",DV-000001," in r for r in rows) == 1
    assert sum(",seen,screened before: " in r for r in rows) == 6
    seen_log = runner.invoke(app, ["literature", "log", "--outcome", "seen"])
    assert "6 of 6 screenings shown" in seen_log.stdout

    # --again screens anew what has no draft; the record drafted before keeps its draft
    again = runner.invoke(app, ["literature", "draft", "--all", search, "--by", "bob", "--again"])
    anew = "0 drafts stored, 1 partial, 1 to read, 3 records skipped, 1 screened before"
    assert anew in again.stdout
    assert "drafted before, not drafted twice: " in again.stdout
    listed = runner.invoke(app, ["case", "list", "--status", "draft"])
    assert "DV-000001" in listed.stdout and "DV-000002" not in listed.stdout
    assert "18 of 18 screenings shown" in runner.invoke(app, ["literature", "log"]).stdout


def test_draft_all_names_the_duplicates_it_removed(dv_home: Path) -> None:
    """Records found in two files are screened once; the summary says so, as the web's
    review does, rather than leaving the count short without a word."""
    files = [str(DATA / "biblio" / "two_records.nbib"), str(DATA / "biblio" / "three_records.ris")]
    result = runner.invoke(app, ["literature", "draft", "--all", *files, "--by", "t"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("duplicate, screened once: ") == 2
    assert "(same doi)" in result.stdout and "(same title)" in result.stdout
    assert "2 duplicates removed" in " ".join(result.stdout.split())


def test_literature_log_finds_a_percent_sign_literally(dv_home: Path) -> None:
    """A word searched is matched as typed: "%" or "_" is no wildcard listing everything."""
    search = str(DATA / "biblio" / "screening.ris")
    runner.invoke(app, ["literature", "draft", "--all", search, "--by", "alice"])
    for typed in ("%", "_"):
        found = runner.invoke(app, ["literature", "log", "--find", typed])
        assert "0 of 0 screenings shown" in found.stdout


def test_literature_log_refuses_an_unknown_outcome(dv_home: Path) -> None:
    result = runner.invoke(app, ["literature", "log", "--outcome", "maybe"])
    assert result.exit_code != 0
    assert "outcome" in str(result.exception) or "outcome" in result.output


def test_draft_without_all_takes_one_file() -> None:
    result = runner.invoke(
        app, ["literature", "draft", str(DATA / "d13_nicolau_intramuscular_drug.txt"),
              str(DATA / "d15_glatiramer_subcutaneous.txt")],
    )  # fmt: skip
    assert result.exit_code != 0
    assert "--all" in str(result.exception)


def test_literature_screen_table_shows_each_reason_whole() -> None:
    """The table wraps a long reason (another language: which, and how it was told) rather
    than cutting it."""
    result = runner.invoke(app, ["literature", "screen", str(DATA / "biblio" / "screening.ris")])
    assert result.exit_code == 0, result.output
    jsonl = runner.invoke(
        app, ["literature", "screen", str(DATA / "biblio" / "screening.ris"), "--jsonl"]
    )
    reason = json.loads(jsonl.stdout.splitlines()[5])["reason"]
    assert len(reason) > 80
    why = [line.split("│")[-2] for line in result.stdout.splitlines() if line.count("│") > 2]
    column = "".join(ch for ch in "".join(why) if ch.isalnum())
    assert "".join(ch for ch in reason if ch.isalnum()) in column


def test_literature_log_reads_in_80_columns_with_whole_titles_and_reasons(dv_home: Path) -> None:
    """The log as listed in a terminal: every line within 80 columns, each title and
    reason whole (a seven-column table cut titles at 60 characters and stacked words)."""
    search = str(DATA / "biblio" / "screening.ris")
    runner.invoke(app, ["literature", "draft", "--all", search, "--by", "alice"])
    result = runner.invoke(app, ["literature", "log"])
    assert result.exit_code == 0, result.output
    assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= 80
    flat = " ".join(result.stdout.split())
    title = "Lip augmentation with a hyaluronic acid filler in a 29-year-old woman: a case report"
    assert title in flat
    assert "not screened by the extractor, to read: the text is in Spanish" in flat
