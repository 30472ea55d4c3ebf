"""Property: any valid case survives JSON, E2B(R3) and FHIR R5 round trips exactly (hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dermavigil.domain import Case, CodedTerm, Product, Reaction, parse_case
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import (
    ActionTaken,
    AdditionalInformation,
    AgeGroup,
    FindingKind,
    Formulation,
    Outcome,
    ProductCategory,
    RechallengeResult,
    ReporterQualification,
    ReportSource,
    SeriousnessCriterion,
    Sex,
)
from dermavigil.errors import InputError
from dermavigil.exchange.fhir.codes import DEVICE_CATEGORIES
from dermavigil.exchange.formats import export_cases, import_document
from dermavigil.exchange.seriousness import case_seriousness

text = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=24).filter(
    str.strip
)
dates = st.builds(
    lambda y, m, d: (
        f"{y}" if m is None else f"{y}-{m:02d}" if d is None else f"{y}-{m:02d}-{d:02d}"
    ),
    st.integers(1990, 2030),
    st.none() | st.integers(1, 12),
    st.none() | st.integers(1, 28),
)
durations = st.fixed_dictionaries(
    {"value": st.integers(0, 400), "unit": st.sampled_from(["hour", "day", "week", "month"])}
)


def _enum(kind: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([x.value for x in kind])


def _optional(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


codes = st.lists(
    st.fixed_dictionaries(
        {
            "system": st.sampled_from(["HPO 2025-01-16", "MedDRA 27.0", "ICD-10-CM 2025"]),
            "code": st.from_regex(r"\A[A-Z]{0,2}:?[0-9]{3,8}\Z"),
            "label": text,
        }
    ),
    max_size=2,
)
products = st.lists(
    st.fixed_dictionaries(
        {"name": text},
        optional={
            "active_ingredient": text,
            "manufacturer": text,
            "category": _enum(ProductCategory),
            "formulation": _enum(Formulation),
            "approved_routes": st.lists(_enum(Route), max_size=2, unique=True),
            "route": _enum(Route),
            "route_verbatim": text,
            "dose": _optional(
                value=st.integers(1, 500), unit=st.sampled_from(["mg", "mL"]), verbatim=text
            ),
            "lot": text,
            "indication": text,
            "start_date": dates,
            "action_taken": _enum(ActionTaken),
            "rechallenge": _optional(
                done=st.just(True), result=_enum(RechallengeResult), site=text
            ),
            "additional_information": st.lists(
                _enum(AdditionalInformation), max_size=2, unique=True
            ),
            "body_sites": st.lists(text, max_size=2),
        },
    ),
    min_size=1,
    max_size=3,
)
reactions = st.lists(
    st.fixed_dictionaries(
        {"verbatim": text},
        optional={
            "codes": codes,
            "onset_date": dates,
            "onset_latency": durations,
            "onset_text": text,
            "duration": durations,
            "outcome": _enum(Outcome),
            "seriousness": st.lists(_enum(SeriousnessCriterion), max_size=3, unique=True),
            "at_rechallenge": st.booleans(),
            "sequelae": st.lists(text, max_size=1),
            "body_sites": st.lists(text, max_size=2),
        },
    ),
    min_size=1,
    max_size=3,
)
cases = st.fixed_dictionaries(
    {
        "report": st.fixed_dictionaries(
            {
                "source": _enum(ReportSource),
                "reporter": st.fixed_dictionaries(
                    {"country": st.sampled_from(["TH", "US", "FR"])},
                    optional={"qualification": _enum(ReporterQualification), "organisation": text},
                ),
            },
            optional={
                "received_date": dates,
                "source_id": text,
                "literature": st.fixed_dictionaries(
                    {"citation": text}, optional={"doi": st.just("10.1111/jocd.16206")}
                ),
            },
        ),
        "patient": st.fixed_dictionaries(
            {"age_group": _enum(AgeGroup)},
            optional={
                "initials": st.from_regex(r"\A[A-Z][A-Z.]{0,3}\Z"),
                "age": st.fixed_dictionaries(
                    {"value": st.integers(0, 99), "unit": st.sampled_from(["year", "month"])}
                ),
                "sex": _enum(Sex),
                "weight_kg": st.integers(3, 150),
                "medical_history": st.lists(text, max_size=2),
            },
        ),
        "products": products,
        "reactions": reactions,
    },
    optional={
        "findings": st.lists(
            st.fixed_dictionaries(
                {"kind": _enum(FindingKind), "result": text}, optional={"test": text, "date": dates}
            ),
            max_size=2,
        ),
        "treatments": st.lists(
            st.fixed_dictionaries({"drug": text}, optional={"route": _enum(Route)}), max_size=2
        ),
        "narrative": text,
    },
)


def _case(mapping: dict[str, Any]) -> Case:
    mapping["products"][0]["role"] = "suspect"
    try:
        return parse_case(mapping)
    except InputError:
        assume(False)
        raise


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "e2b", "fhir"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mapping=cases)
def test_any_case_round_trips(fmt: str, mapping: dict[str, Any]) -> None:
    case = _case(mapping)
    assert import_document(export_cases([case], fmt)).cases == [case]


def _rechallenge(product: Product) -> object:
    """G.k.9.i.4 as E2B shows it: done and its result (unknown if unsaid), not done, or nothing."""
    rechallenge = product.rechallenge
    if rechallenge is None or rechallenge.done is None:
        return None
    return (rechallenge.result or RechallengeResult.unknown) if rechallenge.done else "not done"


def _meddra_first(reaction: Reaction) -> list[CodedTerm]:
    """E2B sends the MedDRA code in the value and other codes as its translations."""
    return sorted(reaction.codes, key=lambda term: not term.system.startswith("MedDRA"))


def _e2b_held(case: Case) -> dict[str, Any]:
    """The facts E2B(R3) elements hold, with E2B's own coarsening applied."""
    reporter = case.report.reporter
    return {
        "reporter": reporter.model_dump() if reporter else None,
        "received": case.report.received_date,
        "citation": case.report.literature.citation if case.report.literature else None,
        "patient": (
            case.patient.initials,
            case.patient.sex if case.patient.sex != Sex.unknown else None,
            case.patient.age,
            case.patient.weight_kg,
            "adult" if case.patient.age_group == AgeGroup.middle_aged else case.patient.age_group,
        ),
        "products": [
            (
                p.name,
                p.active_ingredient,
                p.manufacturer,
                p.route,
                p.role,
                p.lot,
                p.formulation,
                p.indication,
                p.start_date,
                p.action_taken,
                p.additional_information,
                p.dose.value if p.dose else None,
                p.dose.verbatim if p.dose else None,
                _rechallenge(p),
            )  # fmt: skip
            for p in case.products
        ],
        "reactions": [
            (
                r.verbatim,
                _meddra_first(r),
                r.onset_date,
                r.end_date,
                None if r.end_date else r.duration,
                r.outcome or Outcome.unknown,
                sorted(r.seriousness),
            )  # fmt: skip
            for r in case.reactions
        ],
        "findings": [(f.test or f.kind.value, f.result, f.date) for f in case.findings],
        "narrative": case.narrative,
    }


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mapping=cases)
def test_e2b_elements_alone_hold_their_facts(mapping: dict[str, Any]) -> None:
    from lxml import etree

    from dermavigil.exchange import codes as c

    case = _case(mapping)
    tree = etree.fromstring(export_cases([case], "e2b"))
    path = f"//h:reference[h:document/h:title='{c.SUPPLEMENT_TITLE}']"
    for node in tree.xpath(path, namespaces={"h": c.HL7}):
        node.getparent().remove(node)
    try:
        [back] = import_document(etree.tostring(tree)).cases
    except InputError as error:  # e.g. a consumer-only fact E2B cannot show makes it invalid
        pytest.fail(f"the XML alone does not make a case: {error}")
    # E.i.3.2 states the case's seriousness as exported (reporter's marks and derived)
    stated = case_seriousness(case).per_reaction
    expected = case.model_copy(
        update={
            "reactions": [
                r.model_copy(update={"seriousness": sorted(s)})
                for r, s in zip(case.reactions, stated, strict=True)
            ]
        }
    )
    assert _e2b_held(back) == _e2b_held(expected)


