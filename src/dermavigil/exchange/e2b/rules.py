"""Business rules of an E2B(R3) ICSR batch: ICH conformance and FDA's rejection/warning rules.

Sources: FDA "E2B(R3) Core and Regional Data Elements and Business Rules"
(``fda_icsr_data_elements.csv``: the 33 elements whose ICH conformance is
*Required*, their maximum lengths and whether a nullFlavor is allowed) and
FDA's rejection/warning rules (``fda_rejection_warning_rules.csv``: rule ids
``R0004`` ...). Each finding names its data element and is a *rejection*
(the receiver returns the report) or a *warning*; the messages follow FDA's
generic wording ("Data value required for tag C.1.1", "Maximum length
exceeds for tag ...", "... contains Future date").

The checks run on the XML itself (not the case model), so they apply alike to
a received document and to what dermavigil is about to send. What is checked:
presence of every ICH-required element (a nullFlavor counts only where FDA's
sheet allows one), maximum lengths of the text elements, C.1.4 at day
precision and not in the future, and, for the FDA receiver profile, N.1.4
N.2.r.3 ``CDER`` (R0006), C.1.7 not nullFlavor NI (R0011: dermavigil sends
every report as an initial one), a primary source for regulatory purposes
with country and qualification (R0019-R0021), C.1.6.1.r documents base64
(R0010).
"""

# ruff: noqa: E501  (tables of XPaths read best one per line)
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from lxml import etree

from dermavigil.errors import Problem
from dermavigil.exchange import codes as c

Severity = Literal["rejection", "warning"]

_EV = "h:controlActProcess/h:subject/h:investigationEvent"
_ROLE = f"{_EV}/h:component/h:adverseEventAssessment/h:subject1/h:primaryRole"
_REACTIONS = f"{_ROLE}/h:subjectOf2/h:observation[h:code/@code='{c.OBS_REACTION}']"
_DRUGS = (
    f"{_ROLE}/h:subjectOf2/h:organizer[h:code/@code='{c.ORG_DRUGS}']"
    "/h:component/h:substanceAdministration"
)
_ROLES = (
    f"{_EV}/h:component/h:adverseEventAssessment/h:component"
    f"/h:causalityAssessment[h:code/@code='{c.OBS_ROLE}']/h:value[@codeSystem='{c.OID_ROLE}']"
)
_SOURCES = f"{_EV}/h:outboundRelationship[h:relatedInvestigation/h:code/@code='2']"
_CHARACTERISTIC = f"{_EV}/h:subjectOf2/h:investigationCharacteristic[h:code/@code='{{}}']/h:value"
_FLAG = f"{_EV}/h:component/h:observationEvent[h:code/@code='{{}}']/h:value"

_MESSAGE_REQUIRED: tuple[tuple[str, str, bool], ...] = (
    ("N.2.r.1", "h:id/@extension", False),
    ("N.2.r.2", "h:sender/h:device/h:id/@extension", False),
    ("N.2.r.3", "h:receiver/h:device/h:id/@extension", False),
    ("N.2.r.4", "h:creationTime/@value", False),
    ("C.1.1", f"{_EV}/h:id[@root='{c.OID_MESSAGE_ID}']/@extension", False),
    ("C.1.2", "h:controlActProcess/h:effectiveTime/@value", False),
    ("C.1.3", _CHARACTERISTIC.format("1") + "/@code", False),
    ("C.1.4", f"{_EV}/h:effectiveTime/h:low/@value", False),
    ("C.1.5", f"{_EV}/h:availabilityTime/@value", False),
    ("C.1.6.1", _FLAG.format(c.OBS_DOCUMENTS_AVAILABLE) + "/@value", False),
    ("C.1.7", _FLAG.format(c.OBS_EXPEDITED), True),
    ("C.1.8.1", f"{_EV}/h:id[@root='{c.OID_WORLDWIDE_ID}']/@extension", False),
    (
        "C.1.8.2",
        f"{_EV}/h:outboundRelationship[h:relatedInvestigation/h:code/@code='1']"
        "/h:relatedInvestigation/h:subjectOf2/h:controlActEvent/h:author/h:assignedEntity"
        "/h:code/@code",
        False,
    ),
    ("C.1.9.1", _CHARACTERISTIC.format("2"), True),
    (
        "C.3.1",
        f"{_EV}/h:subjectOf1/h:controlActEvent/h:author/h:assignedEntity/h:code/@code",
        False,
    ),
    ("D.1", f"{_ROLE}/h:player1/h:name", True),
    ("H.1", f"{_EV}/h:text", False),
)
"""(element, XPath from ``PORR_IN049016UV``, nullFlavor allowed) of the ICH-required
elements that occur once per message."""

_BATCH_REQUIRED: tuple[tuple[str, str], ...] = (
    ("N.1.1", "h:name/@code"),
    ("N.1.2", "h:id/@extension"),
    ("N.1.3", "h:sender/h:device/h:id/@extension"),
    ("N.1.4", "h:receiver/h:device/h:id/@extension"),
    ("N.1.5", "h:creationTime/@value"),
)

