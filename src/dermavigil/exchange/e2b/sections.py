"""Readers of the sections of one E2B(R3) ICSR message into case-model mappings.

C (report, primary source, literature), D (patient), E.i (reactions) and
F.r (tests); G.k (drugs) is in :mod:`~dermavigil.exchange.e2b.drugs`. The
inverse of :mod:`~dermavigil.exchange.e2b.write` and
:mod:`~dermavigil.exchange.e2b.subject`. Every element read is marked on
the :class:`Reader`; an element is marked only when its value was taken
into the case (a code the model does not know is left unmarked), so that
:mod:`~dermavigil.exchange.e2b.unmapped` can keep everything else verbatim.
Input is schema-valid (numbers are numbers), so the readers only decide
what a value means, never whether it parses.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from dermavigil.domain.dates import UCUM_UNITS
from dermavigil.domain.vocab import (
    AGE_GROUP_CODES,
    OUTCOME_CODES,
    QUALIFICATION_CODES,
    ReporterQualification,
)
from dermavigil.exchange import codes as c

_UNITS = {unit: name for name, unit in c.AGE_UNITS.items()}
_AGE_GROUPS = {code: group for group, code in reversed(AGE_GROUP_CODES.items())}
_SERIOUSNESS = {code: name for name, code in c.SERIOUSNESS_CODES.items()}
_TIME_UNITS = {ucum: unit.value for unit, ucum in UCUM_UNITS.items()}
_TS = re.compile(r"^(\d{4})(\d{2})?(\d{2})?(\d{4,6}(?:\.\d+)?(?:[+-]\d{4})?)?$")
"""An HL7 TS: CCYY[MM[DD[HHMM[SS[.S]]]]][+/-ZZZZ]."""
_LANGUAGE = re.compile(r"^[a-z]{3}$")
_INITIALS = re.compile(r"^[A-Za-z][A-Za-z.\-]{0,9}$")
_TERMINOLOGIES = {
    oid: {"hpo": "HPO", "meddra": "MedDRA", "snomed": "SNOMED CT"}.get(name, name.upper())
    for name, oid in c.TERMINOLOGY_OIDS.items()
}


def reverse(table: dict[Any, str]) -> dict[str, Any]:
    """A code table read backwards (code -> value)."""
    return {code: key for key, code in table.items()}


class Reader:
    """XPath access to one message that remembers which elements were used."""

    def __init__(self, event: etree._Element) -> None:
        self.event = event
        self.used: set[etree._Element] = set()
        self.notes: dict[str, str] = {}
        """Remarks on how the message was read, kept in ``unmapped`` beside its data."""

    def all(self, node: etree._Element, path: str) -> list[etree._Element]:
        """The elements at ``path`` (XPath, prefix ``h:`` for HL7 v3) under ``node``."""
        return list(node.xpath(path, namespaces=c.NS))

    def one(self, node: etree._Element, path: str) -> etree._Element | None:
        """The first element at ``path``, or None."""
        found = self.all(node, path)
        return found[0] if found else None

    def take(self, node: etree._Element | None) -> etree._Element | None:
        """Mark ``node`` as read into the case."""
        if node is not None:
            self.used.add(node)
        return node

    def text(self, node: etree._Element, path: str) -> str | None:
        """The stripped text at ``path`` (marked), or None when absent or blank."""
        element = self.one(node, path)
        if element is None or not (element.text or "").strip():
            return None
        self.take(element)
        return element.text.strip()

    def attr(self, node: etree._Element, path: str, name: str) -> str | None:
        """Attribute ``name`` of the element at ``path`` (marked), or None."""
        element = self.one(node, path)
        if element is None or element.get(name) is None:
            return None
        self.take(element)
        return element.get(name)

    def coded(self, node: etree._Element, path: str, table: dict[str, Any]) -> Any:
        """The value ``table`` gives the element's ``code``; the element is used only if known."""
        element = self.one(node, path)
        key = element.get("code") if element is not None else None
        if key is None or key not in table:
            return None
        self.take(element)
        return table[key]

    def duration(self, node: etree._Element, path: str) -> dict[str, Any] | None:
        """A PQ time (``width``, ``pauseQuantity``) with a UCUM unit, as a case ``Duration``."""
        element = self.one(node, path)
        if element is None or element.get("unit") not in _TIME_UNITS:
            return None
        try:
            value = float(element.get("value") or "")
        except ValueError:
            return None
        self.take(element)
        return {"value": value, "unit": _TIME_UNITS[element.get("unit")]}

    def date(self, node: etree._Element, path: str) -> str | None:
        """The CCYY[MM[DD]] date of a TS; a full timestamp also stays, whole, for ``unmapped``."""
        element = self.one(node, path)
        match = _TS.match(element.get("value") or "") if element is not None else None
        if match is None:
            return None
        if not match.group(4):
            self.take(element)
        return "-".join(x for x in match.group(1, 2, 3) if x)


