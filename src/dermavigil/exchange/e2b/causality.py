"""E2B(R3) G.k.9.i.2.r (assessment of relatedness of drug to reaction) and H.4, out and in.

Out: :func:`add_causality` appends to a message's ``adverseEventAssessment``
one ``causalityAssessment`` (code 39 "causality") per entry of
:func:`~dermavigil.exchange.causality.causality_entries`, shaped as in FDA's
FAERS Scenario 6 example: ``value`` (ST, G.k.9.i.2.r.3 result),
``methodCode/originalText`` (G.k.9.i.2.r.2 method),
``author/assignedEntity/code/originalText`` (G.k.9.i.2.r.1 source),
``subject1/adverseEffectReference`` (the reaction) and
``subject2/productUseReference`` (the drug). Assessor overrides are
explained in H.4 sender's comments (``component1/observationEvent``, code
10 "comment", author code 1 "sender"); a value longer than the 60 characters
E2B(R3) allows is shortened with "..." (the comments keep every name).

In: the sender's assessments are kept as received, beside dermavigil's own
(never replacing them): :func:`read_reported` gives ``Case.reported_causality``
(drug and reaction by index; source, method and result verbatim) and H.4 as
``Case.sender_comments``; :func:`add_reported` writes them back out, before
any assessment of dermavigil's. An assessment referring to no drug or
reaction of the message stays in ``unmapped``.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from dermavigil.domain import Case
from dermavigil.domain.assessment import Assessment
from dermavigil.exchange import codes as c
from dermavigil.exchange.causality import causality_entries, override_notes
from dermavigil.exchange.e2b.xml import E, typed

OBS_CAUSALITY = "39"
OBS_COMMENT = "10"
SOURCE_SENDER = "1"
FIELD_LENGTH = 60
"""Longest G.k.9.i.2.r.1-3 value (ICH E2B(R3) field length, 60 characters)."""
SENDER_COMMENTS = "H.4 sender's comments"
"""``unmapped`` key of the sender's comments (H.4)."""

_ASSESSMENT = "h:component/h:adverseEventAssessment"
_CAUSALITY = f"{_ASSESSMENT}/h:component/h:causalityAssessment[h:code/@code='{OBS_CAUSALITY}']"
_COMMENT = (
    f"{_ASSESSMENT}/h:component1/h:observationEvent[h:code/@code='{OBS_COMMENT}']"
    f"[h:author/h:assignedEntity/h:code/@code='{SOURCE_SENDER}']"
)
_ROLE = f"{_ASSESSMENT}/h:subject1/h:primaryRole"
_REACTIONS = f"{_ROLE}/h:subjectOf2/h:observation[h:code/@code='{c.OBS_REACTION}']"
_DRUGS = (
    f"{_ROLE}/h:subjectOf2/h:organizer[h:code/@code='{c.ORG_DRUGS}']"
    "/h:component/h:substanceAdministration"
)


def _xpath(node: etree._Element, path: str) -> list[etree._Element]:
    return list(node.xpath(path, namespaces=c.NS))


def _reference(tag: str, class_code: str, root: str) -> etree._Element:
    return E(tag, E.id(root=root), classCode=class_code, moodCode="EVN")


def _clip(text: str) -> str:
    """``text`` within :data:`FIELD_LENGTH` (the full names of assessors stay in H.4)."""
    return text if len(text) <= FIELD_LENGTH else text[: FIELD_LENGTH - 3] + "..."


def _causality(result: str, method: str, source: str, rid: str, pid: str) -> etree._Element:
    """G.k.9.i.2.r: one assessment of drug ``pid`` x reaction ``rid``."""
    result, method, source = _clip(result), _clip(method), _clip(source)
    return E.component(
        E.causalityAssessment(
            E.code(code=OBS_CAUSALITY, codeSystem=c.OID_OBSERVATION, displayName="causality"),
            typed("value", "ST", result),
            E.methodCode(E.originalText(method)),
            E.author(
                E.assignedEntity(E.code(E.originalText(source)), classCode="ASSIGNED"),
                typeCode="AUT",
            ),
            E.subject1(_reference("adverseEffectReference", "OBS", rid), typeCode="SUBJ"),
            E.subject2(_reference("productUseReference", "SBADM", pid), typeCode="SUBJ"),
            classCode="OBS",
            moodCode="EVN",
        ),
        typeCode="COMP",
    )


def _sender_comments(text: str) -> etree._Element:
    """H.4: the sender's comments (author code 1, "sender")."""
    sender = E.code(code=SOURCE_SENDER, codeSystem=c.OID_SOURCE, displayName="sender")
    return E.component1(
        E.observationEvent(
            E.code(code=OBS_COMMENT, codeSystem=c.OID_OBSERVATION, displayName="comment"),
            typed("value", "ED", text),
            E.author(E.assignedEntity(sender, classCode="ASSIGNED"), typeCode="AUT"),
            classCode="OBS",
            moodCode="EVN",
        ),
        typeCode="COMP",
    )


