"""FAERS / legacy AERS quarterly ASCII extracts (FDA ASC_NTS, rev. January 2025).

One input is one quarter, as FDA's zip (``faers_ascii_2025Q4.zip``,
``aers_ascii_2004q1.zip``) or the folder it was extracted to. Files are
``$``-delimited without quoting; names ``<FILE>yyQq.txt`` in any case.

Eras handled by header name, not position:

- legacy AERS 2004Q1-2012Q3: ``ISR`` (report) and ``CASE``, ``GNDR_COD``,
  ``I_F_COD``, no case version, upper-case terms, a stray ``$`` ending each row,
  ``drug_seq`` a global id;
- FAERS 2012Q4+: ``primaryid`` = caseid || caseversion, ``caseversion``,
  ``init_fda_dt``; 2014Q3 added ``auth_num``, ``lit_ref``, ``age_grp``,
  ``prod_ai``, ``drug_rec_act`` and renamed ``gndr_cod`` to ``sex``; 2024Q4 added
  role ``DN`` (drug not administered, which is skipped: no exposure);
- ``DELETEyyQq.txt`` (no header, one caseid per line) withdraws cases.

Mapping to the store: ``received_date`` = ``init_fda_dt`` (first receipt of the
case; ``fda_dt`` for legacy), ``_rank_date`` = ``fda_dt``; ``country`` =
occurrence country, else reporter country; ``serious`` = any OUTC row (every
OUTC code is a seriousness criterion; unknown, with a warning, for a quarter
without its OUTC file); ``outcome`` = the gravest OUTC code as an
E2B seriousness criterion (RI and OT: medically important);
``literature`` = ``lit_ref`` (or ``"LIT"`` when RPSR says literature);
``manufacturer_number`` = ``mfr_num`` (E2B(R3) C.1.8.1: the sender's case number);
``authority_number`` = ``auth_num`` (the regulatory authority's case number, FAERS
2014Q3 on; E2B(R3) C.1.9.1.r.2 with the authority as its source); a product's
``dose`` = ``dose_amt`` and ``dose_unit`` (E2B(R3) G.k.4.r.1a/b,
:func:`~dermavigil.ingest.values.dose_text`), else the verbatim ``dose_vbm`` (G.k.4.r.8
dosage text, :func:`~dermavigil.ingest.values.verbatim_dose`: legacy AERS has no other),
its ``dose_frequency`` = ``dose_freq`` (the ASC_NTS code, ``QD``, ``BID``), its
``cumulative_dose`` = ``cum_dose_chr`` and ``cum_dose_unit`` (G.k.5a/b), and its ``lot`` =
``lot_num`` (G.k.4.r.7); ``age_unit`` the ``age_cod`` unit (an age in
decades is a span), ``age_group`` = ``age_grp`` (:data:`AGE_GROUPS`); roles
PS/SS suspect, C concomitant, I interacting; ``category`` the aesthetic
product family when the name or ingredient shows one, else ``drug``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from dermavigil.domain.vocab import (
    AgeGroup,
    ProductCategory,
    ReporterQualification,
    SeriousnessCriterion,
)
from dermavigil.ingest.files import Member
from dermavigil.ingest.headers import COMPACT_DATE, ID, FileSpec, one_of
from dermavigil.ingest.normalize import DRUGS, product_key, product_mapping, route_key
from dermavigil.ingest.plan import InputPlan, expand_inputs, plan_file_set
from dermavigil.ingest.record import Record, keyed_records
from dermavigil.ingest.rows import decode_line, dollar_rows
from dermavigil.ingest.staging import StageWriter
from dermavigil.ingest.values import (
    age_in_years,
    age_unit,
    clean_id,
    dose_text,
    parse_compact_date,
    parse_int,
    partial_date_end,
    sex_code,
    verbatim_dose,
)

SOURCE = "faers"
# 9: dose verbatim (dose_vbm) without dose_amt, dose_frequency, cumulative_dose; 8:
# authority_number (auth_num), dose (dose_amt, dose_unit); 7: age_unit, age_group;
# 6: event_date_last; 5: mfr_num; 4: lot (lot_num); 3: serious unknown without OUTC; orphans
PARSER_VERSION = "faers-9"

AGE_GROUPS: dict[str, AgeGroup] = {
    "N": AgeGroup.neonate,
    "I": AgeGroup.infant,
    "C": AgeGroup.child,
    "T": AgeGroup.adolescent,
    "A": AgeGroup.adult,
    "E": AgeGroup.elderly,
}
"""``AGE_GRP`` codes (ASC_NTS, DEMO file, from 2014Q3) as E2B(R3) D.2.2.1 age groups."""

_NAME = re.compile(
    r"^(?P<kind>DEMO|DRUG|REAC|OUTC|RPSR|DELETE)(?P<unit>\d\dQ[1-4])(?:_\w+)?\.TXT$", re.IGNORECASE
)
_ALIASES = {"isr": "primaryid", "case": "caseid", "gndr_cod": "sex", "i_f_cod": "i_f_code"}
ROLES = {"PS": "suspect", "SS": "suspect", "C": "concomitant", "I": "interacting"}
OUTCOMES = {  # gravest first; RI and OT are "other medically important" (ICH E2A)
    "DE": SeriousnessCriterion.death.value,
    "LT": SeriousnessCriterion.life_threatening.value,
    "HO": SeriousnessCriterion.hospitalisation.value,
    "DS": SeriousnessCriterion.disability.value,
    "CA": SeriousnessCriterion.congenital_anomaly.value,
    "RI": SeriousnessCriterion.medically_important.value,
    "OT": SeriousnessCriterion.medically_important.value,
}
OCCUPATIONS = {  # HP (health professional, unspecified) has no E2B code of its own
    "MD": ReporterQualification.physician.value,
    "PH": ReporterQualification.pharmacist.value,
    "OT": ReporterQualification.other_health_professional.value,
    "HP": ReporterQualification.other_health_professional.value,
    "LW": ReporterQualification.lawyer.value,
    "CN": ReporterQualification.consumer.value,
}
INT32_MAX = 2**31 - 1
REQUIRED = ("DEMO", "DRUG", "REAC")


def expand(path: Path) -> list[Path]:
    """A folder holding quarterly zips gives one input per zip; anything else is one input."""
    return expand_inputs(path, lambda p: p.suffix.lower() == ".zip")


def plan(path: Path) -> InputPlan:
    """Find the quarter's files in a zip or folder and check they are one quarter."""
    found = plan_file_set(
        path, _NAME, REQUIRED, "a FAERS/AERS quarter (DEMO25Q4.txt, DRUG25Q4.txt, REAC25Q4.txt...)"
    )
    year, quarter = found.unit.split("Q")
    return InputPlan(path=path, unit=f"20{year}Q{quarter}", members=found.members)