def drop_none(mapping: dict[str, Any]) -> dict[str, Any]:
    """``mapping`` without empty values (None, [], {})."""
    return {k: v for k, v in mapping.items() if v not in (None, [], {})}


def _reporter(r: Reader) -> dict[str, Any] | None:
    """C.2.r: the primary source for regulatory purposes (C.2.r.5 = 1), else the first."""
    sources = r.all(r.event, "h:outboundRelationship[h:relatedInvestigation/h:code/@code='2']")
    if not sources:
        return None
    primary = [x for x in sources if r.one(x, "h:priorityNumber[@value='1']") is not None]
    chosen = (primary or sources)[0]
    r.take(r.one(chosen, "h:priorityNumber[@value='1']"))
    entity = r.one(
        chosen, "h:relatedInvestigation/h:subjectOf2/h:controlActEvent/h:author/h:assignedEntity"
    )
    if entity is None:
        return None
    qualification = r.coded(
        entity, "h:assignedPerson/h:asQualifiedEntity/h:code", reverse(QUALIFICATION_CODES)
    )
    country = r.one(entity, "h:assignedPerson/h:asLocatedEntity/h:location/h:code")
    code = (country.get("code") or "").upper() if country is not None else ""
    if len(code) == 2 and code.isalpha():
        r.take(country)
    return (
        drop_none(
            {
                "qualification": qualification,
                "country": code if len(code) == 2 and code.isalpha() else None,
                "organisation": r.text(entity, "h:representedOrganization/h:name"),
            }
        )
        or None
    )


def _ids(r: Reader) -> tuple[str | None, str | None]:
    """C.1.8.1 worldwide unique case id, and C.1.1 (the sender's id) when it differs."""
    worldwide = r.attr(r.event, f"h:id[@root='{c.OID_WORLDWIDE_ID}']", "extension")
    sender = r.attr(r.event, f"h:id[@root='{c.OID_MESSAGE_ID}']", "extension")
    return worldwide, sender if sender != worldwide else None


def _flag(r: Reader, code: str) -> bool | None:
    """A BL observation of the report (C.1.7 ...) as true / false, marked; None if not given."""
    value = r.one(r.event, f"h:component/h:observationEvent[h:code/@code='{code}']/h:value")
    if value is None or value.get("value") not in ("true", "false"):
        return None
    r.take(value)
    return value.get("value") == "true"


def report(r: Reader) -> dict[str, Any]:
    """C: report type, ids, received date, literature, primary source (and the source from them)."""
    event = r.event
    citation = r.text(
        event, "h:reference/h:document[h:code/@code='2']/h:bibliographicDesignationText"
    )
    report_type = r.coded(
        event,
        "h:subjectOf2/h:investigationCharacteristic[h:code/@code='1']/h:value",
        {"1": "1", "2": "2", "3": "3", "4": "4"},
    )
    reporter = _reporter(r)
    qualification = (reporter or {}).get("qualification")
    if citation:
        source = "literature"
    elif report_type == "2":
        source = "study"
    elif qualification == ReporterQualification.consumer:
        source = "consumer"
    elif report_type == "1" and qualification:
        source = "clinician"
    else:
        source = "other"
    worldwide, sender = _ids(r)
    expedited = _flag(r, c.OBS_EXPEDITED)
    return drop_none(
        {
            "expedited": expedited,
            "source": source,
            "source_id": worldwide,
            "sender_report_id": sender,
            "reporter": reporter,
            "received_date": r.date(event, "h:effectiveTime/h:low"),
            "literature": {"citation": citation} if citation else None,
        }
    )


