"""VAERS yearly data files (CDC/FDA ``<YYYY>VAERSData.zip``).

One input is one year: the zip or a folder holding ``<YYYY>VAERSDATA.csv``,
``<YYYY>VAERSVAX.csv`` and ``<YYYY>VAERSSYMPTOMS.csv`` (quoted CSV; other text
around the names, such as ``_first10``, is allowed). Columns are read by name,
so the 2014 release (29 DATA columns, ``VAX_DOSE``) and the current one (35
columns, ``VAX_DOSE_SERIES``, ``BIRTH_DEFECT``...) both load. DATA of 2000 and
2002-2006 is Windows-1252 (see :mod:`dermavigil.ingest.rows`).

Mapping: one report per DATA row (``report_id`` = ``case_id`` = VAERS_ID; VAERS
has no versions); ``received_date`` RECVDATE, ``event_date`` ONSET_DATE;
``region`` STATE; ``manufacturer_number`` SPLTTYPE; ``narrative`` SYMPTOM_TEXT (the
report's own text); ``age_years`` AGE_YRS, else CAGE_YR + CAGE_MO (the computed age;
CAGE_MO holds the fraction of a year, e.g. ".7" beside AGE_YRS 1.6); ``serious`` when
DIED, L_THREAT, HOSPITAL, X_STAY, DISABLE or BIRTH_DEFECT is ``Y`` (21 CFR 600.80
criteria); ``outcome`` the gravest of them. Each VAX row is a suspect product whose key
is the vaccine type (``VAX_TYPE``, e.g. ``FLU3``, the level at which VAERS is analysed),
with ``VAX_NAME`` verbatim and ``lot`` VAX_LOT. Each of SYMPTOM1..SYMPTOM5 of every
SYMPTOMS row is a reaction (reports with more than five terms continue on further rows),
with ``onset_days`` = NUMDAYS.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from dermavigil.domain.vocab import ProductCategory, SeriousnessCriterion
from dermavigil.ingest.files import Member
from dermavigil.ingest.headers import ID, NUMBER, US_DATE, US_STATE, FileSpec
from dermavigil.ingest.normalize import fold_text, route_key
from dermavigil.ingest.plan import InputPlan, expand_inputs, plan_file_set
from dermavigil.ingest.record import Record, keyed_records
from dermavigil.ingest.rows import csv_rows
from dermavigil.ingest.staging import StageWriter
from dermavigil.ingest.values import (
    MAX_AGE_YEARS,
    parse_float,
    parse_us_date,
    partial_date_end,
    sex_code,
)

SOURCE = "vaers"
# 6: narrative; 5: event_date_last; 4: manufacturer_number; 3: region and lot; 2: orphans, warnings
PARSER_VERSION = "vaers-6"

_NAME = re.compile(
    r"^(?P<unit>\d{4})VAERS(?P<kind>DATA|VAX|SYMPTOMS)(?![A-Za-z]).*\.csv$", re.IGNORECASE
)
OUTCOMES = (  # gravest first
    ("DIED", SeriousnessCriterion.death.value),
    ("L_THREAT", SeriousnessCriterion.life_threatening.value),
    ("HOSPITAL", SeriousnessCriterion.hospitalisation.value),
    ("X_STAY", SeriousnessCriterion.hospitalisation.value),
    ("DISABLE", SeriousnessCriterion.disability.value),
    ("BIRTH_DEFECT", SeriousnessCriterion.congenital_anomaly.value),
)
SYMPTOM_SLOTS = 5  # SYMPTOM1..5 per row


def expand(path: Path) -> list[Path]:
    """A folder of yearly zips gives one input per zip; anything else is one input."""
    return expand_inputs(path, lambda p: p.suffix.lower() == ".zip")


def plan(path: Path) -> InputPlan:
    """Find the year's DATA, VAX and SYMPTOMS files."""
    return plan_file_set(
        path,
        _NAME,
        ("DATA", "VAX", "SYMPTOMS"),
        "a VAERS year (2004VAERSDATA.csv, 2004VAERSVAX.csv, 2004VAERSSYMPTOMS.csv)",
    )


