"""openFDA drug/event JSON (https://open.fda.gov/apis/drug/event/).

One input is one file: an API result page (``{"meta": ..., "results": [...]}``)
or a bare ``results`` array, plain or gzip-compressed (``.json`` /
``.json.gz``; bulk download parts ``.json.zip`` are read too). All values are
strings, as openFDA serves them. A page is parsed whole (API pages hold at
most 1,000 reports; bulk parts should be split or unzipped one at a time).

Mapping: ``report_id`` = ``case_id`` = ``safetyreportid``; ``version`` =
``safetyreportversion``; ``received_date`` = ``receivedate`` (first receipt),
``_rank_date`` = ``receiptdate`` (this version); ``country`` =
``occurcountry``, else ``primarysource.reportercountry``; ``sex`` from
``patientsex`` (1 male, 2 female); ``age_years`` from ``patientonsetage`` and
``patientonsetageunit`` (E2B 800-805; ``age_unit`` its name: an age in decades is a
span), ``age_group`` from ``patientagegroup``; ``serious`` = ``serious == "1"``,
``outcome`` the gravest seriousness flag; ``reporter_type`` from
``primarysource.qualification`` (E2B 1-5). Drugs: ``drugcharacterization``
1 suspect, 2 concomitant, 3 interacting; key from ``activesubstancename``
when given; ``category`` as for FAERS; ``route`` the route slug of the E2B code given. Reactions:
``reactionmeddrapt``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dermavigil.domain.vocab import (
    AGE_GROUP_CODES,
    QUALIFICATION_CODES,
    AgeGroup,
    ProductCategory,
    SeriousnessCriterion,
)
from dermavigil.errors import InputError
from dermavigil.ingest.files import Member, json_document
from dermavigil.ingest.normalize import DRUGS, product_key, product_mapping, route_key
from dermavigil.ingest.plan import InputPlan, expand_inputs, plan_single_file
from dermavigil.ingest.problems import ProblemLog, checked
from dermavigil.ingest.staging import StageWriter
from dermavigil.ingest.values import (
    age_in_years,
    age_unit,
    gravest,
    parse_compact_date,
    parse_int,
    sex_code,
)

SOURCE = "openfda"
PARSER_VERSION = "openfda-4"  # 4: age_unit, age_group; 3: stats count orphans

AGE_GROUPS: dict[str, AgeGroup] = {
    code: group for group, code in AGE_GROUP_CODES.items() if group is not AgeGroup.middle_aged
}
"""``patientagegroup`` (E2B(R2) B.1.2.2.1, 1 neonate ... 6 elderly) as age groups."""

ROLES = {"1": "suspect", "2": "concomitant", "3": "interacting"}
SERIOUSNESS = {  # openFDA flag -> E2B criterion
    "seriousnessdeath": SeriousnessCriterion.death,
    "seriousnesslifethreatening": SeriousnessCriterion.life_threatening,
    "seriousnesshospitalization": SeriousnessCriterion.hospitalisation,
    "seriousnessdisabling": SeriousnessCriterion.disability,
    "seriousnesscongenitalanomali": SeriousnessCriterion.congenital_anomaly,
    "seriousnessother": SeriousnessCriterion.medically_important,
}
QUALIFICATIONS = {code: q.value for q, code in QUALIFICATION_CODES.items()}


def expand(path: Path) -> list[Path]:
    """A folder gives one input per JSON file in it."""
    return expand_inputs(path, lambda p: ".json" in p.name.lower())


def plan(path: Path) -> InputPlan:
    return plan_single_file(
        path, lambda n: ".json" in n, "an openFDA input is one JSON file (.json, .json.gz)"
    )


def _load(member: Member) -> list[Any]:
    doc = json_document(member)
    results = doc.get("results") if isinstance(doc, dict) else doc
    if not isinstance(results, list):
        raise InputError(f"{member.name}: no 'results' array of reports")
    return results


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _report(
    rep: dict[str, Any], rid: str, where: tuple[str, int], log: ProblemLog
) -> dict[str, Any]:
    patient = rep.get("patient") or {}
    source = rep.get("primarysource") or {}
    flags = [criterion for key, criterion in SERIOUSNESS.items() if _text(rep.get(key)) == "1"]
    rank = checked(
        parse_compact_date, _text(rep.get("receiptdate")), log, (*where, "receiptdate"), "bad date"
    )
    unit = _text(patient.get("patientonsetageunit"))
    age = checked(
        lambda t: age_in_years(t, unit),
        _text(patient.get("patientonsetage")),
        log,
        (*where, "patientonsetage"),
        "bad age",
    )
    return {
        "report_id": rid,
        "case_id": rid,
        "version": checked(
            parse_int,
            _text(rep.get("safetyreportversion")),
            log,
            (*where, "safetyreportversion"),
            "bad number",
        ),
        "received_date": checked(
            parse_compact_date,
            _text(rep.get("receivedate")),
            log,
            (*where, "receivedate"),
            "bad date",
        ),
        "country": _text(rep.get("occurcountry")) or _text(source.get("reportercountry")) or None,
        "sex": sex_code(_text(patient.get("patientsex"))),
        "age_years": age,
        "age_unit": age_unit(unit) if age is not None else None,
        "age_group": group.value
        if (group := AGE_GROUPS.get(_text(patient.get("patientagegroup"))))
        else None,
        "serious": {"1": True, "2": False}.get(_text(rep.get("serious"))),
        "outcome": gravest(flags),
        "reporter_type": QUALIFICATIONS.get(_text(source.get("qualification"))),
        "literature": _text(source.get("literaturereference")) or None,
        "_rank_date": rank,
    }


def _ingredient(drug: dict[str, Any]) -> str:
    active = drug.get("activesubstance") or {}
    return _text(active.get("activesubstancename")) if isinstance(active, dict) else ""


def stage(plan: InputPlan, writer: StageWriter) -> None:
    """Parse one openFDA page into ``writer`` (``_line`` is the report's index)."""
    member = plan.members["file"]
    log = writer.problems
    writer.reports_file = member.name
    for index, rep in enumerate(_load(member), start=1):
        writer.rows_read[member.basename] += 1
        log.rows[member.name] += 1
        rid = _text(rep.get("safetyreportid")) if isinstance(rep, dict) else ""
        if not rid:
            log.reject(member.name, index, "safetyreportid", "bad report id", "missing")
            continue
        writer.add("reports", _report(rep, rid, (member.name, index), log))
        patient = rep.get("patient") or {}
        for seq, drug in enumerate(patient.get("drug") or [], start=1):
            log.rows[member.name] += 1  # a drug entry is judged as a row of its own
            name, ingredient = _text(drug.get("medicinalproduct")), _ingredient(drug)
            route = route_key(_text(drug.get("drugadministrationroute")))
            role = ROLES.get(_text(drug.get("drugcharacterization")))
            if role is None or not (name or ingredient):
                category = "unknown role" if role is None else "blank product name"
                log.reject(member.name, index, f"drug[{seq}]", category)
                continue
            writer.add(
                "report_products",
                {
                    "report_id": rid,
                    "seq": seq,
                    "role": role,
                    "product_verbatim": name or ingredient,
                    "product_key": product_key(name, ingredient),
                    **product_mapping(name, ingredient, ProductCategory.drug, route, DRUGS),
                    "route": route,
                    "_line": index,
                },
            )
        for reaction in patient.get("reaction") or []:
            writer.add_reaction(rid, _text(reaction.get("reactionmeddrapt")), index)
