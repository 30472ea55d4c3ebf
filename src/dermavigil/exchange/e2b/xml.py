"""Building HL7 v3 (E2B(R3)) XML with lxml: the element maker and small shared shapes."""

from __future__ import annotations

import re
import uuid

from lxml import etree
from lxml.builder import ElementMaker

from dermavigil.domain.dates import UCUM_UNITS, Duration, PartialDate
from dermavigil.exchange import codes as c

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot carry (C0 controls but tab, LF, CR; non-characters; surrogates)."""


def xml_text(text: str) -> str:
    """``text`` with each character XML 1.0 cannot carry shown as U+FFFD (visible, not dropped)."""
    return _NOT_XML.sub("\ufffd", text)


class _Maker(ElementMaker):
    """An ElementMaker whose text and attribute values are made XML-safe (:func:`xml_text`);
    an empty attribute is left out (HL7 v3 attributes have a minimum length of 1)."""

    def __call__(self, tag: str, *children: object, **attrib: str) -> etree._Element:
        children = tuple(xml_text(x) if isinstance(x, str) else x for x in children)
        attrib = {k: xml_text(v) for k, v in attrib.items() if v != ""}
        return super().__call__(tag, *children, **attrib)


E = _Maker(namespace=c.HL7, nsmap={None: c.HL7, "xsi": c.XSI})
XSI_TYPE = f"{{{c.XSI}}}type"


def typed(tag: str, xsi_type: str, *children: object, **attrs: str) -> etree._Element:
    """An element with its ``xsi:type``."""
    element = E(tag, *children, **attrs)
    element.set(XSI_TYPE, xsi_type)
    return element


def obs_code(code: str, name: str) -> etree._Element:
    """The ``code`` naming an E2B observation kind."""
    return E.code(code=code, codeSystem=c.OID_OBSERVATION, displayName=name)


def observation(code: str, name: str, value: etree._Element) -> etree._Element:
    """An E2B observation of kind ``code`` holding ``value``."""
    return E.observation(obs_code(code, name), value, classCode="OBS", moodCode="EVN")


def bool_value(flag: bool) -> etree._Element:
    """E2B yes-or-not-stated: BL true, or nullFlavor NI."""
    return typed("value", "BL", value="true") if flag else typed("value", "BL", nullFlavor="NI")


def interval(
    start: PartialDate | None, end: PartialDate | None, width: Duration | None = None
) -> etree._Element | None:
    """An ``IVL_TS``: start (nullFlavor UNK if unknown), then the end, or else the width."""
    if start is None and end is None and width is None:
        return None
    parts = [E.low(value=start.e2b()) if start else E.low(nullFlavor="UNK")]
    if end is not None:
        parts.append(E.high(value=end.e2b()))
    elif width is not None:
        parts.append(E.width(value=f"{width.value:g}", unit=UCUM_UNITS[width.unit]))
    return typed("effectiveTime", "IVL_TS", *parts)


def pause(duration: Duration) -> etree._Element:
    """A ``pauseQuantity`` (time interval, UCUM unit)."""
    return E.pauseQuantity(value=f"{duration.value:g}", unit=UCUM_UNITS[duration.unit])


def wrapped(
    relation: tuple[str, str],
    act: tuple[str, str],
    code: tuple[str, str, str],
    *children: etree._Element,
) -> etree._Element:
    """``<relation typeCode><act classCode moodCode=EVN><code/>children</act></relation>``.

    ``relation`` is (tag, typeCode), ``act`` (tag, classCode), ``code`` (code,
    code system, display name): the HL7 v3 shape of every coded E2B act.
    """
    value, system, name = code
    return E(
        relation[0],
        E(
            act[0],
            E.code(code=value, codeSystem=system, displayName=name),
            *children,
            classCode=act[1],
            moodCode="EVN",
        ),
        typeCode=relation[1],
    )


def device(role: str, extension: str, root: str) -> etree._Element:
    """A ``receiver`` or ``sender`` device with its id (batch, message or ACK headers)."""
    return E(
        role,
        E.device(E.id(extension=extension, root=root), classCode="DEV", determinerCode="INSTANCE"),
        typeCode="RCV" if role == "receiver" else "SND",
    )


def uid() -> str:
    """A fresh UUID for an HL7 ``id/@root``."""
    return str(uuid.uuid4())
