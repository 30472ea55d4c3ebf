"""A MedDRA release supplied by the user (MSSO ASCII layout; a synthetic fixture here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from dermavigil.cli.app import app
from dermavigil.demo import seed_case_text
from dermavigil.errors import InputError
from dermavigil.exchange import codes as c
from dermavigil.terminology.meddra import code_term, read_release

FIXTURE = Path(__file__).parent / "meddra_fixture"
runner = CliRunner()


def test_a_release_reads_current_llts_only() -> None:
    release = read_release(FIXTURE)
    assert release.version == "99.0"
    term = code_term(release, "  skin   NECROSIS ")
    assert term is not None and (term.system, term.code, term.label) == (
        "MedDRA 99.0",
        "90000001",
        "Skin necrosis",
    )
    assert code_term(release, "Skin necrosis old term") is None  # llt_currency N
    assert code_term(release, "skin necrotic") is None  # nothing guessed


def test_a_folder_without_the_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "llt.asc").write_text("1$x$2$$$$$$$Y$$\n")
    with pytest.raises(InputError) as caught:
        read_release(tmp_path)
    assert {p.location for p in caught.value.problems} >= {"pt.asc", "mdhier.asc"}


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def test_load_and_code_a_case_then_e2b_carries_the_llt(dv_home: Path, tmp_path: Path) -> None:
    assert "MedDRA 99.0: 3 current LLTs" in _ok("terminology", "load-meddra", str(FIXTURE))
    seed = tmp_path / "seed.yaml"
    seed.write_text(seed_case_text(), encoding="utf-8")
    _ok("case", "add", str(seed))
    out = _ok("terminology", "code-meddra", "DV-000001", "--by", "coder")
    assert "2 reaction(s) coded to MedDRA 99.0 (version 2)" in out  # "pain", "skin necrosis"
    data = _ok("case", "export", "DV-000001", "--format", "e2b").encode()
    values = etree.fromstring(data).xpath(
        "//h:observation[h:code/@code='29']/h:value", namespaces=c.NS
    )
    coded = {v.get("code"): v.get("codeSystemVersion") for v in values if v.get("code")}
    assert coded == {"90000003": "99.0", "90000001": "99.0"}
    assert sum(1 for v in values if v.get("nullFlavor") == "UNC") == len(values) - 2
