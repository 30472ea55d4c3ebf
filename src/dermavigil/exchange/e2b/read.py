"""ICH E2B(R3) ICSR XML to cases (see :mod:`~dermavigil.exchange.e2b.sections` for the mapping).

The document is parsed safely (:mod:`~dermavigil.exchange.xml_safety`) and
validated against the ICH schema first: a document that fails is refused
whole with the schema's own messages and line numbers. Each
``PORR_IN049016UV`` message then becomes one case; the data the model does
not hold go verbatim into ``Case.unmapped``
(:mod:`~dermavigil.exchange.e2b.unmapped`), and a dermavigil supplement
(:mod:`~dermavigil.exchange.e2b.supplement`) is applied last (one that does
not apply is kept aside, see :func:`~dermavigil.exchange.supplement.build_case`).
The regulatory authority's case number is read from C.1.9.1.r
(:mod:`~dermavigil.exchange.e2b.other_ids`).
The sender's causality assessments (G.k.9.i.2.r) and comments (H.4) are kept
beside dermavigil's own as ``Case.reported_causality`` / ``sender_comments``, read
by :mod:`~dermavigil.exchange.e2b.causality`. Each case is validated on its
own, so one bad message does not sink the batch.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from lxml import etree

from dermavigil.domain import Case
from dermavigil.domain.vocab import ROLE_CODES
from dermavigil.errors import InputError, Problem
from dermavigil.exchange import codes as c
from dermavigil.exchange.e2b import drugs as d
from dermavigil.exchange.e2b import sections as s
from dermavigil.exchange.e2b.causality import read_reported
from dermavigil.exchange.e2b.other_ids import authority_number
from dermavigil.exchange.e2b.rules import check_batch
from dermavigil.exchange.e2b.schema import require_valid
from dermavigil.exchange.e2b.supplement import decoded, read_supplement
from dermavigil.exchange.e2b.unmapped import collect
from dermavigil.exchange.received import NULLIFICATION_CODES, Received
from dermavigil.exchange.supplement import build_case
from dermavigil.exchange.xml_safety import parse_untrusted

_ROLE = "h:component/h:adverseEventAssessment/h:subject1/h:primaryRole"


def _roles(r: s.Reader, drugs: list[etree._Element]) -> tuple[list[str | None], list[str | None]]:
    """Per drug (in order): its G.k.1 role code and its FDA.G.k.1.a code (a regional value,
    with its own code system, kept apart). Roles reference drugs by id; when the ids do not
    tell the drugs apart (a repeated id, a reference to no drug) but there is one G.k.1 role
    per drug, the roles are taken in drug order, and ``r.notes`` says so."""
    ids = [d_.xpath("string(h:id/@root)", namespaces=c.NS) for d_ in drugs]
    ich: list[tuple[str, str]] = []
    fda: dict[str, str] = {}
    for obs in r.all(
        r.event,
        "h:component/h:adverseEventAssessment/h:component"
        f"/h:causalityAssessment[h:code/@code='{c.OBS_ROLE}']",
    ):
        pid = obs.xpath("string(h:subject2/h:productUseReference/h:id/@root)", namespaces=c.NS)
        value = r.one(obs, "h:value")
        if value is None or not value.get("code"):
            continue
        system, code = value.get("codeSystem"), value.get("code")
        if system == c.OID_FDA_OTHER_ROLE and code in c.FDA_OTHER_ROLE_CODES.values():
            fda[pid] = code
        elif system in (c.OID_ROLE, None) and code in ROLE_CODES.values():
            ich.append((pid, code))
        else:
            continue
        r.take(value)
    by_id = dict(ich)
    distinct = len(set(ids)) == len(ids) and all(pid in ids for pid, _ in ich)
    if not distinct and len(ich) == len(drugs):
        r.notes["G.k.1 (roles matched by position)"] = (
            "the drugs' ids do not tell them apart; G.k.1 roles were read in drug order"
        )
        roles: list[str | None] = [code for _, code in ich]
    else:
        roles = [by_id.get(pid) for pid in ids]
    return roles, [fda.get(pid) for pid in ids]


def _supplement(r: s.Reader) -> str | None:
    """The dermavigil supplement's text, if attached (C.1.6.1 follows from the documents)."""
    r.take(
        r.one(
            r.event,
            f"h:component/h:observationEvent[h:code/@code='{c.OBS_DOCUMENTS_AVAILABLE}']/h:value",
        )
    )
    document = r.one(r.event, f"h:reference/h:document[h:title='{c.SUPPLEMENT_TITLE}']")
    if document is None:
        return None
    r.take(r.one(document, "h:title"))
    text = r.text(document, "h:text")
    node = r.one(document, "h:text")
    if text is None or node is None:
        return text
    try:
        return decoded(text, node.get("representation"), record="supplement")
    except InputError:
        return text  # kept aside, unapplied, by build_case


