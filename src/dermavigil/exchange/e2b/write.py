"""Cases to an ICH E2B(R3) ICSR batch (``MCCI_IN200100UV01``), valid against the ICH XSD.

One ``PORR_IN049016UV`` message per case, built element by element in the
order of the HL7 v3 schema, with the OIDs of FDA's data-element sheet
(:mod:`dermavigil.exchange.codes`). Mapping highlights:

- H.1 narrative; C.4.r literature reference (citation); C.1.3 report type;
  C.2.r primary source (qualification, country, organisation).
- D.1 initials (nullFlavor UNK when absent), D.5 sex (nullFlavor UNK),
  D.2.2 age with its UCUM unit, D.2.3 age group, D.3 weight, D.7.2 history.
- E.i.1.1a verbatim reaction (``value/originalText``, language ``eng``);
  E.i.2.1 takes a MedDRA code when the case has one; a non-MedDRA code (HPO)
  goes in ``value/translation`` with the HPO OID, the MedDRA slot then
  carrying nullFlavor ``OTH`` ("not in this code system"), which is how
  HL7 v3 declares a term from another terminology.
  E.i.3.2 seriousness criteria from :mod:`~dermavigil.exchange.seriousness` (the
  assessment's, else derived: BL true, nullFlavor NI when not met),
  E.i.4/E.i.5 dates (or E.i.6 duration as the interval's width), E.i.7
  outcome (0 = unknown when not stated; the element is required).
- G.k.1 role, G.k.2.2 name, G.k.2.3 active ingredient, G.k.3.3 holder
  (manufacturer), G.k.4.r dosage (dates, dose, G.k.4.r.10 route on the ICH
  route list with its free text, lot, form), G.k.7 indication, G.k.8 action
  taken, G.k.9.i.3.1 onset latency (on the first suspect), G.k.9.i.4
  rechallenge, G.k.10.r additional information (code 11 = off-label use).
- C.1.6.1 additional documents (true when the supplement is attached),
  C.1.7 expedited (nullFlavor NI: a local criterion dermavigil does not judge).
- F.r findings (test name, date, unstructured result).

Facts E2B(R3) has no element for (product category, labelled routes,
treatments, body sites, dechallenge ...) travel in a JSON document attached as C.1.6.1.r
("documents held by sender"): :mod:`dermavigil.exchange.e2b.supplement`
computes it as exactly the difference between the case and what the XML
alone gives back, so the round trip is lossless and the E2B elements carry
everything they can.

Given the registry's assessment of a case, G.k.9.i.2.r carries its causality
(WHO-UMC and Naranjo, per suspect drug x reaction) and H.4 the assessor
overrides (:mod:`dermavigil.exchange.e2b.causality`). The batch and message
sender and receiver ids (N.1.3/N.1.4, N.2.r.2/N.2.r.3) are the caller's
(``Settings.e2b_sender_id`` / ``e2b_receiver_id``), by default
:data:`SENDER_ID` and :data:`RECEIVER_ID`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from lxml import etree

from dermavigil.domain import Case
from dermavigil.domain.assessment import Assessment
from dermavigil.domain.report_numbers import authority_of
from dermavigil.domain.vocab import QUALIFICATION_CODES, REPORT_TYPE_CODES
from dermavigil.errors import InputError
from dermavigil.exchange import codes as c
from dermavigil.exchange.e2b.causality import add_causality, add_reported
from dermavigil.exchange.e2b.read import message_mapping
from dermavigil.exchange.e2b.rules import check_batch, profile_of
from dermavigil.exchange.e2b.schema import require_valid
from dermavigil.exchange.e2b.subject import assessment
from dermavigil.exchange.e2b.supplement import FORMAT as SUPPLEMENT_FORMAT
from dermavigil.exchange.e2b.supplement import document as supplement_document
from dermavigil.exchange.e2b.xml import E, device, typed, uid, wrapped
from dermavigil.exchange.seriousness import case_seriousness
from dermavigil.exchange.supplement import diff

SENDER_ID = "DERMAVIGIL"
"""Default sender id (N.1.3, N.2.r.2) and prefix of the sender's safety report id (C.1.1)."""
RECEIVER_ID = "RECEIVER"
"""Default receiver id (N.1.4, N.2.r.3)."""


def _primary_source(case: Case) -> etree._Element | None:
    """C.2.r: qualification, country and organisation of the reporter."""
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
    """C.1.6.1.r (code 1) or C.4.r (code 2): a document referenced by the report."""
    return wrapped(
        ("reference", "REFR"), ("document", "DOC"), (code, c.OID_DOCUMENT, name), *children
    )


