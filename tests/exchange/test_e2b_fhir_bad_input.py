"""Bad input is refused with an error naming the element, and nothing is stored (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from dermavigil.domain import Case
from dermavigil.errors import InputError
from dermavigil.exchange import codes as c
from dermavigil.exchange import formats
from dermavigil.exchange.formats import export_cases, import_document


def _without(data: bytes, path: str) -> bytes:
    tree = etree.fromstring(data)
    for node in tree.xpath(path, namespaces=c.NS):
        node.getparent().remove(node)
    return etree.tostring(tree)


def _refused(data: bytes) -> InputError:
    with pytest.raises(InputError) as caught:
        import_document(data, "bad.xml")
    return caught.value


def test_malformed_xml_is_refused_with_its_line() -> None:
    error = _refused(b'<?xml version="1.0"?>\n<MCCI_IN200100UV01 xmlns="urn:hl7-org:v3">\n<id')
    assert error.problems and "line" in error.problems[0].location


def test_an_oversized_document_is_refused_before_parsing(
    monkeypatch: pytest.MonkeyPatch, fda_examples: list[Path]
) -> None:
    monkeypatch.setattr(formats, "MAX_DOCUMENT_BYTES", 1024)
    error = _refused(fda_examples[0].read_bytes())
    assert "larger than" in error.message


@pytest.mark.parametrize(
    ("element", "path"),
    [
        ("C.1.1", f"//h:investigationEvent/h:id[@root='{c.OID_MESSAGE_ID}']"),
        ("C.1.8.1", f"//h:investigationEvent/h:id[@root='{c.OID_WORLDWIDE_ID}']"),
        ("G.k.2.2", "//h:kindOfProduct/h:name"),
    ],
)
def test_missing_mandatory_elements_are_named(
    fda_examples: list[Path], element: str, path: str
) -> None:
    error = _refused(_without(fda_examples[0].read_bytes(), path))
    assert f"cases.0.{element}" in {p.location for p in error.problems}, error.problems
    assert "nothing was imported" in error.message


def test_an_unknown_fhir_resource_type_is_named(seed_case: Case) -> None:
    body = json.loads(export_cases([seed_case], "fhir"))
    body["entry"][0]["resource"]["resourceType"] = "Frobnicator"
    with pytest.raises(InputError) as caught:
        import_document(json.dumps(body).encode(), "bundle.json")
    [problem] = caught.value.problems
    assert problem.location == "Bundle.entry[0].resource.resourceType"
    assert problem.value == "Frobnicator"


def test_our_fhir_r4_export_imports_back(coded_case: Case) -> None:
    [back] = import_document(export_cases([coded_case], "fhir-r4")).cases
    assert [p.name for p in back.products] == [p.name for p in coded_case.products]
    assert [r.verbatim for r in back.reactions] == [r.verbatim for r in coded_case.reactions]
    # R4 has one outcome per AdverseEvent (not per reaction): outcomes are not compared
    assert back.products[0].route == coded_case.products[0].route
    assert back.narrative == coded_case.narrative
    assert back.report.literature is not None


def test_an_export_fda_would_reject_is_refused_element_by_element(seed_case: Case) -> None:
    with pytest.raises(InputError) as caught:
        export_cases([seed_case], "e2b", receiver="ZZFDA")
    named = {p.location for p in caught.value.problems}
    # no MedDRA code, no date received, no reporter qualification: FDA would reject them
    assert {"E.i.2.1b", "C.1.4", "C.2.r.4"} <= named
    assert "nothing was written" in caught.value.message
    export_cases([seed_case], "e2b")  # to a receiver without a rule profile it is written


def test_fda_examples_pass_fdas_rules_after_a_round_trip(fda_examples: list[Path]) -> None:
    for path in fda_examples:
        cases = import_document(path.read_bytes(), path.name).cases
        data = export_cases(cases, "e2b", receiver="ZZFDA", sender=path.stem)
        receivers = etree.fromstring(data).xpath(
            "//h:PORR_IN049016UV/h:receiver/h:device/h:id/@extension", namespaces=c.NS
        )
        assert set(receivers) == {"CDER"}  # FDA rule R0006