def _dose(product: Product) -> object:
    dose = product.dose
    return dose if dose and (dose.value, dose.unit, dose.verbatim) != (None, None, None) else None


def _fhir_held(case: Case, original: Case) -> dict[str, Any]:
    """The facts FHIR R5 resources hold, with FHIR's own coarsening applied.

    ``original`` tells which products were devices (FHIR keeps no finer category).
    """
    devices = [p.category in DEVICE_CATEGORIES for p in original.products]
    literature = case.report.literature
    return {
        "reporter": case.report.reporter.model_dump() if case.report.reporter else None,
        "literature": (literature.citation, literature.doi) if literature else None,
        "ids": (case.report.source_id, case.report.received_date),
        "patient": (
            case.patient.initials,
            case.patient.sex,
            case.patient.age,
            case.patient.weight_kg,
            "adult" if case.patient.age_group == AgeGroup.middle_aged else case.patient.age_group,
        ),  # fmt: skip
        "products": [
            (
                p.name,
                p.route,
                p.route_verbatim,
                _dose(p),
                p.start_date,
                p.indication,
                p.lot,
                p.role in ("suspect", "interacting"),
                None if device else p.active_ingredient,
                p.manufacturer if device else None,
            )  # fmt: skip
            for p, device in zip(case.products, devices, strict=True)
        ],
        "reactions": [
            (
                r.verbatim,
                r.codes,
                r.onset_date,
                None if r.onset_date else r.onset_text,
                r.end_date,
                r.body_sites,
                r.outcome,
            )  # fmt: skip
            for r in case.reactions
        ],
        "findings": [(f.test or f.kind.value, f.result, f.date, f.codes) for f in case.findings],
        "narrative": case.narrative,
    }


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mapping=cases)
def test_fhir_resources_alone_hold_their_facts(mapping: dict[str, Any]) -> None:
    import json

    case = _case(mapping)
    body = json.loads(export_cases([case], "fhir"))
    for entry in body["entry"]:
        entry["resource"].pop("extension", None)
    [back] = import_document(json.dumps(body).encode()).cases
    assert _fhir_held(back, case) == _fhir_held(case, case)


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mapping=cases)
def test_every_export_accepts_any_case(mapping: dict[str, Any]) -> None:
    case = _case(mapping)
    for fmt in ("fhir-r4", "cioms", "csv"):
        assert export_cases([case], fmt)
