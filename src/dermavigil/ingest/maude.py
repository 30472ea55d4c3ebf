"""MAUDE, FDA's medical device reports: bulk text files and openFDA device/event JSON.

In the US, hyaluronic-acid, CaHA, PLLA and PMMA fillers are devices (product
code LMH): their adverse events are in MAUDE, not FAERS. One input is one file
(:mod:`.maude_files` says which kind each file is and how it is read, streamed
line by line); a source's reports are assembled across files by MDR report key
when the store is rebuilt (``ACROSS_UNITS``: products and reactions of a report
may come from files other than its ``mdrfoi`` row).

Mapping (``report_id`` = ``case_id`` = ``MDR_REPORT_KEY``):

- ``mdrfoi``: ``received_date`` = ``DATE_RECEIVED``, ``event_date`` =
  ``DATE_OF_EVENT``, ``country`` = ``REPORTER_COUNTRY_CODE``; ``EVENT_TYPE``
  D (death) and IN/IL/IJ (injury) are serious, M (malfunction) and O (other)
  are not, ``*`` unknown; ``outcome`` death for D; ``reporter_type`` from
  ``REPORTER_OCCUPATION_CODE`` (001 physician, 0HP/002/1xx health professional,
  0LP lay user). The latest record of a key wins: ``DATE_CHANGED`` (else
  ``DATE_RECEIVED``), then the later file (thru < yearly < add < change).
- ``foidev``/``DEVICE``: one product per device (``DEVICE_SEQUENCE_NO``), role
  suspect, verbatim the brand name (else the generic name, else the product
  code), with ``product_code`` (``DEVICE_REPORT_PRODUCT_CODE``, e.g. LMH) and
  ``manufacturer`` (``MANUFACTURER_D_NAME``); catalogue entry and category from
  the brand, then the generic name (devices first). A key seen only in device
  files still gets a report (its ``DATE_RECEIVED``), ranked below an ``mdrfoi`` row.
- ``patientproblemcode``: each code a reaction ``patient problem code NNNN``
  (``code`` = ``FDA-PPC:NNNN``); FDA's code-to-term table is not at hand.
- ``foitext``: event descriptions (type D) coded into reactions by
  :mod:`.maude_narratives` (HPO).
- ``patient`` and ``foidevproblem`` rows are counted, not stored (the store has
  no place for patient outcome sequences or device problem codes).
- openFDA ``device/event`` JSON (``{"results": [...]}``, a bare array or one
  record): the same fields by their openFDA names, ``patient[].patient_problems``
  as reactions and ``mdr_text[]`` narratives coded as above.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dermavigil.domain.vocab import ProductCategory
from dermavigil.errors import InputError
from dermavigil.ingest.files import Member, json_document, members
from dermavigil.ingest.maude_files import file_kind, pipe_rows, unit_rank
from dermavigil.ingest.maude_narratives import NARRATIVE_TYPES, narrative_reactions
from dermavigil.ingest.normalize import DEVICES, product_key, product_mapping, term_key
from dermavigil.ingest.plan import InputPlan, expand_inputs
from dermavigil.ingest.record import Record, keyed_records
from dermavigil.ingest.staging import StageWriter
from dermavigil.ingest.values import (
    age_in_years,
    parse_compact_date,
    parse_int,
    parse_us_date,
    sex_code,
)

SOURCE = "maude"
PARSER_VERSION = "maude-1"
ACROSS_UNITS = True
"""Rebuild rule: a report's products and reactions are taken from any file (the
latest file holding them), not only from the file of its report row."""

SERIOUS = {"D": True, "IN": True, "IL": True, "IJ": True, "M": False, "O": False}
EVENT_WORDS = {"death": "D", "injury": "IN", "malfunction": "M", "other": "O"}
REPORTERS = {"001": "physician", "0LP": "consumer", "0HP": "other_health_professional"}
INT32_MAX = 2**31 - 1


def _is_input(path: Path) -> bool:
    name = path.name.lower()
    return file_kind(path.name) is not None or ".json" in name


def expand(path: Path) -> list[Path]:
    """A folder gives one input per MAUDE file (or openFDA JSON file) in it."""
    return expand_inputs(path, _is_input)


def plan(path: Path) -> InputPlan:
    found = [m for m in members(path) if file_kind(m.basename) or ".json" in m.basename.lower()]
    if len(found) != 1:
        raise InputError(
            f"{path}: a MAUDE input is one file: mdrfoi*, foidev*/DEVICE*, patient*, "
            "patientproblemcode*, foitext* (pipe-delimited) or openFDA device/event JSON"
        )
    member = found[0]
    kind = file_kind(member.basename) or "json"
    rank = "2json" if kind == "json" else unit_rank(member.basename)
    return InputPlan(path=path, unit=f"{rank} {member.basename}", members={kind: member})


def _reporter(code: str) -> str | None:
    if code in REPORTERS:
        return REPORTERS[code]
    if code == "002" or (len(code) == 3 and code.startswith("1")):
        return "other_health_professional"
    return None


def _event(code: str) -> tuple[bool | None, str | None]:
    code = EVENT_WORDS.get(code.strip().lower(), code.strip().upper())
    return SERIOUS.get(code), "death" if code == "D" else None


def _report(rid: str, rec: Record) -> dict[str, Any]:
    received = rec.parsed(parse_us_date, "date_received", "bad date")
    changed = rec.parsed(parse_us_date, "date_changed", "bad date")
    serious, outcome = _event(rec.get("event_type"))
    return {
        "report_id": rid,
        "case_id": rid,
        "version": 1,
        "received_date": received,
        "event_date": rec.parsed(parse_us_date, "date_of_event", "bad date"),
        "country": rec.get("reporter_country_code") or None,
        "serious": serious,
        "outcome": outcome,
        "reporter_type": _reporter(rec.get("reporter_occupation_code")),
        "_rank_date": changed or received,
    }


def _device(rid: str, seq: int | None, fields: dict[str, str], line: int) -> dict[str, Any] | None:
    brand, generic = fields.get("brand_name", ""), fields.get("generic_name", "")
    code = fields.get("device_report_product_code", "").upper()
    code = "" if code in ("*", "") else code
    verbatim = brand or generic or (f"product code {code}" if code else "")
    if not verbatim:
        return None
    mapping = product_mapping(brand, generic, ProductCategory.other, None, DEVICES)
    return {
        "report_id": rid,
        "seq": seq if seq is not None and 0 <= seq <= INT32_MAX else None,
        "role": "suspect",
        "product_verbatim": verbatim,
        "product_key": product_key(brand or generic) or code.lower(),
        **mapping,
        "product_code": code or None,
        "manufacturer": fields.get("manufacturer_d_name") or None,
        "_line": line,
    }


def _add_narrative(writer: StageWriter, rid: str, text: str, line: int) -> None:
    for reaction in narrative_reactions(text):
        key = term_key(reaction.label or reaction.verbatim)
        writer.add(
            "report_reactions",
            {
                "report_id": rid,
                "term_verbatim": reaction.verbatim,
                "term_key": key,
                "code": reaction.code,
                "_line": line,
            },
        )


def _add_problem(writer: StageWriter, rid: str, term: str, code: str | None, line: int) -> None:
    writer.add(
        "report_reactions",
        {"report_id": rid, "term_verbatim": term, "term_key": term_key(term), "code": code,
         "_line": line},
    )  # fmt: skip


def _stage_bulk(member: Member, kind: str, writer: StageWriter) -> None:
    header, rows = pipe_rows(member, kind, writer.problems)
    stubs: set[str] = set()
    for rec, rid in keyed_records(member, header, rows, writer, "mdr_report_key"):
        if kind == "mdrfoi":
            writer.add("reports", _report(rid, rec))
        elif kind == "device":
            seq = rec.parsed(parse_int, "device_sequence_no", "bad number")
            row = _device(rid, seq, {n: rec.get(n) for n in header}, rec.line)
            if row is None:
                rec.reject("brand_name", "blank device name", "no brand, generic name or code")
                continue
            writer.add("report_products", row)
            if rid not in stubs:
                stubs.add(rid)
                received = rec.parsed(parse_us_date, "date_received", "bad date")
                writer.add(
                    "reports",
                    {"report_id": rid, "case_id": rid, "version": 0, "received_date": received,
                     "_rank_date": received},
                )  # fmt: skip
        elif kind == "patient_problem":
            code = rec.get("problem_code")
            if code:
                _add_problem(
                    writer, rid, f"patient problem code {code}", f"FDA-PPC:{code}", rec.line
                )
        elif kind == "text" and rec.get("text_type_code") in NARRATIVE_TYPES:
            _add_narrative(writer, rid, rec.get("text"), rec.line)
        # patient and device_problem rows: counted by keyed_records, not stored


def _load_json(member: Member) -> list[Any]:
    doc = json_document(member)
    if isinstance(doc, dict) and "results" in doc:
        doc = doc["results"]
    if isinstance(doc, dict) and "mdr_report_key" in doc:
        doc = [doc]
    if not isinstance(doc, list):
        raise InputError(f"{member.name}: no 'results' array of device reports")
    return doc


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _stage_json(member: Member, writer: StageWriter) -> None:
    log = writer.problems
    for index, rep in enumerate(_load_json(member), start=1):
        writer.rows_read[member.basename] += 1
        rid = _text(rep.get("mdr_report_key")) if isinstance(rep, dict) else ""
        if not rid.isdigit():
            log.reject(
                member.name, index, "mdr_report_key", "bad report id", repr(rid) or "missing"
            )
            continue
        received = parse_compact_date(_text(rep.get("date_received")))
        changed = parse_compact_date(_text(rep.get("date_changed")))
        serious, outcome = _event(_text(rep.get("event_type")))
        patients = [p for p in rep.get("patient") or [] if isinstance(p, dict)]
        first = patients[0] if patients else {}
        writer.add(
            "reports",
            {
                "report_id": rid,
                "case_id": rid,
                "version": 1,
                "received_date": received,
                "event_date": parse_compact_date(_text(rep.get("date_of_event"))),
                "country": _text(rep.get("reporter_country_code")) or None,
                "sex": sex_code(_text(first.get("patient_sex"))),
                "age_years": _age(_text(first.get("patient_age"))),
                "serious": serious,
                "outcome": outcome,
                "reporter_type": _reporter(_text(rep.get("reporter_occupation_code"))),
                "_rank_date": changed or received,
            },
        )
        for seq, device in enumerate(rep.get("device") or [], start=1):
            fields = {k: _text(v) for k, v in device.items() if isinstance(v, str)}
            number = parse_int(fields.get("device_sequence_number", "")) or seq
            row = _device(rid, number, fields, index)
            if row is None:
                log.reject(member.name, index, f"device[{seq}]", "blank device name")
            else:
                writer.add("report_products", row)
        for patient in patients:
            for problem in patient.get("patient_problems") or []:
                if _text(problem):
                    _add_problem(writer, rid, _text(problem), None, index)
        for text in rep.get("mdr_text") or []:
            if isinstance(text, dict) and _text(text.get("text_type_code")) in NARRATIVE_TYPES:
                _add_narrative(writer, rid, _text(text.get("text")), index)


def _age(text: str) -> float | None:
    """openFDA ``patient_age`` such as ``"45 YR"``/``"6 MO"`` in years."""
    value, _, unit = text.partition(" ")
    units = {"YR": "YR", "YEARS": "YR", "MO": "MON", "MONTHS": "MON", "WK": "WK", "DA": "DY"}
    try:
        return age_in_years(value, units.get(unit.strip().upper(), "YR"))
    except ValueError:
        return None


def stage(plan: InputPlan, writer: StageWriter) -> None:
    """Parse one MAUDE file (any kind) into ``writer``."""
    ((kind, member),) = plan.members.items()
    if kind == "json":
        _stage_json(member, writer)
    else:
        _stage_bulk(member, kind, writer)