_REACTION_REQUIRED: tuple[tuple[str, str, bool], ...] = (
    ("E.i.2.1a", "h:value/@codeSystemVersion", False),
    ("E.i.2.1b", "h:value/@code", False),
    *(
        (f"E.i.3.2{letter}", f"h:outboundRelationship2/h:observation[h:code/@code='{code}']/h:value", True)
        for letter, code in zip("abcdef", ("34", "21", "33", "35", "12", "26"), strict=True)
    ),
    ("E.i.7", f"h:outboundRelationship2/h:observation[h:code/@code='{c.OBS_OUTCOME}']/h:value/@code", False),
)  # fmt: skip

MAX_LENGTHS: tuple[tuple[str, str, int], ...] = (
    ("N.2.r.1", "h:id/@extension", 100),
    ("N.2.r.2", "h:sender/h:device/h:id/@extension", 60),
    ("N.2.r.3", "h:receiver/h:device/h:id/@extension", 60),
    ("C.1.1", f"{_EV}/h:id[@root='{c.OID_MESSAGE_ID}']/@extension", 100),
    ("C.1.8.1", f"{_EV}/h:id[@root='{c.OID_WORLDWIDE_ID}']/@extension", 100),
    ("C.2.r.2.1", f"{_SOURCES}//h:representedOrganization/h:name", 60),
    ("C.4.r.1", f"{_EV}/h:reference/h:document[h:code/@code='2']/h:bibliographicDesignationText", 500),
    ("D.1", f"{_ROLE}/h:player1/h:name", 60),
    ("D.7.2", f"{_ROLE}/h:subjectOf2/h:organizer/h:component/h:observation[h:code/@code='{c.OBS_HISTORY_TEXT}']/h:value", 10000),
    ("E.i.1.1a", f"{_REACTIONS}/h:value/h:originalText", 250),
    ("E.i.1.2", f"{_REACTIONS}/h:outboundRelationship2/h:observation[h:code/@code='{c.OBS_TRANSLATION}']/h:value", 250),
    ("G.k.2.2", f"{_DRUGS}/h:consumable/h:instanceOfKind/h:kindOfProduct/h:name", 250),
    ("G.k.2.3.r.1", f"{_DRUGS}/h:consumable/h:instanceOfKind/h:kindOfProduct/h:ingredient/h:ingredientSubstance/h:name", 250),
    ("G.k.4.r.7", f"{_DRUGS}//h:lotNumberText", 35),
    ("G.k.4.r.8", f"{_DRUGS}/h:outboundRelationship2/h:substanceAdministration/h:text", 2000),
    ("H.1", f"{_EV}/h:text", 100000),
)  # fmt: skip
"""(element, XPath from ``PORR_IN049016UV``, maximum length) from FDA's data-element sheet."""


@dataclass(frozen=True)
class Finding:
    """One business-rule finding on one message (``message`` 1-based; 0 for the batch)."""

    element: str
    severity: Severity
    rule: str
    text: str
    message: int = 0

    def problem(self) -> Problem:
        """As a :class:`~dermavigil.errors.Problem` naming the message and element."""
        where = f" [message {self.message}]" if self.message else ""
        return Problem(self.element, f"{self.severity} ({self.rule}): {self.text}{where}")


def profile_of(receiver: str) -> str | None:
    """The receiver profile of a batch receiver id: ``FDA`` (ZZFDA...), ``EMA`` (EVHUMAN)."""
    if receiver.upper().startswith("ZZFDA"):
        return "FDA"
    if receiver.upper().startswith("EVHUMAN"):
        return "EMA"
    return None


def _given(node: etree._Element, path: str, null_allowed: bool) -> bool:
    for found in node.xpath(path, namespaces=c.NS):
        if isinstance(found, str):
            if found.strip():
                return True
        else:
            valued = (found.text or "").strip() or found.get("value") or found.get("code")
            if valued or (null_allowed and found.get("nullFlavor")):
                return True
    return False


def _required(message: etree._Element, index: int) -> list[Finding]:
    out = [
        Finding(element, "rejection", "ICH required", f"Data value required for tag {element}", index)
        for element, path, null_allowed in _MESSAGE_REQUIRED
        if not _given(message, path, null_allowed)
    ]  # fmt: skip
    reactions = message.xpath(_REACTIONS, namespaces=c.NS)
    if not reactions:
        out.append(Finding("E.i", "rejection", "ICH minimum", "no reaction / event", index))
    for i, reaction in enumerate(reactions, start=1):
        for element, path, null_allowed in _REACTION_REQUIRED:
            if not _given(reaction, path, null_allowed):
                text = f"Data value required for tag {element} (reaction {i})"
                out.append(Finding(element, "rejection", "ICH required", text, index))
    drugs = message.xpath(_DRUGS, namespaces=c.NS)
    for i, drug in enumerate(drugs, start=1):
        if not _given(drug, "h:consumable/h:instanceOfKind/h:kindOfProduct/h:name", False):
            text = f"Data value required for tag G.k.2.2 (drug {i})"
            out.append(Finding("G.k.2.2", "rejection", "ICH required", text, index))
    roles = [v.get("code") for v in message.xpath(_ROLES, namespaces=c.NS)]
    if len(roles) < len(drugs):
        out.append(
            Finding(
                "G.k.1", "rejection", "ICH required", "Data value required for tag G.k.1", index
            )
        )
    if not set(roles) & {"1", "3", "4"}:
        text = "at least one drug must be suspect, interacting or not administered (G.k.1)"
        out.append(Finding("G.k.1", "rejection", "ICH minimum", text, index))
    return out


