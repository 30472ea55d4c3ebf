"""E2B(R3): export validates against the ICH XSD, the FDA examples import, round trips are exact."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from lxml import etree

from dermavigil.domain import Case
from dermavigil.errors import InputError
from dermavigil.exchange import codes as c
from dermavigil.exchange.e2b.schema import schema_problems
from dermavigil.exchange.formats import export_cases, import_document
from dermavigil.exchange.supplement import NOT_APPLIED
from dermavigil.exchange.xml_safety import parse_untrusted

NS = {"h": c.HL7}
DRUG = "//h:organizer[h:code/@code='4']/h:component/h:substanceAdministration"


def _tree(data: bytes) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(data))


def _supplement(tree: etree._ElementTree) -> dict[str, object]:
    text = tree.xpath(f"//h:document[h:title='{c.SUPPLEMENT_TITLE}']/h:text", namespaces=NS)
    if not text:
        return {}
    assert text[0].get("representation") == "B64"  # FDA rule R0010
    return json.loads(base64.b64decode(text[0].text))["set"]


def test_coded_case_exports_valid_and_round_trips(coded_case: Case) -> None:
    data = export_cases([coded_case], "e2b")
    assert schema_problems(_tree(data)) == []
    result = import_document(data, "seed.xml")
    assert result.format == "e2b"
    assert result.cases == [coded_case]


def test_e2b_elements_carry_the_facts_themselves(coded_case: Case) -> None:
    tree = _tree(export_cases([coded_case], "e2b"))

    def values(path: str) -> list[str]:
        return [str(v) for v in tree.xpath(path, namespaces=NS)]

    assert values(f"{DRUG}//h:routeCode/@code") == ["023"]  # intradermal, ICH route list
    assert values(f"{DRUG}//h:routeCode/@codeSystem") == [c.OID_ROUTE]
    info = f"{DRUG}/h:outboundRelationship2/h:observation[h:code/@code='9']/h:value/@code"
    assert values(info) == ["11"]  # off-label use
    recurrence = f"{DRUG}/h:outboundRelationship2/h:observation[h:code/@code='31']/h:value/@code"
    assert set(values(recurrence)) == {"1"}
    assert values(f"{DRUG}/h:inboundRelationship/h:act/h:code/@code") == ["1"]  # withdrawn
    reaction = "//h:observation[h:code/@code='29']"
    assert values(f"{reaction}/h:value/h:originalText/text()")[0] == "skin necrosis"
    assert values(f"{reaction}/h:value/h:translation/@code")[:1] == ["HP:0033126"]
    assert values(f"{reaction}/h:value/h:translation/@codeSystem")[:1] == [c.OID_HPO]
    outcome = f"{reaction}/h:outboundRelationship2/h:observation[h:code/@code='27']/h:value/@code"
    assert set(values(outcome)) == {"4"}  # recovered with sequelae
    serious = f"{reaction}/h:outboundRelationship2/h:observation[h:code/@code='26']/h:value/@value"
    assert values(serious) == ["true"]
    assert "intradermal" in values("//h:investigationEvent/h:text/text()")[0]
    assert "10.1111" not in "".join(values("//h:bibliographicDesignationText/text()"))
    assert "Tawanwongsri" in values("//h:bibliographicDesignationText/text()")[0]
    supplement = _supplement(tree)
    held_by_e2b = {"narrative", "report.literature.citation", "patient.sex"}
    held_by_e2b |= {f"products.0.{f}" for f in ("route", "route_verbatim", "action_taken")}
    held_by_e2b |= {"products.0.additional_information", "products.0.rechallenge.result"}
    for i in range(len(coded_case.reactions)):
        held_by_e2b |= {f"reactions.{i}.{f}" for f in ("verbatim", "outcome")}
    assert not held_by_e2b & set(supplement)
    # E.i.3.2 states the derived seriousness too; the supplement only takes back what the
    # reporter did not mark, so the case re-imports as it was
    for key, value in supplement.items():
        if key.endswith(".seriousness"):
            marked = coded_case.reactions[int(key.split(".")[1])].seriousness
            assert value in (None, [m.value for m in marked]), key
    assert supplement["products.0.category"] == "exosome"


def test_import_without_supplement_keeps_e2b_facts(coded_case: Case) -> None:
    tree = _tree(export_cases([coded_case], "e2b"))
    for doc in tree.xpath(
        f"//h:reference[h:document/h:title='{c.SUPPLEMENT_TITLE}']", namespaces=NS
    ):
        doc.getparent().remove(doc)
    [case] = import_document(etree.tostring(tree)).cases
    product = case.products[0]
    assert product.route == "intradermal"
    assert product.route_verbatim == "intradermal injection"
    assert product.additional_information == ["off_label_use"]
    assert product.rechallenge is not None and product.rechallenge.result == "recurred"
    assert product.action_taken == "withdrawn"
    assert [r.verbatim for r in case.reactions] == [r.verbatim for r in coded_case.reactions]
    assert case.reactions[0].codes[0].code == "HP:0033126"
    # marked by the reporter, and derived (permanent disfigurement, case_seriousness)
    assert case.reactions[0].seriousness == ["disability", "medically_important"]
    assert case.report.literature is not None
    assert case.narrative == coded_case.narrative
    assert case.patient.sex == "male" and case.patient.age_group == "adult"


@pytest.mark.slow
def test_all_fda_examples_import_and_reexport_valid(fda_examples: list[Path]) -> None:
    for path in fda_examples:
        result = import_document(path.read_bytes(), path.name)
        assert result.problems == [], path.name
        assert len(result.cases) == 1, path.name
        case = result.cases[0]
        assert case.suspects(), path.name
        assert case.unmapped, path.name  # FDA regional elements are kept, not dropped
        again = export_cases(result.cases, "e2b")
        assert schema_problems(_tree(again)) == [], path.name
        assert import_document(again).cases == result.cases, path.name


def test_fda_scenario1_fields(fda_examples: list[Path]) -> None:
    [case] = import_document(fda_examples[0].read_bytes()).cases
    assert case.report.source_id == "US-APHARMA-8744554B"
    assert str(case.report.received_date) == "2022-06-14"  # C.1.4 timestamp, cut to its day
    assert case.unmapped["effectiveTime/low"] == "20220614101010-0500"  # and kept whole
    assert case.report.reporter is not None and case.report.reporter.country == "US"
    assert (case.patient.initials, case.patient.sex, case.patient.age.value) == ("JD", "male", 48)
    assert [p.name for p in case.products] == ["Drug A", "Drug B", "Drug C"]
    assert [p.role for p in case.products] == ["suspect", "suspect", "concomitant"]
    assert case.products[0].route == "oral"
    assert case.reactions[0].verbatim == "THROMBOSE VEINEUSE PROFONDE"
    assert case.reactions[0].codes[0].system == "MedDRA 25.0"
    assert case.reactions[0].seriousness == ["disability", "medically_important"]
    unmapped = case.unmapped
    assert case.patient.birth_date is not None and case.patient.birth_date.iso() == "2001-06-15"
    assert any(v.startswith("C41260 (Asian)") for v in unmapped.values())
    assert any(k.endswith("routeCode") and v.startswith("001 (Oral)") for k, v in unmapped.items())


def test_schema_failure_reports_lines(fda_examples: list[Path]) -> None:
    text = fda_examples[0].read_text(encoding="utf-8")
    broken = text.replace('<statusCode code="active"/>', '<statusCode code="active"/><bogus/>', 1)
    with pytest.raises(InputError, match="ICH E2B") as error:
        import_document(broken.encode())
    assert error.value.problems
    assert all(p.location.startswith("line ") for p in error.value.problems)
    assert "bogus" in error.value.problems[0].message


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<MCCI_IN200100UV01 xmlns="urn:hl7-org:v3">&x;</MCCI_IN200100UV01>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<MCCI_IN200100UV01 xmlns="urn:hl7-org:v3">&lol3;</MCCI_IN200100UV01>"""