def _flag(code: str, name: str, value: etree._Element) -> etree._Element:
    """C.1.6.1 / C.1.7: a yes/no fact of the report."""
    return wrapped(
        ("component", "COMP"), ("observationEvent", "OBS"), (code, c.OID_OBSERVATION, name), value
    )


def _characteristic(code: str, name: str, value: etree._Element) -> etree._Element:
    """C.1.3 and its kin: a characteristic of the investigation."""
    return wrapped(
        ("subjectOf2", "SUBJ"),
        ("investigationCharacteristic", "OBS"),
        (code, c.OID_CHARACTERISTIC, name),
        value,
    )


def _other_case_id(number: str | None) -> etree._Element | None:
    """C.1.9.1.r: the regulatory authority's case number (r.2) and its source (r.1, the
    authority the number names, e.g. ``MHRA`` of ``GB-MHRA-ADR 22444313``), as FDA's example
    ICSR (FAERS2022Scenario6) gives other case identifiers; None without a number."""
    if not number:
        return None
    source = authority_of(number) or "regulatory authority"
    identifier = E.id(
        assigningAuthorityName=source[:100], extension=number[:100], root=c.OID_OTHER_CASE_ID
    )
    return E.subjectOf1(
        E.controlActEvent(identifier, classCode="CACT", moodCode="EVN"), typeCode="SUBJ"
    )


def _report_ids(case: Case, index: int, sender: str) -> tuple[str, str]:
    """C.1.1 (sender's id, from the registry id) and C.1.8.1 (worldwide: the source's own id,
    sent unchanged; the sender's id when the case has none)."""
    own = case.case_id or f"DV-EXPORT-{index + 1:06d}"
    return f"{sender}-{own}", case.report.source_id or f"{sender}-{own}"


FIRST_SENDER_OTHER = "2"
"""C.1.8.2 first sender of this case: 1 regulator, 2 other (dermavigil's users)."""
MESSAGE_RECEIVERS = {"ZZFDA": "CDER", "ZZFDA_PREMKT": "CDER_IND"}
"""N.2.r.3 for a batch receiver N.1.4 (FDA rules R0006/R0007); others use the batch's."""


def _first_sender() -> etree._Element:
    """C.1.8.2: first sender of this case (other than a regulator)."""
    entity = E.assignedEntity(
        E.code(code=FIRST_SENDER_OTHER, codeSystem=c.OID_FIRST_SENDER), classCode="ASSIGNED"
    )
    return E.outboundRelationship(
        E.relatedInvestigation(
            E.code(code="1", codeSystem=c.OID_INVESTIGATION, displayName="initialReport"),
            E.subjectOf2(
                E.controlActEvent(
                    E.author(entity, typeCode="AUT"), classCode="CACT", moodCode="EVN"
                ),
                typeCode="SUBJ",
            ),
            classCode="INVSTG",
            moodCode="EVN",
        ),
        typeCode="SPRT",
    )


def _investigation(
    case: Case,
    index: int,
    now: str,
    judged: Assessment | None = None,
    sender: str = SENDER_ID,
) -> etree._Element:
    """The ``investigationEvent``: the whole case."""
    reaction_ids = [uid() for _ in case.reactions]
    product_ids = [uid() for _ in case.products]
    safety_id, worldwide_id = _report_ids(case, index, sender)
    stated = case.report.expedited  # C.1.7 as received, else: serious (expectedness unknown)
    serious = case_seriousness(case, judged).serious
    expedited = "true" if (stated if stated is not None else serious) else "false"
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
        assessment(case, reaction_ids, product_ids, judged),
        _flag(
            c.OBS_DOCUMENTS_AVAILABLE,
            "additionalDocumentsAvailable",
            typed("value", "BL", value="false"),
        ),
        _flag(c.OBS_EXPEDITED, "localCriteriaForExpedited", typed("value", "BL", value=expedited)),
        _first_sender(),
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
        _other_case_id(case.report.authority_number),
        _characteristic(
            "1",
            "ichReportType",
            typed(
                "value",
                "CE",
                code=REPORT_TYPE_CODES[case.report.source],
                codeSystem=c.OID_REPORT_TYPE,
            ),
        ),
        _characteristic(  # C.1.9.1: true with the authority's number, else no information
            "2",
            "otherCaseIds",
            typed("value", "BL", value="true")
            if case.report.authority_number
            else typed("value", "BL", nullFlavor="NI"),
        ),
    ]
    return E.investigationEvent(
        *[x for x in children if x is not None], classCode="INVSTG", moodCode="EVN"
    )


