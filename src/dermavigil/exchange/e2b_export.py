"""Cases to an ICH E2B(R3) ICSR batch (``MCCI_IN200100UV01``), valid against the ICH XSD.

One ``PORR_IN049016UV`` message per case, built element by element in the
order of the HL7 v3 schema, with the OIDs of FDA's data-element sheet
(:mod:`dermavigil.exchange.e2b_codes`). Mapping highlights:

- H.1 narrative; C.4.r literature reference (citation); C.1.3 report type;
  C.2.r primary source (qualification, country, organisation).
- D.1 initials (nullFlavor UNK when absent), D.5 sex (nullFlavor UNK),
  D.2.2 age with its UCUM unit, D.2.3 age group, D.3 weight, D.7.2 history.
- E.i.1.1a verbatim reaction (``value/originalText``, language ``eng``);
  E.i.2.1 takes a MedDRA code when the case has one; a non-MedDRA code (HPO)
  goes in ``value/translation`` with the HPO OID, the MedDRA slot then
  carrying nullFlavor ``OTH`` ("not in this code system"), which is how
  HL7 v3 declares a term from another terminology.
  E.i.3.2 seriousness criteria (BL true, nullFlavor NI when not stated),
  E.i.4/E.i.5 dates, E.i.7 outcome.
- G.k.1 role, G.k.2.2 name, G.k.2.3 active ingredient, G.k.3.3 holder
  (manufacturer), G.k.4.r dosage (dates, dose, G.k.4.r.10 route on the ICH
  route list with its free text, lot, form), G.k.7 indication, G.k.8 action
  taken, G.k.9.i.4 rechallenge, G.k.10.r additional information (code 11 =
  off-label use).
- F.r findings (test name, date, unstructured result).

Facts E2B(R3) has no element for (product category, labelled routes,
treatments, latencies ...) travel in a JSON document attached as C.1.6.1.r
("documents held by sender"): :mod:`dermavigil.exchange.e2b_supplement`
computes it as exactly the difference between the case and what the XML
alone gives back, so the round trip is lossless and the E2B elements carry
everything they can.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from lxml import etree
from lxml.builder import ElementMaker

from dermavigil.domain import Case, Finding, Product, Reaction
from dermavigil.domain.dates import PartialDate
from dermavigil.domain.vocab import (
    ACTION_CODES,
    ADDITIONAL_INFO_CODES,
    AGE_GROUP_CODES,
    OUTCOME_CODES,
    QUALIFICATION_CODES,
    RECHALLENGE_CODES,
    REPORT_TYPE_CODES,
    ROLE_CODES,
    ROUTE_CODES,
    ROUTE_LABELS,
    SEX_CODES,
    RechallengeResult,
)
from dermavigil.exchange import e2b_codes as c
from dermavigil.exchange.e2b_schema import require_valid

E = ElementMaker(namespace=c.HL7, nsmap={None: c.HL7, "xsi": c.XSI})
XSI_TYPE = f"{{{c.XSI}}}type"
SENDER_ID = "DERMAVIGIL"


def _typed(tag: str, xsi_type: str, *children: object, **attrs: str) -> etree._Element:
    element = E(tag, *children, **attrs)
    element.set(XSI_TYPE, xsi_type)
    return element


def _obs_code(code: str, name: str) -> etree._Element:
    return E.code(code=code, codeSystem=c.OID_OBSERVATION, displayName=name)


def _observation(code: str, name: str, value: etree._Element) -> etree._Element:
    return E.observation(_obs_code(code, name), value, classCode="OBS", moodCode="EVN")


def _bool_value(flag: bool) -> etree._Element:
    return _typed("value", "BL", value="true") if flag else _typed("value", "BL", nullFlavor="NI")


def _interval(start: PartialDate | None, end: PartialDate | None) -> etree._Element | None:
    if start is None and end is None:
        return None
    parts = [E.low(value=start.e2b()) if start else E.low(nullFlavor="UNK")]
    if end is not None:
        parts.append(E.high(value=end.e2b()))
    return _typed("effectiveTime", "IVL_TS", *parts)


def _uid() -> str:
    return str(uuid.uuid4())


def _reaction_value(reaction: Reaction) -> etree._Element:
    meddra = next((t for t in reaction.codes if t.system.lower().startswith("meddra")), None)
    original = E.originalText(reaction.verbatim, language="eng")
    if meddra is not None:
        version = meddra.system.split()[-1] if " " in meddra.system else None
        attrs = {"code": meddra.code, "codeSystem": c.OID_MEDDRA}
        if version:
            attrs["codeSystemVersion"] = version
        return _typed("value", "CE", original, **attrs)
    translations = [
        E.translation(
            code=t.code,
            codeSystem=c.OID_HPO if t.code.startswith("HP:") else c.OID_OBSERVATION,
            codeSystemName=t.system,
            displayName=t.label,
        )
        for t in reaction.codes
    ]
    return _typed("value", "CE", original, *translations, nullFlavor="OTH", codeSystem=c.OID_MEDDRA)


def _reaction(reaction: Reaction, rid: str) -> etree._Element:
    children: list[etree._Element | None] = [
        E.id(root=rid),
        _obs_code(c.OBS_REACTION, "reaction"),
        _interval(reaction.onset_date, reaction.end_date),
        _reaction_value(reaction),
    ]
    criteria = {s.value for s in reaction.seriousness}
    for name, code in c.SERIOUSNESS_CODES.items():
        rel = E.outboundRelationship2(
            _observation(code, name, _bool_value(name in criteria)), typeCode="PERT"
        )
        children.append(rel)
    if reaction.outcome is not None:
        outcome = _typed(
            "value", "CE", code=OUTCOME_CODES[reaction.outcome], codeSystem=c.OID_OUTCOME
        )
        children.append(
            E.outboundRelationship2(
                _observation(c.OBS_OUTCOME, "outcome", outcome), typeCode="PERT"
            )
        )
    return E.subjectOf2(
        E.observation(*[x for x in children if x is not None], classCode="OBS", moodCode="EVN"),
        typeCode="SBJ",
    )


def _finding(finding: Finding) -> etree._Element:
    name = finding.test or finding.kind.value
    children = [E.code(E.originalText(name), nullFlavor="OTH", codeSystem=c.OID_MEDDRA)]
    if finding.date is not None:
        children.append(E.effectiveTime(value=finding.date.e2b()))
    children.append(_typed("value", "ED", finding.result))
    return E.component(E.observation(*children, classCode="OBS", moodCode="EVN"), typeCode="COMP")


def _kind_of_product(product: Product) -> etree._Element:
    children: list[etree._Element] = [E.name(product.name)]
    if product.manufacturer:
        holder = E.holder(
            E.role(
                E.playingOrganization(
                    E.name(product.manufacturer), classCode="ORG", determinerCode="INSTANCE"
                ),
                classCode="HLD",
            ),
            typeCode="HLD",
        )
        approval = E.approval(holder, classCode="CNTRCT", moodCode="EVN")
        children.append(
            E.asManufacturedProduct(E.subjectOf(approval, typeCode="SBJ"), classCode="MANU")
        )
    if product.active_ingredient:
        children.append(
            E.ingredient(
                E.ingredientSubstance(
                    E.name(product.active_ingredient), classCode="MMAT", determinerCode="KIND"
                ),
                classCode="ACTI",
            )
        )
    return E.kindOfProduct(*children, classCode="MMAT", determinerCode="KIND")


def _dosage(product: Product) -> etree._Element | None:
    dose = product.dose
    has_route = product.route is not None or product.route_verbatim
    if not (has_route or product.start_date or product.end_date or dose or product.lot):
        return None
    children: list[etree._Element | None] = []
    if dose is not None and dose.verbatim:
        children.append(E.text(dose.verbatim))
    children.append(_interval(product.start_date, product.end_date))
    if has_route:
        text = product.route_verbatim or ROUTE_LABELS[product.route]  # type: ignore[index]
        if product.route is not None:
            route = E.routeCode(
                E.originalText(text),
                code=ROUTE_CODES[product.route],
                codeSystem=c.OID_ROUTE,
                displayName=ROUTE_LABELS[product.route],
            )
        else:
            route = E.routeCode(E.originalText(text), nullFlavor="OTH", codeSystem=c.OID_ROUTE)
        children.append(route)
    if dose is not None and dose.value is not None:
        children.append(E.doseQuantity(value=f"{dose.value:g}", unit=dose.unit or "1"))
    if product.lot or product.formulation:
        kind = []
        if product.lot:
            kind.append(
                E.productInstanceInstance(
                    E.lotNumberText(product.lot), classCode="MMAT", determinerCode="INSTANCE"
                )
            )
        if product.formulation:
            form = E.formCode(E.originalText(product.formulation.value.replace("_", " ")))
            kind.append(E.kindOfProduct(form, classCode="MMAT", determinerCode="KIND"))
        children.append(E.consumable(E.instanceOfKind(*kind, classCode="INST"), typeCode="CSM"))
    return E.outboundRelationship2(
        E.substanceAdministration(
            *[x for x in children if x is not None], classCode="SBADM", moodCode="EVN"
        ),
        typeCode="COMP",
    )


def _recurrences(product: Product, reaction_ids: list[str], case: Case) -> list[etree._Element]:
    rechallenge = product.rechallenge
    if rechallenge is None or rechallenge.done is None:
        return []
    if not rechallenge.done:
        code = RECHALLENGE_CODES[None]
    else:
        code = RECHALLENGE_CODES[rechallenge.result or RechallengeResult.unknown]
    out = []
    for rid, reaction in zip(reaction_ids, case.reactions, strict=True):
        if reaction.at_rechallenge:
            continue
        value = _typed("value", "CE", code=code, codeSystem=c.OID_RECURRENCE)
        ref = E.outboundRelationship1(
            E.actReference(E.id(root=rid), classCode="OBS", moodCode="EVN"), typeCode="REFR"
        )
        obs = E.observation(
            _obs_code(c.OBS_RECURRENCE, "recurranceOfReaction"),
            value,
            ref,
            classCode="OBS",
            moodCode="EVN",
        )
        out.append(E.outboundRelationship2(obs, typeCode="PERT"))
    return out


def _product(product: Product, pid: str, reaction_ids: list[str], case: Case) -> etree._Element:
    children: list[etree._Element | None] = [
        E.id(root=pid),
        E.consumable(E.instanceOfKind(_kind_of_product(product), classCode="INST"), typeCode="CSM"),
        _dosage(product),
        *_recurrences(product, reaction_ids, case),
    ]
    for info in product.additional_information:
        value = _typed("value", "CE", code=ADDITIONAL_INFO_CODES[info], codeSystem=c.OID_DRUG_INFO)
        children.append(
            E.outboundRelationship2(
                _observation(c.OBS_ADDITIONAL_INFO, "codedDrugInformation", value),
                typeCode="REFR",
            )
        )
    if product.indication:
        value = _typed(
            "value",
            "CE",
            E.originalText(product.indication),
            nullFlavor="OTH",
            codeSystem=c.OID_MEDDRA,
        )
        children.append(
            E.inboundRelationship(
                _observation(c.OBS_INDICATION, "indication", value), typeCode="RSON"
            )
        )
    if product.action_taken is not None:
        act = E.act(
            E.code(code=ACTION_CODES[product.action_taken], codeSystem=c.OID_ACTION),
            classCode="ACT",
            moodCode="EVN",
        )
        children.append(E.inboundRelationship(act, typeCode="CAUS"))
    return E.component(
        E.substanceAdministration(
            *[x for x in children if x is not None], classCode="SBADM", moodCode="EVN"
        ),
        typeCode="COMP",
    )


def _organizer(code: str, name: str, components: list[etree._Element]) -> etree._Element:
    return E.subjectOf2(
        E.organizer(
            E.code(code=code, codeSystem=c.OID_ORGANIZER, displayName=name),
            *components,
            classCode="CATEGORY",
            moodCode="EVN",
        ),
        typeCode="SBJ",
    )


def _patient(case: Case, reaction_ids: list[str], product_ids: list[str]) -> etree._Element:
    patient = case.patient
    player = [E.name(patient.initials) if patient.initials else E.name(nullFlavor="UNK")]
    if patient.sex in SEX_CODES:
        player.append(E.administrativeGenderCode(code=SEX_CODES[patient.sex], codeSystem=c.OID_SEX))
    else:
        player.append(E.administrativeGenderCode(nullFlavor="UNK"))
    role: list[etree._Element] = [E.player1(*player, classCode="PSN", determinerCode="INSTANCE")]

    def observed(code: str, name: str, value: etree._Element) -> None:
        role.append(E.subjectOf2(_observation(code, name, value), typeCode="SBJ"))

    if patient.age is not None:
        unit = c.AGE_UNITS[patient.age.unit]
        observed(c.OBS_AGE, "age", _typed("value", "PQ", value=f"{patient.age.value:g}", unit=unit))
    if patient.age_group is not None:
        code = AGE_GROUP_CODES[patient.age_group]
        observed(
            c.OBS_AGE_GROUP,
            "ageGroup",
            _typed("value", "CE", code=code, codeSystem=c.OID_AGE_GROUP),
        )
    if patient.weight_kg is not None:
        observed(
            c.OBS_WEIGHT,
            "bodyWeight",
            _typed("value", "PQ", value=f"{patient.weight_kg:g}", unit="kg"),
        )
    history = patient.medical_history + patient.concurrent_conditions
    if history:
        text = _typed("value", "ED", "; ".join(history))
        obs = _observation(c.OBS_HISTORY_TEXT, "historyAndConcurrentConditionText", text)
        role.append(
            _organizer(
                c.ORG_HISTORY,
                "relevantMedicalHistoryAndConcurrentConditions",
                [E.component(obs, typeCode="COMP")],
            )
        )
    role += [_reaction(r, rid) for r, rid in zip(case.reactions, reaction_ids, strict=True)]
    if case.findings:
        role.append(
            _organizer(
                c.ORG_TESTS,
                "testsAndProceduresRelevantToTheInvestigation",
                [_finding(f) for f in case.findings],
            )
        )
    drugs = [
        _product(p, pid, reaction_ids, case)
        for p, pid in zip(case.products, product_ids, strict=True)
    ]
    role.append(_organizer(c.ORG_DRUGS, "drugInformation", drugs))
    return E.subject1(E.primaryRole(*role, classCode="INVSBJ"), typeCode="SBJ")


def _assessment(case: Case, reaction_ids: list[str], product_ids: list[str]) -> etree._Element:
    roles = []
    for product, pid in zip(case.products, product_ids, strict=True):
        value = _typed("value", "CE", code=ROLE_CODES[product.role], codeSystem=c.OID_ROLE)
        reference = E.subject2(
            E.productUseReference(E.id(root=pid), classCode="SBADM", moodCode="EVN"),
            typeCode="SUBJ",
        )
        obs = E.causalityAssessment(
            _obs_code(c.OBS_ROLE, "interventionCharacterization"),
            value,
            reference,
            classCode="OBS",
            moodCode="EVN",
        )
        roles.append(E.component(obs, typeCode="COMP"))
    return E.component(
        E.adverseEventAssessment(
            _patient(case, reaction_ids, product_ids),
            *roles,
            classCode="INVSTG",
            moodCode="EVN",
        ),
        typeCode="COMP",
    )


def _primary_source(case: Case) -> etree._Element | None:
    reporter = case.report.reporter
    if reporter is None:
        return None
    person = []
    if reporter.qualification is not None:
        code = QUALIFICATION_CODES[reporter.qualification]
        person.append(
            E.asQualifiedEntity(E.code(code=code, codeSystem=c.OID_QUALIFICATION), classCode="QUAL")
        )
    if reporter.country:
        person.append(
            E.asLocatedEntity(
                E.location(
                    E.code(code=reporter.country, codeSystem=c.OID_COUNTRY),
                    classCode="COUNTRY",
                    determinerCode="INSTANCE",
                ),
                classCode="LOCE",
            )
        )
    entity: list[etree._Element] = []
    if person:
        entity.append(E.assignedPerson(*person, classCode="PSN", determinerCode="INSTANCE"))
    if reporter.organisation:
        entity.append(
            E.representedOrganization(
                E.name(reporter.organisation), classCode="ORG", determinerCode="INSTANCE"
            )
        )
    author = E.author(E.assignedEntity(*entity, classCode="ASSIGNED"), typeCode="AUT")
    return E.outboundRelationship(
        E.priorityNumber(value="1"),
        E.relatedInvestigation(
            E.code(code="2", codeSystem=c.OID_INVESTIGATION, displayName="sourceReport"),
            E.subjectOf2(
                E.controlActEvent(author, classCode="CACT", moodCode="EVN"), typeCode="SUBJ"
            ),
            classCode="INVSTG",
            moodCode="EVN",
        ),
        typeCode="SPRT",
    )


def _document(code: str, name: str, *children: etree._Element) -> etree._Element:
    return E.reference(
        E.document(
            E.code(code=code, codeSystem=c.OID_DOCUMENT, displayName=name),
            *children,
            classCode="DOC",
            moodCode="EVN",
        ),
        typeCode="REFR",
    )


def _characteristic(code: str, name: str, value: etree._Element) -> etree._Element:
    return E.subjectOf2(
        E.investigationCharacteristic(
            E.code(code=code, codeSystem=c.OID_CHARACTERISTIC, displayName=name),
            value,
            classCode="OBS",
            moodCode="EVN",
        ),
        typeCode="SUBJ",
    )


def _report_ids(case: Case, index: int) -> tuple[str, str]:
    own = case.case_id or f"DV-EXPORT-{index + 1:06d}"
    return f"{SENDER_ID}-{own}", case.report.source_id or f"{SENDER_ID}-{own}"


def _investigation(case: Case, index: int, now: str) -> etree._Element:
    reaction_ids = [_uid() for _ in case.reactions]
    product_ids = [_uid() for _ in case.products]
    safety_id, worldwide_id = _report_ids(case, index)
    received = case.report.received_date
    children: list[etree._Element | None] = [
        E.id(extension=safety_id, root=c.OID_MESSAGE_ID),
        E.id(extension=worldwide_id, root=c.OID_WORLDWIDE_ID),
        E.code(code="PAT_ADV_EVNT", codeSystem=c.OID_ACT_CODE),
        E.text(case.narrative) if case.narrative else None,
        E.statusCode(code="active"),
        E.effectiveTime(E.low(value=received.e2b()) if received else E.low(nullFlavor="UNK")),
        E.availabilityTime(value=now),
    ]
    if case.report.literature is not None:
        citation = E.bibliographicDesignationText(case.report.literature.citation)
        children.append(_document("2", "literatureReference", citation))
    children += [
        _assessment(case, reaction_ids, product_ids),
        _primary_source(case),
        E.subjectOf1(
            E.controlActEvent(
                E.author(
                    E.assignedEntity(
                        E.code(code="6", codeSystem=c.OID_SENDER_TYPE),
                        E.representedOrganization(
                            E.name("dermavigil"), classCode="ORG", determinerCode="INSTANCE"
                        ),
                        classCode="ASSIGNED",
                    ),
                    typeCode="AUT",
                ),
                classCode="CACT",
                moodCode="EVN",
            ),
            typeCode="SUBJ",
        ),
        _characteristic(
            "1",
            "ichReportType",
            _typed(
                "value",
                "CE",
                code=REPORT_TYPE_CODES[case.report.source],
                codeSystem=c.OID_REPORT_TYPE,
            ),
        ),
    ]
    return E.investigationEvent(
        *[x for x in children if x is not None], classCode="INVSTG", moodCode="EVN"
    )


def _device(role: str, extension: str, root: str) -> etree._Element:
    return E(
        role,
        E.device(E.id(extension=extension, root=root), classCode="DEV", determinerCode="INSTANCE"),
        typeCode="RCV" if role == "receiver" else "SND",
    )


def case_message(case: Case, index: int = 0, now: str | None = None) -> etree._Element:
    """One ``PORR_IN049016UV`` message for ``case`` (without the supplement)."""
    now = now or datetime.now(UTC).strftime("%Y%m%d%H%M%S+0000")
    return E.PORR_IN049016UV(
        E.id(extension=_uid(), root=c.OID_MESSAGE_ID),
        E.creationTime(value=now),
        E.interactionId(extension="PORR_IN049016UV", root=c.OID_INTERACTION),
        E.processingCode(code="P"),
        E.processingModeCode(code="T"),
        E.acceptAckCode(code="AL"),
        _device("receiver", "RECEIVER", c.OID_MESSAGE_RECEIVER),
        _device("sender", SENDER_ID, c.OID_MESSAGE_SENDER),
        E.controlActProcess(
            E.code(code="PORR_TE049016UV", codeSystem=c.OID_TRIGGER),
            E.effectiveTime(value=now),
            E.subject(_investigation(case, index, now), typeCode="SUBJ"),
            classCode="CACT",
            moodCode="EVN",
        ),
    )


def export_e2b(cases: Sequence[Case]) -> bytes:
    """A batch ``MCCI_IN200100UV01`` holding one ICSR message per case, schema-valid."""
    from dermavigil.exchange.e2b_supplement import attach_supplement

    now = datetime.now(UTC).strftime("%Y%m%d%H%M%S+0000")
    messages = []
    for i, case in enumerate(cases):
        message = case_message(case, i, now)
        attach_supplement(message, case)
        messages.append(message)
    batch = E.MCCI_IN200100UV01(
        E.id(extension=_uid(), root=c.OID_BATCH_ID),
        E.creationTime(value=now),
        E.responseModeCode(code="D"),
        E.interactionId(extension="MCCI_IN200100UV01", root=c.OID_INTERACTION),
        E.name(code="1", codeSystem=c.OID_MESSAGE_TYPE, displayName="ichicsr"),
        *messages,
        _device("receiver", "RECEIVER", c.OID_BATCH_RECEIVER),
        _device("sender", SENDER_ID, c.OID_BATCH_SENDER),
        ITSVersion="XML_1.0",
    )
    tree = etree.ElementTree(batch)
    require_valid(tree, record="E2B export")
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