SPECS = {  # columns of every era (after _ALIASES); era-specific ones are read when present
    "DEMO": FileSpec(
        "FAERS DEMO",
        required=("primaryid", "caseid", "fda_dt"),
        optional={
            "event_dt": "event dates will be unknown",
            "age": "ages will be unknown",
            "sex": "sex will be unknown",
            "occp_cod": "reporter qualifications will be unknown",
            "reporter_country": "countries will be unknown where occr_country is absent",
            "auth_num": "authority case numbers will be unknown (a column of FAERS 2014Q3 on)",
        },
        looks={"primaryid": ID, "fda_dt": COMPACT_DATE},
    ),
    "DRUG": FileSpec(
        "FAERS DRUG",
        required=("primaryid", "role_cod", "drugname"),
        optional={
            "route": "routes will be unknown",
            "drug_seq": "product sequence numbers will be unknown",
            "lot_num": "lot numbers will be unknown",
            "dose_amt": "doses will be known only as worded (dose_vbm; FAERS 2012Q4 on)",
            "dose_vbm": "doses will be unknown where dose_amt is absent",
            "dose_freq": "dose frequencies will be unknown (a column of FAERS 2012Q4 on)",
            "cum_dose_chr": "cumulative doses will be unknown (a column of FAERS 2012Q4 on)",
        },
        looks={"primaryid": ID, "role_cod": one_of("PS", "SS", "C", "I", "DN")},
    ),
    "REAC": FileSpec("FAERS REAC", required=("primaryid", "pt"), looks={"primaryid": ID}),
    "OUTC": FileSpec("FAERS OUTC", required=("primaryid", "outc_cod"), looks={"primaryid": ID}),
    "RPSR": FileSpec("FAERS RPSR", required=("primaryid", "rpsr_cod"), looks={"primaryid": ID}),
}
OPTIONAL_FILES = {
    "OUTC": "seriousness and outcome of its reports will be unknown",
    "RPSR": "literature reports will be known only from lit_ref (FAERS 2014Q3 on)",
}


def _records(member: Member, kind: str, stage: StageWriter) -> Iterator[tuple[Record, str]]:
    """Rows of a FAERS file with a valid report id, as ``(record, primaryid)``."""
    header, rows = dollar_rows(member, stage.problems, _ALIASES)
    yield from keyed_records(member, header, rows, stage, "primaryid", spec=SPECS[kind])


def _codes(
    plan: InputPlan, kind: str, column: str, stage: StageWriter
) -> dict[str, set[str]] | None:
    """``primaryid -> codes`` of OUTC or RPSR (``None``, with a warning, if the file is absent)."""
    member = plan.members.get(kind)
    if member is None:
        stage.warnings.append(f"{plan.path}: no {kind} file: {OPTIONAL_FILES[kind]}")
        return None
    codes: dict[str, set[str]] = {}
    for rec, rid in _records(member, kind, stage):
        codes.setdefault(rid, set()).add(rec.get(column).upper())
    return codes


