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

In: an assessment is an opinion about the case, not a fact of it, so
:func:`read_assessments` gives them (and H.4) as ``Case.unmapped`` entries,
verbatim, keyed by drug name and reaction term:
``G.k.9.i.2.r <drug> x <reaction>: <method>`` -> ``<result> (source: <source>)``.
:func:`assessment_elements` names the elements, so that the generic reader
of unmapped data (:mod:`~dermavigil.exchange.e2b.unmapped`) leaves them alone.
"""

from __future__ import annotations

from lxml import etree

from dermavigil.domain import Case
from dermavigil.domain.assessment import Assessment
from dermavigil.exchange import codes as c
from dermavigil.exchange.causality import causality_entries, keep, override_notes
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


def assessment_elements(event: etree._Element) -> list[etree._Element]:
    """The G.k.9.i.2.r and H.4 elements of an ``investigationEvent`` with all they hold."""
    return [x for top in _xpath(event, f"{_CAUSALITY} | {_COMMENT}") for x in top.iter()]


def _text(node: etree._Element, path: str) -> str | None:
    found = [(x.text or "").strip() for x in _xpath(node, path)]
    return next((t for t in found if t), None)


def _said(node: etree._Element, path: str) -> str | None:
    """The text at ``path`` (or at its ``originalText``), else the element's code."""
    return (
        _text(node, path)
        or _text(node, f"{path}/h:originalText")
        or node.xpath(f"string({path}/@code)", namespaces=c.NS)
        or None
    )


def _names(event: etree._Element) -> tuple[dict[str, str], dict[str, str]]:
    """Drug name by product id and reaction term (verbatim, else its code) by reaction id."""
    drugs = {
        sa.xpath("string(h:id/@root)", namespaces=c.NS): _text(
            sa, "h:consumable/h:instanceOfKind/h:kindOfProduct/h:name"
        )
        or "drug (unnamed)"
        for sa in _xpath(event, _DRUGS)
    }
    reactions = {
        obs.xpath("string(h:id/@root)", namespaces=c.NS): _text(obs, "h:value/h:originalText")
        or obs.xpath("string(h:value/@code)", namespaces=c.NS)
        or "reaction (unnamed)"
        for obs in _xpath(event, _REACTIONS)
    }
    return drugs, reactions


def read_assessments(event: etree._Element) -> dict[str, str]:
    """The G.k.9.i.2.r assessments and H.4 comments of an ``investigationEvent``, verbatim."""
    drugs, reactions = _names(event)
    found: dict[str, str] = {}
    for obs in _xpath(event, _CAUSALITY):
        pid = obs.xpath("string(h:subject2/h:productUseReference/h:id/@root)", namespaces=c.NS)
        rid = obs.xpath("string(h:subject1/h:adverseEffectReference/h:id/@root)", namespaces=c.NS)
        drug = drugs.get(pid, "drug (not referenced)")
        reaction = reactions.get(rid, "reaction (not referenced)")
        method = _said(obs, "h:methodCode") or "method not stated"
        result = _said(obs, "h:value") or "result not stated"
        source = _said(obs, "h:author/h:assignedEntity/h:code")
        keep(
            found,
            f"G.k.9.i.2.r {drug} x {reaction}: {method}",
            f"{result} (source: {source})" if source else result,
        )
    for obs in _xpath(event, _COMMENT):
        text = _text(obs, "h:value")
        if text:
            keep(found, SENDER_COMMENTS, text)
    return found