DOCTYPE_ONLY = b"""<?xml version="1.0"?>
<!DOCTYPE MCCI_IN200100UV01 SYSTEM "http://example.invalid/x.dtd">
<MCCI_IN200100UV01 xmlns="urn:hl7-org:v3"/>"""


@pytest.mark.parametrize("payload", [XXE, LAUGHS, DOCTYPE_ONLY], ids=["xxe", "laughs", "dtd"])
def test_entity_attacks_refused(payload: bytes) -> None:
    with pytest.raises(InputError, match="ENTITY|DOCTYPE|entity"):
        import_document(payload, "attack.xml")
    with pytest.raises(InputError):
        parse_untrusted(payload)


def test_batch_with_one_bad_case(coded_case: Case) -> None:
    other = coded_case.model_copy(update={"narrative": "second case"})
    tree = _tree(export_cases([coded_case, other], "e2b"))
    second = tree.getroot().findall(f"{{{c.HL7}}}PORR_IN049016UV")[1]
    for drugs in second.xpath(".//h:subjectOf2[h:organizer/h:code/@code='4']", namespaces=NS):
        drugs.getparent().remove(drugs)
    for doc in second.xpath(
        f".//h:reference[h:document/h:title='{c.SUPPLEMENT_TITLE}']", namespaces=NS
    ):
        doc.getparent().remove(doc)
    data = etree.tostring(tree)
    assert schema_problems(_tree(data)) == []
    result = import_document(data, "batch.xml")
    assert result.cases == [coded_case]
    assert result.problems and all(p.location.startswith("cases.1.") for p in result.problems)
    assert any("products" in p.location for p in result.problems)
    with pytest.raises(InputError, match="1 of 2"):
        import_document(data, "batch.xml", all_or_nothing=True)