def patient(r: Reader, role: etree._Element) -> dict[str, Any]:
    """D: initials, sex, D.2.1 birth date, age at onset, age group, weight, D.7.2 history."""
    initials = r.text(role, "h:player1/h:name")
    sex = r.coded(role, "h:player1/h:administrativeGenderCode", {"1": "male", "2": "female"})
    r.take(r.one(role, "h:player1/h:administrativeGenderCode[@nullFlavor]"))
    r.take(r.one(role, "h:player1/h:name[@nullFlavor]"))
    out: dict[str, Any] = {
        "sex": sex,
        "initials": initials if initials and _INITIALS.match(initials) else None,
        "birth_date": r.date(role, "h:player1/h:birthTime"),
    }
    if initials and out["initials"] is None:
        r.used.discard(r.one(role, "h:player1/h:name"))
    age = r.one(role, f"h:subjectOf2/h:observation[h:code/@code='{c.OBS_AGE}']/h:value")
    if age is not None and age.get("unit") in _UNITS and age.get("value"):
        out["age"] = {"value": float(age.get("value")), "unit": _UNITS[age.get("unit")]}
        r.take(age)
    out["age_group"] = r.coded(
        role, f"h:subjectOf2/h:observation[h:code/@code='{c.OBS_AGE_GROUP}']/h:value", _AGE_GROUPS
    )
    weight = r.one(role, f"h:subjectOf2/h:observation[h:code/@code='{c.OBS_WEIGHT}']/h:value")
    if weight is not None and weight.get("unit") == "kg" and weight.get("value"):
        out["weight_kg"] = float(weight.get("value"))
        r.take(weight)
    history = r.text(
        role,
        f"h:subjectOf2/h:organizer[h:code/@code='{c.ORG_HISTORY}']"
        f"/h:component/h:observation[h:code/@code='{c.OBS_HISTORY_TEXT}']/h:value",
    )
    out["medical_history"] = [history] if history else []
    return drop_none(out)


def _system_name(coded: etree._Element) -> str:
    """A translation's terminology as the case model names it (``"HPO 2025-01-16"``)."""
    if coded.get("codeSystemName"):
        return coded.get("codeSystemName")
    name = _TERMINOLOGIES.get(coded.get("codeSystem") or "", coded.get("codeSystem") or "unknown")
    version = coded.get("codeSystemVersion")
    return f"{name} {version}" if version else name


def _codes(r: Reader, value: etree._Element) -> list[dict[str, Any]]:
    """E.i.2.1 MedDRA code and the translations (other terminologies) of a reaction value."""
    codes = []
    if value.get("code") and value.get("codeSystem") == c.OID_MEDDRA:
        version = value.get("codeSystemVersion")
        codes.append(
            {
                "system": f"MedDRA {version}" if version else "MedDRA",
                "code": value.get("code"),
                "label": value.get("displayName") or value.get("code"),
            }
        )
    for translation in r.all(value, "h:translation"):
        if translation.get("code"):
            r.take(translation)
            codes.append(
                {
                    "system": _system_name(translation),
                    "code": translation.get("code"),
                    "label": translation.get("displayName") or translation.get("code"),
                }
            )
    return codes