def add_causality(message: etree._Element, case: Case, assessment: Assessment) -> None:
    """Append the G.k.9.i.2.r assessments (and H.4 for overrides) to ``message``, built for
    ``case`` by :func:`~dermavigil.exchange.e2b.write.case_message`."""
    event = message.find(f".//{{{c.HL7}}}investigationEvent")
    assert event is not None  # case_message always builds one
    block = _xpath(event, _ASSESSMENT)[0]
    reaction_ids = [
        obs.xpath("h:id/@root", namespaces=c.NS)[0] for obs in _xpath(event, _REACTIONS)
    ]
    product_ids = [sa.xpath("h:id/@root", namespaces=c.NS)[0] for sa in _xpath(event, _DRUGS)]
    last = _xpath(block, "h:component")[-1]  # the G.k.1 roles: one per drug, at least one
    for entry in reversed(causality_entries(case, assessment)):
        rid, pid = reaction_ids[entry.reaction], product_ids[entry.product]
        last.addnext(_causality(entry.result, entry.method, entry.source, rid, pid))
    notes = override_notes(assessment)
    if notes:
        block.append(_sender_comments("Causality assessment overridden:\n" + "\n".join(notes)))


def add_reported(message: etree._Element, case: Case) -> None:
    """Write the sender's causality (``Case.reported_causality``, G.k.9.i.2.r) and comments
    (H.4) of ``case`` into ``message``, as received (before dermavigil's own, if any)."""
    if not case.reported_causality and not case.sender_comments:
        return
    event = message.find(f".//{{{c.HL7}}}investigationEvent")
    assert event is not None
    block = _xpath(event, _ASSESSMENT)[0]
    reaction_ids = [
        obs.xpath("h:id/@root", namespaces=c.NS)[0] for obs in _xpath(event, _REACTIONS)
    ]
    product_ids = [sa.xpath("h:id/@root", namespaces=c.NS)[0] for sa in _xpath(event, _DRUGS)]
    last = _xpath(block, "h:component")[-1]
    for judged in reversed(case.reported_causality):
        rid, pid = reaction_ids[judged.reaction], product_ids[judged.product]
        last.addnext(_reported(judged.result, judged.method, judged.source, rid, pid))
    if case.sender_comments:
        block.append(_sender_comments(case.sender_comments))


def _reported(
    result: str | None, method: str | None, source: str | None, rid: str, pid: str
) -> etree._Element:
    """G.k.9.i.2.r as received: only the parts the sender gave."""
    parts: list[etree._Element] = [
        E.code(code=OBS_CAUSALITY, codeSystem=c.OID_OBSERVATION, displayName="causality")
    ]
    if result:
        parts.append(typed("value", "ST", result))
    if method:
        parts.append(E.methodCode(E.originalText(method)))
    if source:
        parts.append(
            E.author(
                E.assignedEntity(E.code(E.originalText(source)), classCode="ASSIGNED"),
                typeCode="AUT",
            )
        )
    parts += [
        E.subject1(_reference("adverseEffectReference", "OBS", rid), typeCode="SUBJ"),
        E.subject2(_reference("productUseReference", "SBADM", pid), typeCode="SUBJ"),
    ]
    return E.component(
        E.causalityAssessment(*parts, classCode="OBS", moodCode="EVN"), typeCode="COMP"
    )


def _marked(r: Any, node: etree._Element, path: str) -> str | None:
    """The text at ``path`` (or its ``originalText``), marked as read on ``r``."""
    for candidate in (path, f"{path}/h:originalText"):
        for x in _xpath(node, candidate):
            if (x.text or "").strip():
                r.take(x)
                return (x.text or "").strip()
    return None


def read_reported(
    r: Any, drugs: list[etree._Element], reactions: list[etree._Element]
) -> tuple[list[dict[str, Any]], str | None]:
    """The G.k.9.i.2.r assessments (by product and reaction index) and the H.4 sender's
    comments of a message; elements read are marked on the reader ``r``. An assessment that
    refers to no drug or reaction of the message is left for ``unmapped``."""
    pids = [sa.xpath("string(h:id/@root)", namespaces=c.NS) for sa in drugs]
    rids = [obs.xpath("string(h:id/@root)", namespaces=c.NS) for obs in reactions]
    found: list[dict[str, Any]] = []
    for obs in _xpath(r.event, _CAUSALITY):
        pid = obs.xpath("string(h:subject2/h:productUseReference/h:id/@root)", namespaces=c.NS)
        rid = obs.xpath("string(h:subject1/h:adverseEffectReference/h:id/@root)", namespaces=c.NS)
        if pid not in pids or rid not in rids:
            continue
        entry = {
            "product": pids.index(pid),
            "reaction": rids.index(rid),
            "result": _marked(r, obs, "h:value"),
            "method": _marked(r, obs, "h:methodCode"),
            "source": _marked(r, obs, "h:author/h:assignedEntity/h:code"),
        }
        entry = {k: v for k, v in entry.items() if v is not None}
        if entry not in found:
            found.append(entry)
    comments = []
    for obs in _xpath(r.event, _COMMENT):
        text = _marked(r, obs, "h:value")
        if text:
            r.take(_xpath(obs, "h:author/h:assignedEntity/h:code")[0])
            comments.append(text)
    return found, "\n".join(comments) or None