_LATER = "(a column of later VAERS releases)"
SPECS = {
    "DATA": FileSpec(
        "VAERS DATA",
        required=("VAERS_ID", "RECVDATE"),
        optional={
            "AGE_YRS": "ages will be unknown where CAGE_YR is absent",
            "SEX": "sex will be unknown",
            "ONSET_DATE": "event dates will be unknown",
            "NUMDAYS": "onset intervals will be unknown",
            **{name: "that seriousness flag will be unknown" for name, _ in OUTCOMES[:5]},
            "BIRTH_DEFECT": f"congenital anomalies will be unknown {_LATER}",
        },
        looks={"VAERS_ID": ID, "RECVDATE": US_DATE, "STATE": US_STATE, "AGE_YRS": NUMBER},
    ),
    "VAX": FileSpec(
        "VAERS VAX",
        required=("VAERS_ID", "VAX_TYPE"),
        optional={
            "VAX_NAME": "vaccine names will be unknown (the vaccine type is kept)",
            "VAX_ROUTE": "routes of administration will be unknown",
            "VAX_LOT": "lot numbers will be unknown",
        },
        looks={"VAERS_ID": ID},
    ),
    "SYMPTOMS": FileSpec(
        "VAERS SYMPTOMS",
        required=("VAERS_ID", *(f"SYMPTOM{i}" for i in range(1, SYMPTOM_SLOTS + 1))),
        looks={"VAERS_ID": ID},
    ),
}


def _records(member: Member, kind: str, stage: StageWriter) -> Iterator[tuple[Record, str]]:
    header, rows = csv_rows(member, stage.problems)
    yield from keyed_records(
        member, [h.upper() for h in header], rows, stage, "VAERS_ID", spec=SPECS[kind]
    )


def _age(rec: Record) -> float | None:
    age = rec.parsed(parse_float, "AGE_YRS", "bad age")
    if age is None:
        years = rec.parsed(parse_float, "CAGE_YR", "bad age")
        months = rec.parsed(parse_float, "CAGE_MO", "bad age")
        if years is not None or months is not None:
            age = (years or 0.0) + (months or 0.0)
    if age is not None and not 0.0 <= age <= MAX_AGE_YEARS:
        rec.problems.repair(
            rec.file, rec.line, "AGE_YRS", "bad age", f"{age} outside 0-{MAX_AGE_YEARS:g}"
        )
        return None
    return age


def _stage_data(member: Member, stage: StageWriter) -> dict[str, float | None]:
    onset: dict[str, float | None] = {}
    stage.reports_file = member.name
    for rec, vid in _records(member, "DATA", stage):
        flags = {name for name, _ in OUTCOMES if rec.get(name).upper() == "Y"}
        onset[vid] = rec.parsed(parse_float, "NUMDAYS", "bad number")
        received = rec.parsed(parse_us_date, "RECVDATE", "bad date")
        stage.add(
            "reports",
            {
                "report_id": vid,
                "case_id": vid,
                "received_date": received,
                "event_date": rec.parsed(parse_us_date, "ONSET_DATE", "bad date"),
                "event_date_last": partial_date_end(rec.get("ONSET_DATE"), parse_us_date),
                "region": rec.get("STATE").upper() or None,
                "manufacturer_number": rec.get("SPLTTYPE") or None,
                "narrative": rec.get("SYMPTOM_TEXT") or None,
                "sex": sex_code(rec.get("SEX")),
                "age_years": _age(rec),
                "serious": bool(flags),
                "outcome": next((word for name, word in OUTCOMES if name in flags), None),
                "_rank_date": received,
            },
        )
    return onset


def _stage_vax(member: Member, stage: StageWriter) -> None:
    seqs: dict[str, int] = {}
    for rec, vid in _records(member, "VAX", stage):
        vax_type, name = rec.get("VAX_TYPE"), rec.get("VAX_NAME")
        key = fold_text(vax_type) or fold_text(name)
        if not key:
            rec.reject("VAX_TYPE", "blank product name")
            continue
        seqs[vid] = seqs.get(vid, 0) + 1
        stage.add(
            "report_products",
            {
                "report_id": vid,
                "seq": seqs[vid],
                "role": "suspect",
                "product_verbatim": name or vax_type,
                "product_key": key,
                "category": ProductCategory.vaccine.value,
                "route": route_key(rec.get("VAX_ROUTE")),
                "lot": rec.get("VAX_LOT") or None,
                "_line": rec.line,
            },
        )


def _stage_symptoms(member: Member, stage: StageWriter, onset: dict[str, float | None]) -> None:
    for rec, vid in _records(member, "SYMPTOMS", stage):
        for slot in range(1, SYMPTOM_SLOTS + 1):
            stage.add_reaction(vid, rec.get(f"SYMPTOM{slot}"), rec.line, onset.get(vid))


def stage(plan: InputPlan, writer: StageWriter) -> None:
    """Parse one VAERS year into ``writer``."""
    onset = _stage_data(plan.members["DATA"], writer)
    _stage_vax(plan.members["VAX"], writer)
    _stage_symptoms(plan.members["SYMPTOMS"], writer, onset)