def test_single_message_document_imports(seed_case: Case) -> None:
    root = etree.fromstring(export_cases([seed_case], "e2b"))
    message = root.find(f"{{{c.HL7}}}PORR_IN049016UV")
    message.set("ITSVersion", "XML_1.0")
    result = import_document(etree.tostring(message), "one.xml")
    assert result.cases == [seed_case]


def test_fda_scenario6_test_results(fda_examples: list[Path]) -> None:
    [case] = import_document(fda_examples[7].read_bytes()).cases
    results = {(f.test, f.result) for f in case.findings}
    assert ("Calcium Level", "10 mg/dl") in results  # IVL_PQ centre
    assert ("Blood work", "<= 10 mg/dl") in results  # open interval, inclusive bound
    assert ("A special test", "> 10 mg/dl") in results
    assert any("reference" in k or "referenceRange" in k for k in case.unmapped)


def test_utf16_entity_payload_refused_by_the_parser_itself() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?>\n' + XXE.decode().split("\n", 1)[1]
    with pytest.raises(InputError, match="DOCTYPE"):
        parse_untrusted(text.encode("utf-16"))


def test_control_characters_do_not_break_the_export(seed_case: Case) -> None:
    """Text pasted from a PDF may hold form feeds; XML 1.0 cannot carry them."""
    odd = seed_case.model_copy(update={"narrative": "page one\x0cpage two\x00"})
    data = export_cases([odd], "e2b")
    assert schema_problems(_tree(data)) == []
    event_text = _tree(data).xpath("//h:investigationEvent/h:text/text()", namespaces=NS)
    assert event_text == ["page one\ufffdpage two\ufffd"]
    assert import_document(data).cases == [odd]  # the supplement restores the exact text


def test_a_supplement_that_does_not_fit_is_kept_aside(coded_case: Case) -> None:
    tree = _tree(export_cases([coded_case], "e2b"))
    [text] = tree.xpath(f"//h:document[h:title='{c.SUPPLEMENT_TITLE}']/h:text", namespaces=NS)
    sent = json.loads(base64.b64decode(text.text))
    stale = json.dumps({"format": sent["format"], "set": {"products.7.x": 1}})
    text.text = stale  # plain text (no representation="B64") is read too
    del text.attrib["representation"]
    [case] = import_document(etree.tostring(tree)).cases
    assert case.products[0].route == "intradermal"  # from the E2B elements
    assert case.unmapped[NOT_APPLIED] == stale
    assert "does not fit" in case.unmapped[f"{NOT_APPLIED}: why"]


def test_the_authoritys_case_number_is_sent_as_another_case_identifier(coded_case: Case) -> None:
    """C.1.9.1 is true and C.1.9.1.r carries the regulatory authority's case number with
    the authority as its source, as FDA's example ICSR gives them (FAERS2022Scenario6),
    so the receiver can link the firms' reports of one authority case; without a number
    C.1.9.1 stays 'no information'."""
    report = coded_case.report.model_copy(update={"authority_number": "GB-MHRA-ADR 22444313"})
    case = coded_case.model_copy(update={"report": report})
    data = export_cases([case], "e2b")
    tree = _tree(data)
    assert schema_problems(tree) == []
    ids = tree.xpath(
        f"//h:investigationEvent/h:subjectOf1/h:controlActEvent/h:id[@root='{c.OID_OTHER_CASE_ID}']",
        namespaces=NS,
    )
    assert [(i.get("assigningAuthorityName"), i.get("extension")) for i in ids] == [
        ("MHRA", "GB-MHRA-ADR 22444313")
    ]
    flag = "//h:investigationCharacteristic[h:code/@code='2']/h:value"
    assert [v.get("value") for v in tree.xpath(flag, namespaces=NS)] == ["true"]
    assert import_document(data, "authority.xml").cases == [case]
    plain = _tree(export_cases([coded_case], "e2b"))
    assert [v.get("nullFlavor") for v in plain.xpath(flag, namespaces=NS)] == ["NI"]