def _report(rec: Record, rid: str, outc: set[str] | None, rpsr: set[str]) -> dict[str, object]:
    fda_dt = rec.parsed(parse_compact_date, "fda_dt", "bad date")
    received = (
        rec.parsed(parse_compact_date, "init_fda_dt", "bad date")
        if rec.has("init_fda_dt")
        else fda_dt
    )
    age = rec.parsed(partial(age_in_years, unit=rec.get("age_cod")), "age", "bad age")
    return {
        "report_id": rid,
        "case_id": clean_id(rec.get("caseid")) or None,
        "version": rec.parsed(parse_int, "caseversion", "bad number"),
        "received_date": received,
        "event_date": rec.parsed(parse_compact_date, "event_dt", "bad date"),
        "event_date_last": partial_date_end(rec.get("event_dt"), parse_compact_date),
        "country": rec.get("occr_country") or rec.get("reporter_country") or None,
        "sex": sex_code(rec.get("sex")),
        "age_years": age,
        "age_unit": age_unit(rec.get("age_cod")) if age is not None else None,
        "age_group": group.value if (group := AGE_GROUPS.get(rec.get("age_grp").upper())) else None,
        "serious": None if outc is None else bool(outc & OUTCOMES.keys()),
        "outcome": next((OUTCOMES[c] for c in OUTCOMES if c in (outc or ())), None),
        "reporter_type": OCCUPATIONS.get(rec.get("occp_cod").upper()),
        "literature": rec.get("lit_ref") or ("LIT" if "LIT" in rpsr else None),
        "manufacturer_number": rec.get("mfr_num") or None,
        "authority_number": rec.get("auth_num") or None,
        "_rank_date": fda_dt,
    }


def _stage_demo(plan: InputPlan, stage: StageWriter) -> None:
    outc = _codes(plan, "OUTC", "outc_cod", stage)
    rpsr = _codes(plan, "RPSR", "rpsr_cod", stage) or {}
    stage.reports_file = plan.members["DEMO"].name
    for rec, rid in _records(plan.members["DEMO"], "DEMO", stage):
        seriousness = None if outc is None else outc.get(rid, set())
        stage.add("reports", _report(rec, rid, seriousness, rpsr.get(rid, set())))


def _stage_drugs(plan: InputPlan, stage: StageWriter) -> None:
    for rec, rid in _records(plan.members["DRUG"], "DRUG", stage):
        code = rec.get("role_cod").upper()
        role = ROLES.get(code)
        if role is None:
            category = "role DN (drug not administered)" if code == "DN" else "unknown role"
            rec.reject("role_cod", category, repr(code))
            continue
        name, ingredient = rec.get("drugname"), rec.get("prod_ai")
        key = product_key(name, ingredient)
        if not key:
            rec.reject("drugname", "blank product name")
            continue
        seq = rec.parsed(parse_int, "drug_seq", "bad number")
        stage.add(
            "report_products",
            {
                "report_id": rid,
                "seq": seq if seq is not None and 0 <= seq <= INT32_MAX else None,
                "role": role,
                "product_verbatim": name or ingredient,
                "product_key": key,
                **product_mapping(
                    name, ingredient, ProductCategory.drug, route_key(rec.get("route")), DRUGS
                ),
                "route": route_key(rec.get("route")),
                "lot": rec.get("lot_num") or None,
                "dose": dose_text(rec.get("dose_amt"), rec.get("dose_unit"))
                or verbatim_dose(rec.get("dose_vbm")),
                "dose_frequency": rec.get("dose_freq").upper() or None,
                "cumulative_dose": dose_text(rec.get("cum_dose_chr"), rec.get("cum_dose_unit")),
                "_line": rec.line,
            },
        )


def _stage_reactions(plan: InputPlan, stage: StageWriter) -> None:
    for rec, rid in _records(plan.members["REAC"], "REAC", stage):
        term = rec.get("pt")
        if not term:
            rec.reject("pt", "blank term")
            continue
        stage.add_reaction(rid, term, rec.line)


def _stage_deletions(member: Member, stage: StageWriter) -> None:
    with member.open() as fh:
        for line, raw in enumerate(fh, start=1):
            text = decode_line(raw)[0].strip().rstrip("$").strip()
            if not text:
                continue
            stage.rows_read[member.basename] += 1
            stage.problems.rows[member.name] += 1
            case = clean_id(text)
            if not case.isdigit():
                stage.problems.reject(member.name, line, "caseid", "bad case id", repr(text))
                continue
            stage.add("deletions", {"case_id": case})


def stage(plan: InputPlan, writer: StageWriter) -> None:
    """Parse one quarter into ``writer``."""
    _stage_demo(plan, writer)
    _stage_drugs(plan, writer)
    _stage_reactions(plan, writer)
    if "DELETE" in plan.members:
        _stage_deletions(plan.members["DELETE"], writer)
