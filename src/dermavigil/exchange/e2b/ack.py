"""ICH E2B(R3) acknowledgement messages (``MCCI_IN200101UV01``), read and written.

A receiver answers an ICSR batch with one ACK: the batch acknowledgement
(ACK.A.1 the ICSR batch number it answers, ACK.A.4 ``AA`` all accepted /
``AE`` some need action / ``AR`` the batch was rejected, ACK.A.5 the batch
validation error) and one acknowledgement per ICSR message (ACK.B.r.1 the
message's C.1.1, ACK.B.r.6 ``CA`` commit accept / ``CR`` commit reject,
ACK.B.r.7 error or warning text). The shape follows FDA's examples
``R3ack-positive.ack`` and ``R3ack-negative.ack`` (OIDs of the ICH ACK ids);
both directions are validated against the ICH schema.

:func:`read_ack` reads an ACK a regulator sent back; :func:`write_ack` is
dermavigil's answer to a batch it received (each message accepted when it
imports, rejected with its problems when not).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree

from dermavigil.errors import InputError, Problem
from dermavigil.exchange import codes as c
from dermavigil.exchange.e2b.schema import require_valid
from dermavigil.exchange.e2b.xml import E, device, typed, uid
from dermavigil.exchange.xml_safety import parse_untrusted

OID_ACK_BATCH = "2.16.840.1.113883.3.989.2.1.3.20"  # ACK.M.1
OID_ACK_LOCAL_REPORT = "2.16.840.1.113883.3.989.2.1.3.19"  # ACK.B.r.2
OID_ACK_MESSAGE_RECEIVER = "2.16.840.1.113883.3.989.2.1.3.16"  # ACK.B.r.3
OID_ACK_MESSAGE_SENDER = "2.16.840.1.113883.3.989.2.1.3.15"  # ACK.B.r.4
OID_ACK_BATCH_SENDER = "2.16.840.1.113883.3.989.2.1.3.17"  # ACK.M.2
OID_ACK_BATCH_RECEIVER = "2.16.840.1.113883.3.989.2.1.3.18"  # ACK.M.3
OID_ACK_LOCAL_MESSAGE = "2.16.840.1.113883.3.989.2.1.3.21"  # ACK.A.2
OID_ACK_KEYWORD = "2.16.840.1.113883.3.989.2.1.1.24"

BATCH_CODES = {"AA": "accepted", "AE": "needs action", "AR": "rejected"}
"""ACK.A.4 transmission acknowledgement codes."""
MESSAGE_CODES = {"CA": "accepted", "CR": "rejected"}
"""ACK.B.r.6 acknowledgement codes of one ICSR message."""


@dataclass(frozen=True)
class MessageAck:
    """ACK.B.r: the acknowledgement of one ICSR message."""

    report_id: str
    code: str
    text: str | None = None

    @property
    def accepted(self) -> bool:
        """The message was committed by the receiver (``CA``)."""
        return self.code == "CA"


@dataclass(frozen=True)
class Ack:
    """An acknowledgement of an ICSR batch."""

    batch_id: str
    code: str
    sender: str
    receiver: str
    text: str | None = None
    messages: list[MessageAck] = field(default_factory=list)


def _one(node: etree._Element, path: str) -> str | None:
    found = node.xpath(path, namespaces=c.NS)
    if not found:
        return None
    value = found[0] if isinstance(found[0], str) else (found[0].text or "")
    return value.strip() or None


def read_ack(data: bytes, *, record: str = "ACK") -> Ack:
    """The acknowledgement in ``data`` (safe parse, ICH schema), or :class:`InputError`."""
    tree = parse_untrusted(data, record=record)
    if etree.QName(tree.getroot()).localname != "MCCI_IN200101UV01":
        raise InputError(
            f"{record}: not an E2B(R3) acknowledgement",
            [Problem("line 1", "expected MCCI_IN200101UV01")],
        )
    require_valid(tree, record=record)
    root = tree.getroot()
    messages = [
        MessageAck(
            report_id=_one(m, "h:acknowledgement/h:targetMessage/h:id/@extension") or "",
            code=_one(m, "h:acknowledgement/@typeCode") or "",
            text=_one(m, "h:acknowledgement/h:acknowledgementDetail/h:text"),
        )
        for m in root.findall(f"{{{c.HL7}}}MCCI_IN000002UV01")
    ]
    batch_id = _one(root, "h:acknowledgement/h:targetBatch/h:id/@extension")
    code = _one(root, "h:acknowledgement/@typeCode")
    if not batch_id or code not in BATCH_CODES:
        raise InputError(
            f"{record}: the acknowledgement names no batch or no known code",
            [Problem("ACK.A.1 / ACK.A.4", f"batch {batch_id!r}, code {code!r}")],
        )
    return Ack(
        batch_id=batch_id,
        code=code,
        sender=_one(root, "h:sender/h:device/h:id/@extension") or "",
        receiver=_one(root, "h:receiver/h:device/h:id/@extension") or "",
        text=_one(root, "h:acknowledgement/h:acknowledgementDetail/h:text"),
        messages=messages,
    )


def _message_ack(
    report_id: str, created: str, accepted: bool, text: str | None, us: str, them: str
) -> etree._Element:
    detail = [E.acknowledgementDetail(E.text(text))] if text else []
    return E.MCCI_IN000002UV01(
        E.id(extension=uid(), root=OID_ACK_LOCAL_REPORT),
        E.creationTime(value=created),
        E.interactionId(extension="MCCI_IN000002UV01", root=c.OID_INTERACTION),
        E.processingCode(code="P"),
        E.processingModeCode(code="T"),
        E.acceptAckCode(code="NE"),
        device("receiver", them, OID_ACK_MESSAGE_RECEIVER),
        device("sender", us, OID_ACK_MESSAGE_SENDER),
        E.attentionLine(
            E.keyWordText(
                code="1", codeSystem=OID_ACK_KEYWORD, displayName="dateOfIcsrMessageCreation"
            ),
            typed("value", "TS", value=created),
        ),
        E.acknowledgement(
            E.targetMessage(E.id(extension=report_id, root=c.OID_MESSAGE_ID)),
            *detail,
            typeCode="CA" if accepted else "CR",
        ),
    )


def write_ack(
    batch: bytes,
    outcomes: list[tuple[str, bool, str | None]],
    *,
    sender: str,
    record: str = "batch",
) -> bytes:
    """The ACK of a received ``batch``: per ICSR message (its C.1.1, accepted?, the text of
    its problems), in batch order; ACK.A.4 ``AA`` when all were accepted, ``AE`` when some
    were not, ``AR`` when none was. Validated against the ICH schema."""
    tree = parse_untrusted(batch, record=record)
    root = tree.getroot()
    batch_id = _one(root, "h:id/@extension") or "unknown"
    them = _one(root, "h:sender/h:device/h:id/@extension") or "unknown"
    now = datetime.now(UTC).strftime("%Y%m%d%H%M%S+0000")
    accepted = [ok for _, ok, _ in outcomes]
    code = "AA" if all(accepted) else "AR" if not any(accepted) else "AE"
    detail = None if code == "AA" else "some ICSR message(s) were not accepted"
    ack = E.MCCI_IN200101UV01(
        E.id(extension=uid(), root=OID_ACK_BATCH),
        E.creationTime(value=now),
        E.responseModeCode(code="D"),
        E.interactionId(extension="MCCI_IN200101UV01", root=c.OID_INTERACTION),
        *[_message_ack(rid, now, ok, text, sender, them) for rid, ok, text in outcomes],
        device("receiver", them, OID_ACK_BATCH_RECEIVER),
        device("sender", sender, OID_ACK_BATCH_SENDER),
        E.attentionLine(
            E.keyWordText(
                code="2",
                codeSystem=OID_ACK_KEYWORD,
                displayName="acknowledgementLocalMessageNumber",
            ),
            typed("value", "II", extension=uid(), root=OID_ACK_LOCAL_MESSAGE),
        ),
        E.acknowledgement(
            E.targetBatch(E.id(extension=batch_id, root=c.OID_BATCH_ID)),
            *([E.acknowledgementDetail(E.text(detail))] if detail else []),
            typeCode=code,
        ),
        ITSVersion="XML_1.0",
    )
    out = etree.ElementTree(ack)
    require_valid(out, record="ACK")
    return etree.tostring(out, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def sent_ids(batch: bytes) -> tuple[str, list[str]]:
    """The batch number (N.1.2) and each message's C.1.1 of a batch dermavigil wrote: what
    a receiver's ACK will name."""
    root = etree.fromstring(batch, etree.XMLParser(resolve_entities=False, no_network=True))
    reports = root.xpath(
        f"h:PORR_IN049016UV/h:controlActProcess/h:subject/h:investigationEvent"
        f"/h:id[@root='{c.OID_MESSAGE_ID}']/@extension",
        namespaces=c.NS,
    )
    return _one(root, "h:id/@extension") or "", [str(x) for x in reports]
