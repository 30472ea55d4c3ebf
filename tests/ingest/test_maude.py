"""MAUDE import on hand-made filler fixtures laid out as FDA's bulk files and openFDA JSON.

``tests/data/ingest/maude`` (our own sentences; MAUDE holds no filler report offline):

- ``mdrfoi2023.txt`` (82 upper-case columns): 6 rows; key ``ABC123`` is rejected, 9100006
  has a bad date (repaired to null); ``mdrfoiChange.txt``: 9100002 changed from malfunction
  to injury (date_changed 09/01/2023);
- ``DEVICE2023.txt`` (31 columns): 7 rows; 9100004 has two devices, 9100007 is only in the
  device file, 9100008 has no name and no product code (rejected); ``deviceChange.txt``:
  9100002's brand renamed;
- ``foitext2023.txt`` (no header: the standard layout): 5 rows, one without a key (rejected),
  one manufacturer narrative (N, not coded), one with ``|`` inside the text;
- ``patientproblemcode.txt`` (lower-case header): 3 codes; ``patient2023.txt``: 2 rows;
- ``device_event_fillers.json`` (openFDA device/event): 9100010 (Belotero, two patient
  problems, one narrative) and 9100011 (a device without a name: rejected).

Reports kept: 9100001-4, 9100006 (mdrfoi), 9100007 (device only), 9100010-11 (JSON) = 8;
superseded: 5 device-file stubs of keys with an mdrfoi row + 9100002's first mdrfoi row = 6.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa

from dermavigil.ingest.runner import run_import
from dermavigil.settings import Settings
from dermavigil.store.layout import current_generation

FIXTURES = Path(__file__).parents[1] / "data" / "ingest" / "maude"
Tables = Callable[[Settings, str], dict[str, pa.Table]]


def _by_key(table: pa.Table, key: str = "report_id") -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in table.to_pylist():
        out.setdefault(row[key], []).append(row)
    return out


def test_fixture_counts_latest_supplement_and_mapping(settings: Settings, tables: Tables) -> None:
    summary = run_import(settings, "maude", [FIXTURES])
    assert summary.inputs_added == 8
    assert summary.rows_read == {
        "mdrfoi2023.txt": 6, "mdrfoiChange.txt": 1, "DEVICE2023.txt": 7, "deviceChange.txt": 1,
        "foitext2023.txt": 5, "patientproblemcode.txt": 3, "patient2023.txt": 2,
        "device_event_fillers.json": 2,
    }  # fmt: skip
    assert (summary.reports_read, summary.reports_kept, summary.versions_superseded) == (14, 8, 6)
    assert summary.product_rows == 7
    rejected = {(p.file, p.line, p.field) for p in summary.problems if not p.repaired}
    assert rejected == {
        ("mdrfoi2023.txt", 6, "mdr_report_key"),
        ("DEVICE2023.txt", 8, "brand_name"),
        ("foitext2023.txt", 5, "mdr_report_key"),
        ("device_event_fillers.json", 2, "device[1]"),
    }
    repaired = {(p.file, p.line, p.field) for p in summary.problems if p.repaired}
    assert repaired == {("mdrfoi2023.txt", 7, "date_received")}

    t = tables(settings, "maude")
    reports = {r["report_id"]: r for r in t["reports"].to_pylist()}
    assert sorted(reports) == [
        "9100001", "9100002", "9100003", "9100004", "9100006", "9100007", "9100010", "9100011",
    ]  # fmt: skip
    assert reports["9100002"]["serious"] is True  # the change file's injury wins
    assert reports["9100004"]["outcome"] == "death"
    assert reports["9100006"]["received_date"] is None and reports["9100006"]["serious"] is None
    assert reports["9100007"]["version"] == 0  # known from its device row only
    assert (reports["9100010"]["sex"], reports["9100010"]["age_years"]) == ("F", 52.0)
    assert reports["9100011"]["serious"] is False

    products = _by_key(t["report_products"])
    assert [p["product_verbatim"] for p in products["9100002"]] == [
        "RESTYLANE LYFT WITH LIDOCAINE"
    ]  # deviceChange.txt replaces DEVICE2023.txt's row
    assert products["9100002"][0]["manufacturer"] == "GALDERMA LABORATORIES"
    mapped = {
        rid: (
            rows[0]["entry"],
            rows[0]["category"],
            rows[0]["regulatory_class"],
            rows[0]["product_code"],
        )
        for rid, rows in products.items()
    }
    assert mapped == {
        "9100001": ("juvederm-voluma-xc", "ha_filler", "device", "LMH"),
        "9100002": ("restylane-lyft", "ha_filler", "device", "LMH"),
        "9100003": ("radiesse", "caha", "device", "LMH"),
        "9100004": ("sculptra", "plla", "device", "LMH"),
        "9100007": ("bellafill", "pmma", "device", "LMH"),
        "9100010": ("belotero-balance", "ha_filler", "device", "LMH"),
    }
    assert [p["product_verbatim"] for p in products["9100004"]] == [
        "SCULPTRA AESTHETIC", "CANNULA, BLUNT TIP",
    ]  # fmt: skip

    reactions = _by_key(t["report_reactions"])
    codes = {rid: {r["code"] for r in rows} for rid, rows in reactions.items()}
    assert {"FDA-PPC:1729", "FDA-PPC:2199", "HP:0000969"} <= codes["9100001"]  # swelling
    assert {"FDA-PPC:1729", "HP:0200036"} <= codes["9100003"]  # nodule, '|' in the text
    assert "HP:0033126" in codes["9100004"]  # skin necrosis
    terms = {r["term_verbatim"] for r in reactions["9100010"]}
    assert {"Swelling/ Edema", "Pain"} <= terms
    assert "HP:0031364" in codes["9100010"]  # bruising, from the JSON narrative
    assert "9100002" not in reactions  # no narrative, no problem code
    assert not any("lot record" in r["term_verbatim"] for rows in reactions.values() for r in rows)


def test_reimport_is_idempotent_and_order_free(settings: Settings, tables: Tables) -> None:
    files = sorted(FIXTURES.iterdir())
    run_import(settings, "maude", list(reversed(files)))
    first = current_generation(settings.store_dir, "maude")
    before = tables(settings, "maude")
    again = run_import(settings, "maude", [FIXTURES])
    assert (again.inputs_added, again.inputs_reused) == (0, 8)
    assert current_generation(settings.store_dir, "maude") == first
    assert tables(settings, "maude") == before


def _src() -> Path:
    return Path(__file__).parents[2] / "src"


def test_a_kill_during_import_leaves_the_store_as_it_was(
    settings: Settings, tables: Tables, tmp_path: Path
) -> None:
    run_import(settings, "maude", [FIXTURES / "mdrfoi2023.txt", FIXTURES / "DEVICE2023.txt"])
    live = current_generation(settings.store_dir, "maude")
    before = tables(settings, "maude")
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "import dermavigil.ingest.maude as maude\n"
        "from dermavigil.ingest.runner import run_import\n"
        "from dermavigil.settings import load_settings\n"
        "def stuck(text):\n"
        "    print('inside', flush=True)\n"
        "    time.sleep(120)\n"
        "maude.narrative_reactions = stuck\n"
        "run_import(load_settings(), 'maude', [Path(sys.argv[1])])\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(FIXTURES)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(_src()), "DERMAVIGIL_HOME": str(settings.home)},
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "inside"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(30)
    assert current_generation(settings.store_dir, "maude") == live
    assert tables(settings, "maude") == before
    after = run_import(settings, "maude", [FIXTURES])  # the dead import's lock is free
    assert after.reports_kept == 8


def test_narrative_coding_keeps_asserted_reactions_not_indications() -> None:
    from dermavigil.ingest.maude_narratives import narrative_reactions

    assert (
        narrative_reactions(
            "IT WAS REPORTED THAT THE SYSTEM FAILED. NO PATIENT INJURY WAS REPORTED."
        )
        == []
    )
    found = narrative_reactions(
        "I HAD AN INGUINAL HERNIA REPAIR WITH MESH. AFTER SURGERY I DEVELOPED FEVER AND "
        "CONSTIPATION. THERE WAS NO INFECTION."
    )
    codes = {r.code for r in found}
    assert {"HP:0001945", "HP:0002019"} <= codes  # fever, constipation
    assert "HP:0000023" not in codes  # the inguinal hernia was what the mesh repaired
    assert not any("infection" in r.verbatim for r in found)  # negated
    assert all(r.span is not None for r in found)
