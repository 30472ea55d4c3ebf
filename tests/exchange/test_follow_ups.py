"""Follow-ups, amendments and nullifications of received E2B reports (issue 11)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from dermavigil.errors import InputError
from dermavigil.exchange import codes as c
from dermavigil.exchange.formats import export_cases, import_document
from dermavigil.registry import open_registry
from dermavigil.registry.models import CaseFilter
from dermavigil.registry.service import CaseService


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[object]:
    reg = open_registry(f"sqlite:///{tmp_path / 'registry.db'}")
    yield reg


def _receive(registry: object, data: bytes) -> list[tuple[str, int, str]]:
    result = import_document(data, "report.xml")
    with registry.transaction() as session:  # type: ignore[attr-defined]
        service = CaseService(session)
        done = [
            service.receive(case, by="tester", amendment=a.kind, reason=a.reason,
                            report_ids=a.report_ids)
            for case, a in zip(result.cases, result.received, strict=True)
        ]  # fmt: skip
        return [(s.case_id, s.version, how) for s, how in done]


def _with_characteristic(data: bytes, code: str, value: etree._Element) -> bytes:
    tree = etree.fromstring(data)
    event = tree.find(f".//{{{c.HL7}}}investigationEvent")
    assert event is not None
    E = etree.SubElement
    subject = E(event, f"{{{c.HL7}}}subjectOf2", typeCode="SUBJ")
    ch = E(subject, f"{{{c.HL7}}}investigationCharacteristic", classCode="OBS", moodCode="EVN")
    E(ch, f"{{{c.HL7}}}code", code=code, codeSystem=c.OID_CHARACTERISTIC)
    ch.append(value)
    return etree.tostring(tree)


def _c111(data: bytes, kind: str, reason: str) -> bytes:
    xsi = f"{{{c.XSI}}}type"
    value = etree.Element(f"{{{c.HL7}}}value", {xsi: "CE"}, code=kind,
                          codeSystem="2.16.840.1.113883.3.989.2.1.1.5")  # fmt: skip
    data = _with_characteristic(data, "3", value)
    why = etree.Element(f"{{{c.HL7}}}value", {xsi: "CE"}, nullFlavor="OTH")
    etree.SubElement(why, f"{{{c.HL7}}}originalText").text = reason
    return _with_characteristic(data, "4", why)


def test_the_same_report_twice_is_one_case_with_a_follow_up(
    registry: object, fda_examples: list[Path]
) -> None:
    data = fda_examples[0].read_bytes()
    assert _receive(registry, data) == [("DV-000001", 1, "created")]
    assert _receive(registry, data) == [("DV-000001", 1, "unchanged")]
    changed = data.replace(b"THROMBOSE VEINEUSE PROFONDE", b"THROMBOSE VEINEUSE PROFONDE (suivi)")
    assert _receive(registry, changed) == [("DV-000001", 2, "follow-up")]
    with registry.transaction(readonly=True) as session:  # type: ignore[attr-defined]
        service = CaseService(session)
        history = service.history("DV-000001")
        assert service.list().total == 1
    assert history[-1].reason.startswith("follow-up received (US-")
    assert any("reactions.0" in ch.path for ch in history[-1].changes)


def test_an_amendment_is_recorded_and_a_nullification_retracts(
    registry: object, fda_examples: list[Path]
) -> None:
    data = fda_examples[0].read_bytes()
    _receive(registry, data)
    amended = _c111(data.replace(b"COLITE ISCHEMIQUE", b"COLITE"), "2", "typo in E.i.1.2")
    assert _receive(registry, amended) == [("DV-000001", 2, "amended")]
    nullified = _c111(data, "1", "duplicate of another case")
    assert _receive(registry, nullified) == [("DV-000001", 3, "nullified")]
    with registry.transaction(readonly=True) as session:  # type: ignore[attr-defined]
        service = CaseService(session)
        history = service.history("DV-000001")
        assert service.get("DV-000001").status == "retracted"
    assert history[1].reason == "amendment (C.1.11.1): typo in E.i.1.2"
    assert history[2].reason == "nullified by its sender (C.1.11.1): duplicate of another case"


def test_a_nullification_of_an_unknown_case_stores_nothing(
    registry: object, fda_examples: list[Path]
) -> None:
    nullified = _c111(fda_examples[0].read_bytes(), "1", "sent in error")
    with pytest.raises(InputError, match="not stored"):
        _receive(registry, nullified)
    with registry.transaction(readonly=True) as session:  # type: ignore[attr-defined]
        assert CaseService(session).list(CaseFilter(status=None)).total == 0


def test_our_own_export_comes_back_as_a_follow_up(registry: object, seed_case) -> None:  # type: ignore[no-untyped-def]
    with registry.transaction() as session:  # type: ignore[attr-defined]
        stored = CaseService(session).create(seed_case, by="tester")
    data = export_cases([stored.case], "e2b")
    worldwide = etree.fromstring(data).xpath(
        f"//h:investigationEvent/h:id[@root='{c.OID_WORLDWIDE_ID}']/@extension", namespaces=c.NS
    )
    assert worldwide == ["DERMAVIGIL-DV-000001"]
    assert _receive(registry, data) == [("DV-000001", 1, "unchanged")]
