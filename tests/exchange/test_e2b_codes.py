"""Every E2B code list the case model uses survives export -> XML alone -> import.

The dermavigil supplement is removed before import, so what comes back was
carried by the E2B(R3) elements themselves (routes on the ICH list, roles,
actions, additional information, outcomes, seriousness, qualification, age
units, dates, doses, lots, dose forms).
"""

from __future__ import annotations

import pytest
from lxml import etree
from wide_case import wide_case

from dermavigil.domain import parse_case
from dermavigil.domain.vocab import RechallengeResult, ReporterQualification
from dermavigil.exchange import codes as c
from dermavigil.exchange.formats import export_cases, import_document


def _without_supplement(data: bytes) -> bytes:
    tree = etree.fromstring(data)
    path = f"//h:reference[h:document/h:title='{c.SUPPLEMENT_TITLE}']"
    for node in tree.xpath(path, namespaces={"h": c.HL7}):
        node.getparent().remove(node)
    return etree.tostring(tree)


@pytest.mark.parametrize("qualification", list(ReporterQualification))
def test_code_lists_survive_the_xml_alone(qualification: ReporterQualification) -> None:
    case = wide_case(qualification)
    [back] = import_document(_without_supplement(export_cases([case], "e2b"))).cases
    assert back.report.reporter == case.report.reporter
    assert back.report.received_date == case.report.received_date
    assert back.patient == case.patient
    fields = (
        "name", "active_ingredient", "manufacturer", "route", "role", "action_taken",
        "additional_information", "formulation", "dose", "lot", "start_date", "end_date",
        "indication",
    )  # fmt: skip
    for mine, theirs in zip(case.products, back.products, strict=True):
        assert mine.model_dump(include=set(fields)) == theirs.model_dump(include=set(fields))
    # E.i.1.1b is required beside E.i.1.1a: a verbatim of unstated language is sent as English
    assert {r.verbatim_language for r in back.reactions} == {"eng"}
    unstated = [r.model_copy(update={"verbatim_language": "eng"}) for r in case.reactions]
    assert back.reactions == unstated
    assert back.findings[0].result == "vasculitis" and back.findings[0].test == "skin biopsy"
    assert back.narrative == "wide case"


@pytest.mark.parametrize("result", [*RechallengeResult, None])
def test_rechallenge_codes(result: RechallengeResult | None) -> None:
    case = wide_case(ReporterQualification.physician)
    rechallenge = {"done": result is not None, "result": result.value if result else None}
    mapping = case.model_dump(mode="json")
    mapping["products"][0]["rechallenge"] = rechallenge
    case = parse_case(mapping)
    [back] = import_document(_without_supplement(export_cases([case], "e2b"))).cases
    assert back.products[0].rechallenge == case.products[0].rechallenge
