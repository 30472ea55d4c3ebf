"""Seriousness is stated the same way in all six export formats (issue 11).

The seed case has no reporter-marked criterion, yet is serious: its
post-inflammatory hyperpigmentation after skin necrosis is permanent
disfigurement, treated as significant disability (causality.md).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from lxml import etree
from pypdf import PdfReader

from dermavigil.domain import Case
from dermavigil.domain.assessment import Override, assess
from dermavigil.exchange import codes as c
from dermavigil.exchange.cioms import CRITERIA_BOXES
from dermavigil.exchange.formats import EXPORT_FORMATS, export_cases

_BY_CODE = {code: name for name, code in c.SERIOUSNESS_CODES.items()}


def _e2b(data: bytes) -> tuple[bool, set[str]]:
    tree = etree.fromstring(data)
    flags = tree.xpath(
        "//h:observation[h:code/@code='29']/h:outboundRelationship2/h:observation"
        "[h:value/@value='true']/h:code/@code",
        namespaces=c.NS,
    )
    criteria = {_BY_CODE[x] for x in flags if x in _BY_CODE}
    return bool(criteria), criteria


def _fhir(data: bytes) -> tuple[bool, None]:
    bundle = json.loads(data)
    [event] = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "AdverseEvent"
    ]
    code = event["seriousness"]["coding"][0]["code"]
    assert code in ("serious", "non-serious", "Serious", "Non-serious")
    return code.lower() == "serious", None


def _cioms(data: bytes) -> tuple[bool, set[str]]:
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    ticked = {name for name, label in CRITERIA_BOXES.items() if f"[X] {label}" in text}
    assert all(
        f"[ ] {label}" in text for name, label in CRITERIA_BOXES.items() if name not in ticked
    )
    return bool(ticked), ticked


def _csv(data: bytes) -> tuple[bool, set[str]]:
    row = next(csv.DictReader(io.StringIO(data.decode())))
    return row["serious"] == "yes", set(filter(None, row["seriousness"].split(" | ")))


def _json(data: bytes) -> tuple[bool, set[str]]:
    stated = json.loads(data)["derived_seriousness"]
    return stated["serious"], set(stated["criteria"])


READERS = {
    "e2b": _e2b,
    "fhir": _fhir,
    "fhir-r4": _fhir,
    "cioms": _cioms,
    "csv": _csv,
    "json": _json,
}


def test_every_export_format_is_read_here() -> None:
    assert set(READERS) == set(EXPORT_FORMATS)


@pytest.mark.parametrize("with_assessment", [False, True])
def test_seed_case_is_serious_by_disability_in_all_six_formats(
    seed_case: Case, with_assessment: bool
) -> None:
    assessment = assess(seed_case)
    assert assessment.serious
    judged = [assessment] if with_assessment else None
    for fmt, read in READERS.items():
        serious, criteria = read(export_cases([seed_case], fmt, assessments=judged))
        assert serious, fmt
        assert criteria in (None, {"disability"}), (fmt, criteria)


def test_an_assessors_override_decides_in_all_six_formats(seed_case: Case) -> None:
    override = Override(
        target="seriousness.serious", value="false", reason="transient, cosmetic", by="assessor"
    )
    judged = [assess(seed_case, [override])]
    for fmt, read in READERS.items():
        serious, criteria = read(export_cases([seed_case], fmt, assessments=judged))
        assert not serious, fmt
        assert not criteria, fmt


def test_a_case_marked_serious_by_its_reporter_keeps_that_criterion(coded_case: Case) -> None:
    for fmt, read in READERS.items():
        serious, criteria = read(export_cases([coded_case], fmt))
        assert serious, fmt
        assert criteria is None or "medically_important" in criteria, (fmt, criteria)
