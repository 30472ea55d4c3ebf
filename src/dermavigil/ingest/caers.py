"""CAERS, the FDA CFSAN Adverse Event Reporting System (foods, supplements, cosmetics).

Two shapes, told apart by the header:

- **openEBGM long form** (``id,var1,var2[,strat1...]``): one row per
  (report, product, MedDRA PT); ``strat1`` holds the sex when it is
  Female/Male;
- **raw CAERS CSV** as FDA publishes it (``RA_Report #``,
  ``PRI_Reported Brand/Product Name``, ``CI_Age at Adverse Event``, ``CI_Age Unit``,
  ``CI_Gender``, ``SYM_One Row Coded Symptoms``... or the same names as R's
  ``read.csv`` mangles them): one row per (report, product); the symptom cell
  holds the report's PTs separated by ``", "``. Optional columns used when
  present: ``RA_CAERS Created Date``, ``AEC_Event Start Date``,
  ``PRI_Product Role``, ``AEC_One Row Outcomes``.

One input is one file; its unit is the file name. Product keys are the
folded brand names (CAERS gives no ingredient); the category is the product
family the name shows, else ``other`` (foods, supplements and cosmetics are
outside the families of :class:`~dermavigil.domain.vocab.ProductCategory`;
FDA's industry name is not kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from dermavigil.domain.vocab import ProductCategory, SeriousnessCriterion
from dermavigil.errors import InputError
from dermavigil.ingest.headers import FileSpec
from dermavigil.ingest.normalize import FOODS, product_key, product_mapping
from dermavigil.ingest.plan import InputPlan, expand_inputs, plan_single_file
from dermavigil.ingest.record import Record, keyed_records
from dermavigil.ingest.rows import csv_rows
from dermavigil.ingest.staging import StageWriter
from dermavigil.ingest.values import (
    age_in_years,
    age_unit,
    gravest,
    parse_us_date,
    partial_date_end,
    sex_code,
)

SOURCE = "caers"
# 6: age_unit; 5: event_date_last; 4: closed remit (no drug or device categories); 3: orphans
PARSER_VERSION = "caers-6"

LONG = ("id", "var1", "var2")
RAW_REPORT = "rareport"
_S = SeriousnessCriterion
OUTCOME_WORDS = {  # phrases of AEC_One Row Outcomes
    "DEATH": _S.death,
    "LIFE THREATENING": _S.life_threatening,
    "HOSPITALIZATION": _S.hospitalisation,
    "DISABILITY": _S.disability,
    "CONGENITAL ANOMALY": _S.congenital_anomaly,
    "REQUIRED INTERVENTION": _S.medically_important,
    "OTHER SERIOUS": _S.medically_important,
}
ROLES = {"SUSPECT": "suspect", "CONCOMITANT": "concomitant"}
LONG_SPEC = FileSpec("CAERS openEBGM", required=LONG)
RAW_SPEC = FileSpec(  # column names as folded by _key
    "raw CAERS",
    required=(RAW_REPORT, "prireportedbrandproductname", "symonerowcodedsymptoms"),
    optional={  # folded name: what will be unknown (FDA's column name)
        "racaerscreateddate": "received dates will be unknown (RA_CAERS Created Date)",
        "aeceventstartdate": "event dates will be unknown (AEC_Event Start Date)",
        "ciageatadverseevent": "ages will be unknown (CI_Age at Adverse Event)",
        "cigender": "sex will be unknown (CI_Gender)",
        "aeconerowoutcomes": "seriousness and outcome will be unknown (AEC_One Row Outcomes)",
        "priproductrole": "every product will be taken as suspect (PRI_Product Role)",
    },
)


def _key(header_name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header_name.lower())


def expand(path: Path) -> list[Path]:
    """A folder gives one input per CSV file in it."""
    return expand_inputs(path, lambda p: p.suffix.lower() == ".csv")


def plan(path: Path) -> InputPlan:
    return plan_single_file(path, lambda n: n.endswith(".csv"), "a CAERS input is one CSV file")


def _outcome(text: str) -> tuple[bool | None, str | None]:
    if not text:
        return None, None
    upper = text.upper()
    hits = [criterion for phrase, criterion in OUTCOME_WORDS.items() if phrase in upper]
    return bool(hits), gravest(hits)


class _Report:
    """Per-report state: written once, products numbered in order of appearance."""

    def __init__(self) -> None:
        self.products: dict[str, int] = {}


def _rows(plan: InputPlan, stage: StageWriter) -> Iterator[tuple[Record, str, bool]]:
    member = plan.members["file"]
    header, rows = csv_rows(member, stage.problems)
    keys = [_key(h) for h in header]
    if all(k in keys for k in LONG):
        long_form = True
    elif RAW_REPORT in keys:
        long_form = False
    else:
        raise InputError(
            f"{member.name}: not CAERS: expected the openEBGM columns id,var1,var2 "
            "or the raw column 'RA_Report #'"
        )
    spec = LONG_SPEC if long_form else RAW_SPEC
    stage.reports_file = member.name
    for rec, rid in keyed_records(
        member, keys, rows, stage, spec.required[0], numeric=False, spec=spec
    ):
        yield rec, rid, long_form


def _report_row(rec: Record, rid: str, long_form: bool) -> dict[str, object]:
    if long_form:
        return {"report_id": rid, "case_id": rid, "sex": sex_code(rec.get("strat1"))}
    serious, outcome = _outcome(rec.get("aeconerowoutcomes"))
    unit = rec.get("ciageunit")
    unit = "" if unit.upper() == "NOT AVAILABLE" else unit
    created = rec.parsed(parse_us_date, "racaerscreateddate", "bad date")
    age = rec.parsed(lambda t: age_in_years(t, unit), "ciageatadverseevent", "bad age")
    return {
        "report_id": rid,
        "case_id": rid,
        "received_date": created,
        "event_date": rec.parsed(parse_us_date, "aeceventstartdate", "bad date"),
        "event_date_last": partial_date_end(rec.get("aeceventstartdate"), parse_us_date),
        "sex": sex_code(rec.get("cigender")),
        "age_years": age,
        "age_unit": age_unit(unit) if age is not None else None,
        "serious": serious,
        "outcome": outcome,
        "_rank_date": created,
    }


def stage(plan: InputPlan, writer: StageWriter) -> None:
    """Parse one CAERS file (either shape) into ``writer``."""
    reports: dict[str, _Report] = {}
    for rec, rid, long_form in _rows(plan, writer):
        report = reports.get(rid)
        if report is None:
            report = reports[rid] = _Report()
            writer.add("reports", _report_row(rec, rid, long_form))
        name = rec.get("var1" if long_form else "prireportedbrandproductname")
        if name and name not in report.products:
            report.products[name] = len(report.products) + 1
            writer.add(
                "report_products",
                {
                    "report_id": rid,
                    "seq": report.products[name],
                    "role": ROLES.get(rec.get("priproductrole").upper(), "suspect"),
                    "product_verbatim": name,
                    "product_key": product_key(name),
                    **product_mapping(name, "", ProductCategory.other, None, FOODS),
                    "_line": rec.line,
                },
            )
        terms = [rec.get("var2")] if long_form else rec.get("symonerowcodedsymptoms").split(", ")
        for term in terms:
            writer.add_reaction(rid, term, rec.line)
