"""Cases built from the real FAERS 2025Q4 sample, and FAERS-style follow-up versions.

The shared sample holds one version per caseid (FDA's quarterly files keep the
latest version only, and none of the shared FAERS/AERS samples overlap), so a
case's second version is derived the way FAERS follow-ups differ from their
initial report: a later FDA receipt date, the drug name re-keyed with its
strength, and for some one more reaction term, the age lost or the country
not re-stated.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dermavigil.domain.case import Case
from dermavigil.domain.rules import parse_case
from dermavigil.errors import InputError

_QUALIFICATION = {
    "MD": "physician",
    "PH": "pharmacist",
    "HP": "other_health_professional",
    "OT": "other_health_professional",
    "LW": "lawyer",
    "CN": "consumer",
}
_AGE_UNIT = {"YR": "year", "MON": "month", "WK": "week", "DY": "day", "HR": "hour", "DEC": "decade"}
_FOLLOW_UP_TERMS = (
    "Condition aggravated",
    "Hospitalisation",
    "Pyrexia",
    "Rash",
    "Fatigue",
    "Nausea",
    "Headache",
)
"""MedDRA PTs a follow-up may add (one per follow-up, cycled so that few share one)."""
_ROLE = {"PS": "suspect", "SS": "suspect", "I": "interacting", "C": "concomitant"}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="$"))


def _date(text: str) -> str | None:
    digits = text.strip().removesuffix(".0")
    if len(digits) in (4, 6, 8) and digits.isdigit() and int(digits[:4]) >= 1900:
        return digits
    return None


def _document(demo: dict[str, str], drugs: list[dict[str, str]], pts: list[str]) -> dict[str, Any]:
    country = demo["reporter_country"].strip()
    age = demo["age"].strip().removesuffix(".0")
    products = []
    for drug in sorted(drugs, key=lambda d: int(d["drug_seq"] or 0)):
        role = _ROLE.get(drug["role_cod"].strip())
        if role is None or not drug["drugname"].strip():
            continue
        products.append(
            {
                "name": drug["drugname"].strip(),
                "active_ingredient": drug["prod_ai"].strip() or None,
                "role": role,
                "category": "drug",
            }
        )
    return {
        "report": {
            "source": "public_database",
            "source_id": demo["primaryid"],
            "reporter": {
                "qualification": _QUALIFICATION.get(demo["occp_cod"].strip()),
                "country": country if len(country) == 2 and country.isalpha() else None,
            },
            "received_date": _date(demo["fda_dt"]),
            "event_date": _date(demo["event_dt"]),
        },
        "patient": {
            "sex": {"M": "male", "F": "female"}.get(demo["sex"].strip()),
            "age": (
                {"value": float(age), "unit": _AGE_UNIT[demo["age_cod"].strip()]}
                if age and demo["age_cod"].strip() in _AGE_UNIT and 0 <= float(age) <= 150
                else None
            ),
        },
        "products": products,
        "reactions": [{"verbatim": pt} for pt in pts],
    }


def faers_documents(folder: Path) -> dict[str, dict[str, Any]]:
    """Case documents of the FAERS quarter in ``folder``, by caseid (distinct rows only).

    Reports without a drug or a reaction, or that fail the E2B minimum criteria
    (no sex, age or other patient identifier), are left out.
    """
    drugs: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for row in _rows(next(folder.glob("DRUG*.txt"))):
        drugs[row["primaryid"]].setdefault(row["drug_seq"], row)
    reactions: dict[str, list[str]] = defaultdict(list)
    for row in _rows(next(folder.glob("REAC*.txt"))):
        if row["pt"].strip() and row["pt"].strip() not in reactions[row["primaryid"]]:
            reactions[row["primaryid"]].append(row["pt"].strip())
    out = {}
    for demo in _rows(next(folder.glob("DEMO*.txt"))):
        pid = demo["primaryid"]
        if not (reactions[pid] and drugs[pid]):
            continue
        document = _document(demo, list(drugs[pid].values()), reactions[pid])
        try:
            as_case(document, demo["caseid"])
        except InputError:
            continue
        out[demo["caseid"]] = document
    return out


def follow_up(document: dict[str, Any], n: int) -> dict[str, Any]:
    """A follow-up version of ``document`` (the n-th: which facts change varies with n)."""
    new = {**document, "report": {**document["report"]}, "patient": {**document["patient"]}}
    received = document["report"]["received_date"]
    if received and len(received) == 8:
        day = date(int(received[:4]), int(received[4:6]), int(received[6:]))
        new["report"]["received_date"] = (day + timedelta(days=30 + n % 60)).isoformat()
    new["report"]["source_id"] = f"{document['report']['source_id']}-fu"
    first = document["products"][0]
    new["products"] = [{**first, "name": f"{first['name']} 10 MG"}, *document["products"][1:]]
    if n % 3 == 0:
        new["reactions"] = [*document["reactions"], {"verbatim": _FOLLOW_UP_TERMS[n % 7]}]
    if n % 4 == 1 and document["patient"]["sex"]:
        new["patient"]["age"] = None
    if n % 4 == 2 and document["report"]["reporter"]["qualification"]:
        new["report"]["reporter"] = {**document["report"]["reporter"], "country": None}
    return new


def as_case(document: dict[str, Any], case_id: str) -> Case:
    """The validated case of ``document`` under ``case_id``."""
    return parse_case({**document, "case_id": case_id}, record=case_id)