def case_message(
    case: Case,
    index: int = 0,
    now: str | None = None,
    *,
    sender: str = SENDER_ID,
    receiver: str = RECEIVER_ID,
    judged: Assessment | None = None,
) -> etree._Element:
    """One ``PORR_IN049016UV`` message for ``case`` (without the supplement); ``judged`` (the
    case's assessment) decides its seriousness, else it is derived from the case."""
    now = now or datetime.now(UTC).strftime("%Y%m%d%H%M%S+0000")
    message = E.PORR_IN049016UV(
        E.id(extension=uid(), root=c.OID_MESSAGE_ID),
        E.creationTime(value=now),
        E.interactionId(extension="PORR_IN049016UV", root=c.OID_INTERACTION),
        E.processingCode(code="P"),
        E.processingModeCode(code="T"),
        E.acceptAckCode(code="AL"),
        device("receiver", MESSAGE_RECEIVERS.get(receiver, receiver), c.OID_MESSAGE_RECEIVER),
        device("sender", sender, c.OID_MESSAGE_SENDER),
        E.controlActProcess(
            E.code(code="PORR_TE049016UV", codeSystem=c.OID_TRIGGER),
            E.effectiveTime(value=now),
            E.subject(_investigation(case, index, now, judged, sender), typeCode="SUBJ"),
            classCode="CACT",
            moodCode="EVN",
        ),
    )
    add_reported(message, case)
    return message


def attach_supplement(message: etree._Element, case: Case) -> None:
    """Attach to ``message`` the facts of ``case`` its E2B elements cannot carry (if any)."""
    seen, _ = message_mapping(message)
    changes = diff(case.model_dump(mode="json", exclude_defaults=True), seen)
    if not changes:
        return
    body = json.dumps(
        {"format": SUPPLEMENT_FORMAT, "version": 1, "set": changes}, ensure_ascii=False
    )
    event = message.find(f".//{{{c.HL7}}}investigationEvent")
    assert event is not None
    anchor = event.find(f"{{{c.HL7}}}availabilityTime")
    assert anchor is not None
    anchor.addnext(supplement_document(body))
    flag = event.xpath(
        f"h:component/h:observationEvent[h:code/@code='{c.OBS_DOCUMENTS_AVAILABLE}']/h:value",
        namespaces=c.NS,
    )
    flag[0].set("value", "true")


def _refuse_rejected(batch: etree._Element, receiver: str) -> None:
    """Refuse to send a batch the receiver's business rules would reject (each finding named)."""
    rejected = [f for f in check_batch(batch) if f.severity == "rejection"]
    if rejected:
        raise InputError(
            f"E2B export for {receiver}: {len(rejected)} business-rule rejection(s); "
            "nothing was written",
            [f.problem() for f in rejected],
        )


def export_e2b(
    cases: Sequence[Case],
    assessments: Sequence[Assessment | None] | None = None,
    *,
    sender: str | None = None,
    receiver: str | None = None,
) -> bytes:
    """A batch ``MCCI_IN200100UV01`` holding one ICSR message per case, schema-valid.

    For a regulator's receiver id (FDA ``ZZFDA...``, EMA ``EVHUMAN``) the batch carries the
    E2B elements alone (no dermavigil supplement) and must pass the business rules
    (:mod:`~dermavigil.exchange.e2b.rules`): what the receiver would reject is refused here,
    every rejection named by its data element.

    ``assessments`` (one per case, or None for a case without) adds each case's
    causality (G.k.9.i.2.r) after the supplement is computed, so the supplement
    never carries it.
    """
    sender, receiver = sender or SENDER_ID, receiver or RECEIVER_ID
    now = datetime.now(UTC).strftime("%Y%m%d%H%M%S+0000")
    messages = []
    for i, case in enumerate(cases):
        judged = assessments[i] if assessments is not None else None
        message = case_message(case, i, now, sender=sender, receiver=receiver, judged=judged)
        if profile_of(receiver) is None:  # a regulator gets the E2B elements alone
            attach_supplement(message, case)
        if judged is not None:
            add_causality(message, case, judged)
        messages.append(message)
    batch = E.MCCI_IN200100UV01(
        E.id(extension=uid(), root=c.OID_BATCH_ID),
        E.creationTime(value=now),
        E.responseModeCode(code="D"),
        E.interactionId(extension="MCCI_IN200100UV01", root=c.OID_INTERACTION),
        E.name(code="1", codeSystem=c.OID_MESSAGE_TYPE, displayName="ichicsr"),
        *messages,
        device("receiver", receiver, c.OID_BATCH_RECEIVER),
        device("sender", sender, c.OID_BATCH_SENDER),
        ITSVersion="XML_1.0",
    )
    tree = etree.ElementTree(batch)
    require_valid(tree, record="E2B export")
    if profile_of(receiver) is not None:
        _refuse_rejected(batch, receiver)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
