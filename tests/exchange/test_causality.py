"""Causality out in E2B(R3) G.k.9.i.2.r, FHIR R5 and CIOMS-I; read back into ``unmapped``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader
from typer.testing import CliRunner

from dermavigil.cli.app import app
from dermavigil.demo import seed_case_text
from dermavigil.domain import Case
from dermavigil.domain.assessment import Assessment, Override, assess
from dermavigil.errors import InputError
from dermavigil.exchange import codes as c
from dermavigil.exchange.formats import export_cases, import_document
from dermavigil.settings import load_settings

NS = {"h": c.HL7}
CAUSALITY = ".//h:causalityAssessment[h:code/@code='39']"


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))


def _assessments(root: etree._Element) -> dict[tuple[str, str], dict[str, str]]:
    """(reaction term, drug name) -> {method: "result | source"}, read straight from the XML."""
    terms = {
        obs.xpath("string(h:id/@root)", namespaces=NS): obs.xpath(
            "string(h:value/h:originalText)", namespaces=NS
        )
        for obs in root.xpath(".//h:observation[h:code/@code='29']", namespaces=NS)
    }
    drugs = {
        sa.xpath("string(h:id/@root)", namespaces=NS): sa.xpath(
            "string(.//h:kindOfProduct/h:name)", namespaces=NS
        )
        for sa in root.xpath(
            ".//h:organizer[h:code/@code='4']//h:substanceAdministration", namespaces=NS
        )
    }
    out: dict[tuple[str, str], dict[str, str]] = {}
    for obs in root.xpath(CAUSALITY, namespaces=NS):

        def at(path: str, node: etree._Element = obs) -> str:
            return str(node.xpath(f"string({path})", namespaces=NS))

        key = (
            terms[at("h:subject1/h:adverseEffectReference/h:id/@root")],
            drugs[at("h:subject2/h:productUseReference/h:id/@root")],
        )
        method = at("h:methodCode/h:originalText")
        assert method not in out.setdefault(key, {}), "one assessment per method"
        source = at("h:author/h:assignedEntity/h:code/h:originalText")
        out[key][method] = f"{at('h:value')} | {source}"
    return out


def _alice(case: Case) -> Assessment:
    override = Override(target="who_umc.category", value="certain", by="alice", reason="x")
    return assess(case, [override])


def test_seed_carries_who_umc_and_naranjo_per_reaction_and_suspect(seed_case: Case) -> None:
    assessment = assess(seed_case)
    assert (assessment.who_umc.category, assessment.naranjo.band) == ("possible", "probable")
    root = _xml(export_cases([seed_case], "e2b", assessments=[assessment]))
    found = _assessments(root)
    pairs = {(r.verbatim, p.name) for r in seed_case.reactions for p in seed_case.suspects()}
    assert set(found) == pairs and len(pairs) == len(seed_case.reactions) >= 5
    for methods in found.values():
        assert methods == {
            "WHO-UMC": "possible | dermavigil assessment",
            "Naranjo": "probable (score 5) | dermavigil assessment",
        }
    assert not root.xpath(".//h:component1/h:observationEvent", namespaces=NS)  # no override
    # the document is schema-valid: import_document validates against the ICH XSD first
    import_document(etree.tostring(root))


def test_override_names_the_assessor_and_keeps_the_reason_in_h4(seed_case: Case) -> None:
    root = _xml(export_cases([seed_case], "e2b", assessments=[_alice(seed_case)]))
    for methods in _assessments(root).values():
        assert methods["WHO-UMC"] == "certain | assessor alice"
        assert methods["Naranjo"] == "probable (score 5) | dermavigil assessment"
    comment = root.xpath(
        ".//h:adverseEventAssessment/h:component1/h:observationEvent"
        "[h:code/@code='10'][h:author/h:assignedEntity/h:code/@code='1']/h:value/text()",
        namespaces=NS,
    )
    assert len(comment) == 1 and "alice" in comment[0] and "certain (x)" in comment[0]


def test_naranjo_override_rescores_and_names_each_assessor(seed_case: Case) -> None:
    base = assess(seed_case)
    answered = {i.number: i.answer for i in base.naranjo.items}
    flip = next(n for n, a in answered.items() if a == "yes")  # a "yes" worth points
    overrides = [
        Override(target=f"naranjo.items.{flip}", value="no", by="bob", reason="doubt"),
        Override(target=f"naranjo.items.{flip}", value="no", by="carol", reason="agree"),
    ]
    assessment = assess(seed_case, overrides)
    assert assessment.naranjo.score < base.naranjo.score
    root = _xml(export_cases([seed_case], "e2b", assessments=[assessment]))
    naranjo = {m["Naranjo"] for m in _assessments(root).values()}
    assert naranjo == {
        f"{assessment.naranjo.band} (score {assessment.naranjo.score}) | assessors bob, carol"
    }


def test_reimport_keeps_assessments_as_the_senders_and_the_case_whole(seed_case: Case) -> None:
    data = export_cases([seed_case], "e2b", assessments=[_alice(seed_case)])
    (back,) = import_document(data).cases
    product = seed_case.products.index(seed_case.suspects()[0])
    by_method = {(x.reaction, x.method): (x.result, x.source) for x in back.reported_causality}
    for i, _ in enumerate(seed_case.reactions):
        assert by_method[(i, "WHO-UMC")] == ("certain", "assessor alice")
        assert by_method[(i, "Naranjo")] == ("probable (score 5)", "dermavigil assessment")
    assert {x.product for x in back.reported_causality} == {product}
    assert len(back.reported_causality) == 2 * len(seed_case.reactions)
    assert back.sender_comments is not None and "alice" in back.sender_comments
    assert back.unmapped == {}
    kept_apart = {"reported_causality": [], "sender_comments": None}
    assert back.model_copy(update=kept_apart) == seed_case


def test_the_senders_causality_is_kept_beside_ours(fda_examples: list[Path]) -> None:
    scenario6 = next(p for p in fda_examples if p.name == "FAERS2022Scenario6.xml")
    (first, *_) = import_document(scenario6.read_bytes()).cases
    assert any(
        (x.result, x.source) == ("Highly related", "Reporter") for x in first.reported_causality
    )
    assert not [k for k in first.unmapped if "causalityAssessment[39" in k]
    # exported without an assessment, the case comes back as it was
    (plain,) = import_document(export_cases([first], "e2b")).cases
    assert plain == first
    # with one, dermavigil's assessments join the sender's, which stay as they were
    (again,) = import_document(export_cases([first], "e2b", assessments=[assess(first)])).cases
    n = len(first.reported_causality)
    assert again.reported_causality[:n] == first.reported_causality
    added = again.reported_causality[n:]
    assert added and {x.method for x in added} == {"WHO-UMC", "Naranjo"}


def test_fhir_r5_suspect_entities_carry_causality(seed_case: Case) -> None:
    data = export_cases([seed_case], "fhir", assessments=[_alice(seed_case)])
    bundle = json.loads(data)
    (event,) = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "AdverseEvent"
    ]
    causality = [
        (s["instanceReference"]["reference"], s["causality"]) for s in event["suspectEntity"]
    ]
    assert len({ref for ref, _ in causality}) == len(seed_case.suspects())
    by_method = {x["assessmentMethod"]["text"]: x for _, x in causality}
    assert by_method["WHO-UMC"]["entityRelatedness"]["text"] == "certain"
    assert by_method["WHO-UMC"]["entityRelatedness"]["coding"][0]["code"] == "Certain"
    assert by_method["WHO-UMC"]["author"] == {"display": "assessor alice"}
    assert by_method["Naranjo"]["entityRelatedness"] == {"text": "probable (score 5)"}
    (back,) = import_document(data).cases
    drug = seed_case.suspects()[0].name
    assert back.unmapped == {
        f"causality {drug}: WHO-UMC": "certain (source: assessor alice)",
        f"causality {drug}: Naranjo": "probable (score 5) (source: dermavigil assessment)",
    }
    assert back.model_copy(update={"unmapped": {}}) == seed_case
    assert "causality" not in export_cases([seed_case], "fhir").decode()


def test_cioms_shows_the_causality(seed_case: Case) -> None:
    pdf = export_cases([seed_case], "cioms", assessments=[_alice(seed_case)])
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "CAUSALITY ASSESSMENT" in text
    assert "WHO-UMC: certain (source: assessor alice)" in text
    assert "Naranjo: probable (score 5) (source: dermavigil assessment)" in text
    plain = export_cases([seed_case], "cioms")
    assert "CAUSALITY" not in "".join(p.extract_text() for p in PdfReader(io.BytesIO(plain)).pages)


def test_one_assessment_per_case_is_required(seed_case: Case) -> None:
    with pytest.raises(InputError, match="one assessment"):
        export_cases([seed_case, seed_case], "e2b", assessments=[assess(seed_case)])
    data = export_cases([seed_case, seed_case], "e2b", assessments=[None, assess(seed_case)])
    messages = _xml(data).xpath("h:PORR_IN049016UV", namespaces=NS)
    counts = [len(m.xpath(CAUSALITY, namespaces=NS)) for m in messages]
    assert counts == [0, 2 * len(seed_case.reactions)]


def _ids(root: etree._Element, role: str) -> list[str]:
    return [str(x) for x in root.xpath(f".//h:{role}/h:device/h:id/@extension", namespaces=NS)]


def test_settings_ids_default_and_from_the_environment() -> None:
    default = load_settings({})
    assert (default.e2b_sender_id, default.e2b_receiver_id) == ("DERMAVIGIL", "RECEIVER")
    env = {"DERMAVIGIL_E2B_SENDER": "ORG-7", "DERMAVIGIL_E2B_RECEIVER": "EMA"}
    assert load_settings(env).e2b_sender_id == "ORG-7"
    assert load_settings(env).e2b_receiver_id == "EMA"


def test_cli_export_carries_assessments_and_settings_ids(
    dv_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DERMAVIGIL_E2B_SENDER", "ORG-7")
    monkeypatch.setenv("DERMAVIGIL_E2B_RECEIVER", "EMA")
    runner = CliRunner()
    seed = tmp_path / "seed.yaml"
    seed.write_text(seed_case_text(), encoding="utf-8")
    for args in (
        ["case", "add", str(seed), "--by", "tester"],
        [
            "case",
            "override",
            "DV-000001",
            "who_umc.category",
            "probable",
            "--by",
            "alice",
            "--reason",
            "x",
        ],
        ["case", "export", "DV-000001", "--format", "e2b", "--out", str(tmp_path / "out.xml")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (result.output, result.exception)
    root = _xml((tmp_path / "out.xml").read_bytes())
    assert _ids(root, "sender") == ["ORG-7", "ORG-7"]  # message (N.2.r.2) and batch (N.1.3)
    assert _ids(root, "receiver") == ["EMA", "EMA"]
    found = _assessments(root)
    assert found and all(m["WHO-UMC"] == "probable | assessor alice" for m in found.values())
    assert all(m["Naranjo"].endswith("| dermavigil assessment") for m in found.values())


def test_long_assessor_names_fit_the_e2b_field(seed_case: Case) -> None:
    names = ["a" * 40, "b" * 40]
    overrides = [
        Override(target="naranjo.items.1", value="no", by=name, reason="r") for name in names
    ]
    data = export_cases([seed_case], "e2b", assessments=[assess(seed_case, overrides)])
    root = _xml(data)
    sources = {m["Naranjo"].split(" | ")[1] for m in _assessments(root).values()}
    (source,) = sources
    assert len(source) == 60 and source.startswith("assessors aaaa") and source.endswith("...")
    comment = root.xpath(".//h:component1/h:observationEvent/h:value/text()", namespaces=NS)[0]
    assert all(name in comment for name in names)


def test_web_export_passes_stored_assessments_and_settings_ids(
    dv_home: Path, seed_case: Case
) -> None:
    from dermavigil.registry import CaseService, open_registry
    from dermavigil.web import casework
    from dermavigil.web.auth import Actor

    env = {"DERMAVIGIL_HOME": str(dv_home), "DERMAVIGIL_E2B_RECEIVER": "EMA"}
    settings = load_settings(env)
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction() as session:
            service = CaseService(session)
            case_id = service.create(seed_case, by="reporter").case_id
            service.override(case_id, "who_umc.category", "unlikely", by="alice", reason="x")
        assessor = Actor(username="alice", role="assessor", via="token")
        data, fmt = casework.export(registry, assessor, [case_id, case_id], "e2b", settings)
    finally:
        registry.close()
    assert fmt.name == "e2b"
    root = _xml(data)
    assert _ids(root, "receiver") == ["EMA"] * 3 and _ids(root, "sender")[-1] == "DERMAVIGIL"
    messages = root.xpath("h:PORR_IN049016UV", namespaces=NS)
    assert len(messages) == 2
    for message in messages:
        found = _assessments(message)
        assert len(found) == len(seed_case.reactions)
        assert all(m["WHO-UMC"] == "unlikely | assessor alice" for m in found.values())
