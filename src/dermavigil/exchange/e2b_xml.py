"""Building HL7 v3 (E2B(R3)) XML with lxml: the element maker and small shared shapes."""

from __future__ import annotations

import uuid

from lxml import etree
from lxml.builder import ElementMaker

from dermavigil.domain.dates import PartialDate
from dermavigil.exchange import e2b_codes as c

E = ElementMaker(namespace=c.HL7, nsmap={None: c.HL7, "xsi": c.XSI})
XSI_TYPE = f"{{{c.XSI}}}type"


def typed(tag: str, xsi_type: str, *children: object, **attrs: str) -> etree._Element:
    element = E(tag, *children, **attrs)
    element.set(XSI_TYPE, xsi_type)
    return element


def obs_code(code: str, name: str) -> etree._Element:
    return E.code(code=code, codeSystem=c.OID_OBSERVATION, displayName=name)


def observation(code: str, name: str, value: etree._Element) -> etree._Element:
    return E.observation(obs_code(code, name), value, classCode="OBS", moodCode="EVN")


def bool_value(flag: bool) -> etree._Element:
    return typed("value", "BL", value="true") if flag else typed("value", "BL", nullFlavor="NI")


def interval(start: PartialDate | None, end: PartialDate | None) -> etree._Element | None:
    if start is None and end is None:
        return None
    parts = [E.low(value=start.e2b()) if start else E.low(nullFlavor="UNK")]
    if end is not None:
        parts.append(E.high(value=end.e2b()))
    return typed("effectiveTime", "IVL_TS", *parts)


def uid() -> str:
    return str(uuid.uuid4())
