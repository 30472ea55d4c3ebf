"""E2B(R3) acknowledgements: FDA's examples read, ours written, submissions recorded (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dermavigil.cli.app import app
from dermavigil.demo import seed_case_text
from dermavigil.errors import InputError
from dermavigil.exchange.e2b.ack import read_ack, sent_ids, write_ack

runner = CliRunner()


def _ack(paths: list[Path], name: str) -> bytes:
    return (paths[0].parent / name).read_bytes()


def test_fdas_positive_and_negative_acks_are_read(fda_examples: list[Path]) -> None:
    positive = read_ack(_ack(fda_examples, "R3ack-positive.ack"))
    assert (positive.code, positive.sender) == ("AA", "ZZFDA")
    assert [m.code for m in positive.messages] == ["CA"]
    negative = read_ack(_ack(fda_examples, "R3ack-negative.ack"))
    assert negative.code == "AE" and negative.batch_id.startswith("FAERS2022Scenario2")
    [message] = negative.messages
    assert message.code == "CR" and message.report_id == "US-APHARMA-7644554"
    assert "FDA.C.1.7.1" in (message.text or "")


def test_an_icsr_batch_is_not_an_ack(fda_examples: list[Path]) -> None:
    with pytest.raises(InputError, match="not an E2B"):
        read_ack(fda_examples[0].read_bytes())


def test_our_ack_of_a_received_batch_is_schema_valid_and_reads_back(
    fda_examples: list[Path],
) -> None:
    batch = fda_examples[0].read_bytes()
    batch_id, reports = sent_ids(batch)
    written = write_ack(batch, [(reports[0], False, "C.1.4 missing")], sender="DERMAVIGIL")
    answer = read_ack(written)
    assert (answer.batch_id, answer.code, answer.sender) == (batch_id, "AR", "DERMAVIGIL")
    assert [(m.report_id, m.code, m.text) for m in answer.messages] == [
        (reports[0], "CR", "C.1.4 missing")
    ]


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def test_a_submitted_case_records_its_ack(dv_home: Path, tmp_path: Path) -> None:
    seed = tmp_path / "seed.yaml"
    seed.write_text(seed_case_text(), encoding="utf-8")
    _ok("case", "add", str(seed))
    sent = tmp_path / "batch.xml"
    out = _ok("case", "submit", "DV-000001", "--out", str(sent), "--by", "sender")
    assert "status sent" in out
    assert "version 1 to RECEIVER" in _ok("case", "submissions", "DV-000001")
    batch = sent.read_bytes()
    _, [report_id] = sent_ids(batch)
    ack = tmp_path / "answer.ack"
    ack.write_bytes(write_ack(batch, [(report_id, False, "E.i.2.1b required")], sender="ZZFDA"))
    out = _ok("case", "ack", str(ack))
    assert "DV-000001 version 1" in out and "rejected (CR): E.i.2.1b required" in out
    assert "rejected (CR)" in _ok("case", "submissions", "DV-000001")


def test_a_submission_fda_would_reject_is_refused_and_not_recorded(
    dv_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DERMAVIGIL_E2B_RECEIVER", "ZZFDA")
    seed = tmp_path / "seed.yaml"
    seed.write_text(seed_case_text(), encoding="utf-8")
    _ok("case", "add", str(seed))
    result = runner.invoke(app, ["case", "submit", "DV-000001", "--out", str(tmp_path / "b.xml")])
    error = result.exception  # the CLI's main() prints it and exits 2
    assert isinstance(error, InputError) and "nothing was written" in error.message
    assert "E.i.2.1b" in {p.location for p in error.problems}
    assert not (tmp_path / "b.xml").exists()
    assert "no submission recorded" in _ok("case", "submissions", "DV-000001")