def reaction(r: Reader, obs: etree._Element) -> dict[str, Any]:
    """E.i: E.i.1.1a/b verbatim and language, E.i.1.2 term for translation, E.i.2.1 codes,
    dates, E.i.9 country, seriousness, outcome. Without E.i.1.1a, ``verbatim`` repeats the
    E.i.1.2 term (or names the code) and ``verbatim_source`` says so: nothing is invented."""
    value = r.one(obs, "h:value")
    native = r.one(obs, "h:value/h:originalText")
    verbatim = r.text(obs, "h:value/h:originalText")
    language = native.get("language") if native is not None and verbatim else None
    translation = r.text(
        obs, f"h:outboundRelationship2/h:observation[h:code/@code='{c.OBS_TRANSLATION}']/h:value"
    )
    codes = _codes(r, value) if value is not None else []
    if value is not None and (codes or value.get("nullFlavor")):
        r.take(value)
    source = "reported"
    if verbatim is None and translation is not None:
        verbatim, source = translation, "translation"
    elif verbatim is None:
        verbatim = " / ".join(f"{t['system']} {t['code']}" for t in codes) or "(not stated)"
        source = "code"
    country = r.one(obs, "h:location/h:locatedEntity/h:locatedPlace/h:code")
    country_code = (country.get("code") or "").upper() if country is not None else ""
    if len(country_code) == 2 and country_code.isalpha():
        r.take(country)
    else:
        country_code = ""
    criteria = []
    for rel in r.all(obs, "h:outboundRelationship2/h:observation"):
        code = r.one(rel, "h:code").get("code") if r.one(rel, "h:code") is not None else None
        flag = r.one(rel, "h:value")
        if code in _SERIOUSNESS and flag is not None:
            if flag.get("value") == "true":
                criteria.append(_SERIOUSNESS[code])
            if flag.get("value") == "true" or flag.get("nullFlavor"):
                r.take(flag)
    outcome = r.coded(
        obs,
        f"h:outboundRelationship2/h:observation[h:code/@code='{c.OBS_OUTCOME}']/h:value",
        reverse(OUTCOME_CODES),
    )
    highlighted = r.coded(
        obs,
        f"h:outboundRelationship2/h:observation[h:code/@code='{c.OBS_HIGHLIGHTED}']/h:value",
        reverse(c.HIGHLIGHTED_CODES),
    )
    return drop_none(
        {
            "verbatim": verbatim,
            "highlighted": highlighted,
            "verbatim_source": None if source == "reported" else source,
            "verbatim_language": language if language and _LANGUAGE.match(language) else None,
            "translation": translation,
            "country": country_code or None,
            "codes": codes,
            "onset_date": r.date(obs, "h:effectiveTime/h:low"),
            "end_date": r.date(obs, "h:effectiveTime/h:high"),
            "duration": r.duration(obs, "h:effectiveTime/h:width"),
            "seriousness": criteria,
            "outcome": outcome,
        }
    )


def _pq(element: etree._Element | None) -> str | None:
    if element is None or element.get("value") is None:
        return None
    return f"{element.get('value')} {element.get('unit') or ''}".strip()


def _quantity(r: Reader, obs: etree._Element) -> str | None:
    """F.r.3.2-3 as text: ``10 mg/dl``, ``< 10 mg/dl``, ``>= 10 mg/dl`` or ``4 - 10 mg/dl``."""
    value = r.one(obs, "h:value[@xsi:type='PQ' or @xsi:type='IVL_PQ']")
    if value is None:
        return None
    parts = {e.tag.split("}")[-1]: e for e in value if isinstance(e.tag, str)}
    low, high = parts.get("low"), parts.get("high")
    text = _pq(value) or _pq(parts.get("center"))
    if text is None and _pq(low) and _pq(high):
        text = f"{low.get('value')} - {_pq(high)}"
    elif text is None and (_pq(low) or _pq(high)):
        bound, sign = (low, ">") if _pq(low) else (high, "<")
        text = f"{sign}{'=' if bound.get('inclusive') != 'false' else ''} {_pq(bound)}"
    if text is not None:
        for element in (value, *parts.values()):
            r.take(element)
    return text


_INTERPRETATIONS = {"1": "positive", "2": "negative", "3": "borderline", "4": "inconclusive"}
"""F.r.3.1 test result codes."""


def finding(r: Reader, obs: etree._Element) -> dict[str, Any] | None:
    """F.r: one test; its result is the free text, else the quantity, else the coded result."""
    quantity = _quantity(r, obs)
    result = r.text(obs, "h:value[@xsi:type='ED']") or quantity
    if result is None:
        result = r.coded(obs, "h:interpretationCode", _INTERPRETATIONS)
    if result is None:
        return None
    return drop_none(
        {
            "kind": "laboratory" if quantity is not None else "other",
            "test": r.text(obs, "h:code/h:originalText"),
            "result": result,
            "date": r.date(obs, "h:effectiveTime"),
        }
    )