def _lengths(message: etree._Element, index: int) -> list[Finding]:
    out = []
    for element, path, limit in MAX_LENGTHS:
        for found in message.xpath(path, namespaces=c.NS):
            text = found if isinstance(found, str) else (found.text or "")
            if len(text) > limit:
                why = f"Maximum length exceeds for tag {element} ({len(text)} > {limit})"
                out.append(Finding(element, "rejection", "max length", why, index))
    return out


def _received_date(message: etree._Element, index: int, now: datetime) -> list[Finding]:
    value = "".join(message.xpath(f"{_EV}/h:effectiveTime/h:low/@value", namespaces=c.NS))
    if not value:
        return []
    if len(value) < 8:
        text = 'C.1.4 does not contain minimum precision of "CCYYMMDD"'
        return [Finding("C.1.4", "rejection", "ICH date precision", text, index)]
    if value[:8] > now.strftime("%Y%m%d"):
        return [
            Finding("C.1.4", "rejection", "ICH future date", "C.1.4 contains Future date", index)
        ]
    return []


def _fda(message: etree._Element, index: int, batch_receiver: str) -> list[Finding]:
    out = []
    receiver = "".join(message.xpath("h:receiver/h:device/h:id/@extension", namespaces=c.NS))
    if batch_receiver == "ZZFDA" and receiver != "CDER" and receiver != "CBER":
        text = 'N.1.4 = "ZZFDA" but N.2.r.3 is not "CDER"'
        out.append(Finding("N.2.r.3", "rejection", "R0006", text, index))
    expedited = message.xpath(_FLAG.format(c.OBS_EXPEDITED), namespaces=c.NS)
    if expedited and expedited[0].get("nullFlavor") == "NI":  # FDA checks initial reports
        text = "nullFlavor 'NI' used for initial report submission"
        out.append(Finding("C.1.7", "rejection", "R0011", text, index))
    sources = message.xpath(_SOURCES, namespaces=c.NS)
    primary = [s for s in sources if s.xpath("h:priorityNumber[@value='1']", namespaces=c.NS)]
    if not primary:
        text = "At least one reporter must be provided with C.2.r.5 = 1"
        out.append(Finding("C.2.r.5", "rejection", "R0021", text, index))
    for source in primary[:1]:
        person = ".//h:assignedEntity/h:assignedPerson"
        if not source.xpath(f"{person}/h:asLocatedEntity/h:location/h:code/@code", namespaces=c.NS):
            text = "C.2.r.3 must be provided when C.2.r.5 = 1"
            out.append(Finding("C.2.r.3", "rejection", "R0019", text, index))
        if not source.xpath(f"{person}/h:asQualifiedEntity/h:code/@code", namespaces=c.NS):
            text = "C.2.r.4 must be provided when C.2.r.5 = 1"
            out.append(Finding("C.2.r.4", "rejection", "R0020", text, index))
    for document in message.xpath(f"{_EV}/h:reference/h:document/h:text", namespaces=c.NS):
        if document.get("representation") != "B64":
            text = "Compression used for US reporting and encoding is not B64."
            out.append(Finding("C.1.6.1.r.2", "rejection", "R0010", text, index))
    return out


def check_batch(root: etree._Element, *, now: datetime | None = None) -> list[Finding]:
    """The findings of a batch ``MCCI_IN200100UV01`` (or a lone ``PORR_IN049016UV``); the FDA
    rules apply when N.1.4 names FDA (:func:`profile_of`)."""
    now = now or datetime.now(UTC)
    lone = etree.QName(root).localname == "PORR_IN049016UV"
    messages = [root] if lone else root.findall(f"{{{c.HL7}}}PORR_IN049016UV")
    out: list[Finding] = []
    batch_receiver = ""
    if not lone:
        for element, path in _BATCH_REQUIRED:
            if not _given(root, path, False):
                out.append(
                    Finding(element, "rejection", "ICH required", f"Data value required for tag {element}")
                )  # fmt: skip
        batch_receiver = "".join(root.xpath(_BATCH_REQUIRED[3][1], namespaces=c.NS))
    fda = profile_of(batch_receiver) == "FDA"
    for index, message in enumerate(messages, start=1):
        out += _required(message, index)
        out += _lengths(message, index)
        out += _received_date(message, index, now)
        if fda:
            out += _fda(message, index, batch_receiver)
    return out