def message_mapping(message: etree._Element) -> tuple[dict[str, Any], str | None]:
    """The case mapping one message gives (with ``unmapped``) and its supplement text, if any."""
    event = message.find(f".//{{{c.HL7}}}investigationEvent")
    if event is None:
        raise InputError("the message has no investigationEvent (not an ICSR)")
    r = s.Reader(event)
    supplement = _supplement(r)
    role = r.one(event, _ROLE)
    mapping: dict[str, Any] = {"report": s.report(r), "narrative": r.text(event, "h:text")}
    mapping["report"] = s.drop_none({**mapping["report"], "authority_number": authority_number(r)})
    if role is not None:
        mapping["patient"] = s.patient(r, role)
        reactions = r.all(role, f"h:subjectOf2/h:observation[h:code/@code='{c.OBS_REACTION}']")
        mapping["reactions"] = [s.reaction(r, obs) for obs in reactions]
        findings = [
            s.finding(r, obs)
            for obs in r.all(
                role,
                f"h:subjectOf2/h:organizer[h:code/@code='{c.ORG_TESTS}']/h:component/h:observation",
            )
        ]
        mapping["findings"] = [f for f in findings if f]
        drugs = r.all(
            role,
            f"h:subjectOf2/h:organizer[h:code/@code='{c.ORG_DRUGS}']"
            "/h:component/h:substanceAdministration",
        )
        roles, regional = _roles(r, drugs)
        mapping["products"] = [
            d.product(r, sa, role_code, fda_code)
            for sa, role_code, fda_code in zip(drugs, roles, regional, strict=True)
        ]
        latency: dict[str, dict[str, Any]] = {}
        for sa in drugs:
            d.latencies(r, sa, latency)
        for obs, reaction in zip(reactions, mapping["reactions"], strict=True):
            rid = obs.xpath("h:id/@root", namespaces=c.NS)
            if rid and rid[0] in latency:
                reaction["onset_latency"] = latency[rid[0]]
        reported, comments = read_reported(r, drugs, reactions)
        mapping["reported_causality"] = reported
        mapping["sender_comments"] = comments
    amendment_of(event, r)
    mapping["unmapped"] = {**collect(event, r.used), **r.notes}
    return {k: v for k, v in mapping.items() if v not in (None, [], {})}, supplement


REFUSED_WITHOUT = frozenset({"C.1.1", "C.1.3", "C.1.8.1", "E.i", "G.k.1", "G.k.2.2"})
"""Elements whose absence refuses a received report: the report's identity (C.1.1 sender's
id, C.1.3 type, C.1.8.1 worldwide id) and the ICH minimum criteria a case model needs
(a reaction, a drug's role and name). Other findings are warnings beside the case."""

_CHARACTERISTIC = "h:subjectOf2/h:investigationCharacteristic[h:code/@code='{}']/h:value"


def amendment_of(event: etree._Element, r: s.Reader | None = None) -> Received:
    """The report's C.1.8.1 and C.1.1 ids, C.1.11.1 nullification / amendment and C.1.11.2."""
    r = r or s.Reader(event)
    kind = r.coded(event, _CHARACTERISTIC.format("3"), NULLIFICATION_CODES)
    reason = r.text(event, _CHARACTERISTIC.format("4") + "/h:originalText")
    if reason is None:
        reason = r.text(event, _CHARACTERISTIC.format("4"))
    ids = event.xpath(
        f"h:id[@root='{c.OID_WORLDWIDE_ID}' or @root='{c.OID_MESSAGE_ID}']/@extension",
        namespaces=c.NS,
    )
    unique = tuple(dict.fromkeys(str(x) for x in ids if str(x).strip()))
    return Received(kind, reason, unique)


def _case(message: etree._Element, record: str) -> Case:
    mapping, supplement = message_mapping(message)
    read = partial(read_supplement, record=record)
    return build_case(mapping, supplement, read, record=record)


def import_e2b(data: bytes, *, record: str = "document") -> list[Case | InputError]:
    """The cases of an E2B(R3) document, each built or refused with its problems.

    Raises :class:`InputError` when the document itself is unsafe, malformed
    or not valid against the ICH schema.
    """
    return [outcome for outcome, _ in received(data, record=record)]


def received(data: bytes, *, record: str = "document") -> list[tuple[Case | InputError, Received]]:
    """:func:`import_e2b` with each message's C.1.11 nullification / amendment."""
    tree = parse_untrusted(data, record=record)
    require_valid(tree, record=record)
    root = tree.getroot()
    messages = (
        [root]
        if etree.QName(root).localname == "PORR_IN049016UV"
        else root.findall(f"{{{c.HL7}}}PORR_IN049016UV")
    )
    if not messages:
        raise InputError(
            f"{record}: the batch holds no ICSR message", [Problem("line 1", "no PORR_IN049016UV")]
        )
    findings = check_batch(root)
    outcomes: list[tuple[Case | InputError, Received]] = []
    for i, message in enumerate(messages):
        label = f"{record} message {i + 1} (line {message.sourceline})"
        event = message.find(f".//{{{c.HL7}}}investigationEvent")
        header = amendment_of(event) if event is not None else Received()
        own = [f for f in findings if f.message in (0, i + 1)]
        refused = [f.problem() for f in own if f.element in REFUSED_WITHOUT]
        if refused:
            outcomes.append((InputError(f"{label}: ICH required data missing", refused), header))
            continue
        header = replace(header, warnings=tuple(f.problem() for f in own))
        try:
            outcomes.append((_case(message, label), header))
        except InputError as error:
            outcomes.append((error, header))
    return outcomes
