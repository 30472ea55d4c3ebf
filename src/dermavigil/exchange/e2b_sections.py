"""Readers of the sections of one E2B(R3) ICSR message into case-model mappings.

C (report, primary source, literature), D (patient), E.i (reactions), F.r
(tests) and G.k (drugs): the inverse of :mod:`~dermavigil.exchange.e2b_export`
and :mod:`~dermavigil.exchange.e2b_subject`. Every element read is marked on
the :class:`Reader`; an element is marked only when its value was taken
into the case (a code the model does not know is left unmarked), so that
:mod:`~dermavigil.exchange.e2b_unmapped` can keep everything else verbatim.
Input is schema-valid (numbers are numbers), so the readers only decide
what a value means, never whether it parses.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from dermavigil.domain.dates import UCUM_UNITS
from dermavigil.domain.vocab import (
    ACTION_CODES,
    ADDITIONAL_INFO_CODES,
    AGE_GROUP_CODES,
    OUTCOME_CODES,
    QUALIFICATION_CODES,
    ROLE_CODES,
    ROUTE_LABELS,
    ROUTES_BY_CODE,
    Formulation,
    ReporterQualification,
)
from dermavigil.exchange import e2b_codes as c

_UNITS = {unit: name for name, unit in c.AGE_UNITS.items()}
_AGE_GROUPS = {code: group for group, code in reversed(AGE_GROUP_CODES.items())}
_SERIOUSNESS = {code: name for name, code in c.SERIOUSNESS_CODES.items()}
_RECURRENCE = {"1": "recurred", "2": "did_not_recur", "3": "unknown"}
"""G.k.9.i.4 codes of a rechallenge that was done (4 = not done)."""
_TIME_UNITS = {ucum: unit.value for unit, ucum in UCUM_UNITS.items()}
_TS = re.compile(r"^(\d{4})(\d{2})?(\d{2})?(\d{4,6}(?:\.\d+)?(?:[+-]\d{4})?)?$")
"""An HL7 TS: CCYY[MM[DD[HHMM[SS[.S]]]]][+/-ZZZZ]."""
_INITIALS = re.compile(r"^[A-Za-z][A-Za-z.\-]{0,9}$")
_TERMINOLOGIES = {
    oid: {"hpo": "HPO", "meddra": "MedDRA", "snomed": "SNOMED CT"}.get(name, name.upper())
    for name, oid in c.TERMINOLOGY_OIDS.items()
}
_ROUTE_BY_LABEL = {label.lower(): route for route, label in ROUTE_LABELS.items()}


def _reverse(table: dict[Any, str]) -> dict[str, Any]:
    return {code: key for key, code in table.items()}


class Reader:
    """XPath access to one message that remembers which elements were used."""

    def __init__(self, event: etree._Element) -> None:
        self.event = event
        self.used: set[etree._Element] = set()

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


def _drop_none(mapping: dict[str, Any]) -> dict[str, Any]:
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
        entity, "h:assignedPerson/h:asQualifiedEntity/h:code", _reverse(QUALIFICATION_CODES)
    )
    country = r.one(entity, "h:assignedPerson/h:asLocatedEntity/h:location/h:code")
    code = (country.get("code") or "").upper() if country is not None else ""
    if len(code) == 2 and code.isalpha():
        r.take(country)
    return (
        _drop_none(
            {
                "qualification": qualification,
                "country": code if len(code) == 2 and code.isalpha() else None,
                "organisation": r.text(entity, "h:representedOrganization/h:name"),
            }
        )
        or None
    )


def _source_id(r: Reader) -> str | None:
    """C.1.8.1 worldwide unique case id; C.1.1 (the sender's id) is used too when it is the same."""
    worldwide = r.attr(r.event, f"h:id[@root='{c.OID_WORLDWIDE_ID}']", "extension")
    sender = r.one(r.event, f"h:id[@root='{c.OID_MESSAGE_ID}']")
    if sender is not None and sender.get("extension") == worldwide:
        r.take(sender)
    return worldwide


def report(r: Reader) -> dict[str, Any]:
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
    return _drop_none(
        {
            "source": source,
            "source_id": _source_id(r),
            "reporter": reporter,
            "received_date": r.date(event, "h:effectiveTime/h:low"),
            "literature": {"citation": citation} if citation else None,
        }
    )


def patient(r: Reader, role: etree._Element) -> dict[str, Any]:
    initials = r.text(role, "h:player1/h:name")
    sex = r.coded(role, "h:player1/h:administrativeGenderCode", {"1": "male", "2": "female"})
    r.take(r.one(role, "h:player1/h:administrativeGenderCode[@nullFlavor]"))
    r.take(r.one(role, "h:player1/h:name[@nullFlavor]"))
    out: dict[str, Any] = {
        "sex": sex,
        "initials": initials if initials and _INITIALS.match(initials) else None,
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
    return _drop_none(out)


def _system_name(coded: etree._Element) -> str:
    """A translation's terminology as the case model names it (``"HPO 2025-01-16"``)."""
    if coded.get("codeSystemName"):
        return coded.get("codeSystemName")
    name = _TERMINOLOGIES.get(coded.get("codeSystem") or "", coded.get("codeSystem") or "unknown")
    version = coded.get("codeSystemVersion")
    return f"{name} {version}" if version else name


def _codes(r: Reader, value: etree._Element) -> list[dict[str, Any]]:
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
    value = r.one(obs, "h:value")
    verbatim = r.text(obs, "h:value/h:originalText") or r.text(
        obs, "h:outboundRelationship2/h:observation[h:code/@code='30']/h:value"
    )
    codes = _codes(r, value) if value is not None else []
    if value is not None and (codes or value.get("nullFlavor")):
        r.take(value)
    if verbatim is None:
        verbatim = " / ".join(f"{t['system']} {t['code']}" for t in codes) or "(not stated)"
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
        _reverse(OUTCOME_CODES),
    )
    return _drop_none(
        {
            "verbatim": verbatim,
            "codes": codes,
            "onset_date": r.date(obs, "h:effectiveTime/h:low"),
            "end_date": r.date(obs, "h:effectiveTime/h:high"),
            "duration": r.duration(obs, "h:effectiveTime/h:width"),
            "seriousness": criteria,
            "outcome": outcome,
        }
    )


def finding(r: Reader, obs: etree._Element) -> dict[str, Any] | None:
    result = r.text(obs, "h:value[@xsi:type='ED']")
    quantity = r.one(obs, "h:value[@xsi:type='PQ']")
    if result is None and quantity is not None and quantity.get("value"):
        result = f"{quantity.get('value')} {quantity.get('unit') or ''}".strip()
        r.take(quantity)
    if result is None:
        return None
    return _drop_none(
        {
            "kind": "laboratory" if quantity is not None else "other",
            "test": r.text(obs, "h:code/h:originalText"),
            "result": result,
            "date": r.date(obs, "h:effectiveTime"),
        }
    )


def _route(r: Reader, dosage: etree._Element, product: dict[str, Any]) -> None:
    route = r.one(dosage, "h:routeCode")
    if route is None:
        return
    text = r.text(route, "h:originalText")
    code = route.get("code")
    found = None
    if route.get("codeSystem") == c.OID_ROUTE and code in ROUTES_BY_CODE:
        found = ROUTES_BY_CODE[code]
    elif text and text.lower() in _ROUTE_BY_LABEL:
        found = _ROUTE_BY_LABEL[text.lower()]
    if route.get("codeSystem") == c.OID_ROUTE and (found is not None or route.get("nullFlavor")):
        r.take(route)
    product["route"] = found
    if text and (found is None or text.lower() != ROUTE_LABELS[found].lower()):
        product["route_verbatim"] = text
    elif text is None and found is None:
        product.pop("route")


def _dosage(r: Reader, sa: etree._Element, product: dict[str, Any]) -> None:
    dosages = r.all(sa, "h:outboundRelationship2[@typeCode='COMP']/h:substanceAdministration")
    if not dosages:
        return
    dosage = dosages[0]
    interval = "h:effectiveTime[@xsi:type='IVL_TS']"
    product["start_date"] = r.date(dosage, f"{interval}/h:low")
    product["end_date"] = r.date(dosage, f"{interval}/h:high")
    _route(r, dosage, product)
    quantity = r.one(dosage, "h:doseQuantity")
    verbatim = r.text(dosage, "h:text")
    dose: dict[str, Any] = {"verbatim": verbatim}
    if quantity is not None and quantity.get("value"):
        dose.update(value=float(quantity.get("value")), unit=quantity.get("unit"))
        r.take(quantity)
    product["dose"] = _drop_none(dose) or None
    instance = "h:consumable/h:instanceOfKind"
    product["lot"] = r.text(dosage, f"{instance}/h:productInstanceInstance/h:lotNumberText")
    form = r.one(dosage, f"{instance}/h:kindOfProduct/h:formCode/h:originalText")
    slug = (form.text or "").strip().replace(" ", "_") if form is not None else ""
    if slug in Formulation.__members__:
        product["formulation"] = slug
        r.take(form)


def _recurrence(r: Reader, sa: etree._Element, product: dict[str, Any]) -> None:
    values = r.all(
        sa,
        f"h:outboundRelationship2/h:observation[h:code/@code='{c.OBS_RECURRENCE}']/h:value",
    )
    codes = [v.get("code") for v in values]
    if not codes or len(set(codes)) > 1:
        return
    for value in values:
        r.take(value)
    if codes[0] == "4":
        product["rechallenge"] = {"done": False}
    elif codes[0] in _RECURRENCE:
        product["rechallenge"] = {"done": True, "result": _RECURRENCE[codes[0]]}


def latencies(r: Reader, sa: etree._Element, found: dict[str, dict[str, Any]]) -> None:
    """G.k.9.i.3.1 of one drug into ``found`` (reaction id -> latency), first drug first."""
    for rel in r.all(sa, "h:outboundRelationship1[@typeCode='SAS']"):
        rid = r.attr(rel, "h:actReference/h:id", "root")
        if rid and rid not in found and (latency := r.duration(rel, "h:pauseQuantity")):
            found[rid] = latency


def product(r: Reader, sa: etree._Element, roles: dict[str, str]) -> dict[str, Any]:
    """G.k: one drug (``substanceAdministration`` of the drug-information organizer)."""
    kind = r.one(sa, "h:consumable/h:instanceOfKind/h:kindOfProduct")
    if kind is None:
        kind = r.one(sa, "h:consumable/h:instanceOfKind//h:kindOfProduct[h:name]")
    name = r.text(kind, "h:name") if kind is not None else None
    ingredients = [
        r.take(n).text.strip()
        for n in (
            r.all(kind, "h:ingredient/h:ingredientSubstance/h:name") if kind is not None else []
        )
        if (n.text or "").strip()
    ]
    out: dict[str, Any] = {
        "name": name or "(name not stated)",
        "active_ingredient": ", ".join(ingredients) or None,
        "manufacturer": r.text(
            kind,
            "h:asManufacturedProduct/h:subjectOf/h:approval/h:holder/h:role/h:playingOrganization/h:name",
        )
        if kind is not None
        else None,
    }
    pid = r.attr(sa, "h:id", "root")
    out["role"] = _reverse(ROLE_CODES).get(roles.get(pid or "", ""))
    _dosage(r, sa, out)
    _recurrence(r, sa, out)
    infos = _reverse(ADDITIONAL_INFO_CODES)
    extra = []
    for value in r.all(
        sa, f"h:outboundRelationship2/h:observation[h:code/@code='{c.OBS_ADDITIONAL_INFO}']/h:value"
    ):
        if value.get("codeSystem") == c.OID_DRUG_INFO and value.get("code") in infos:
            extra.append(infos[value.get("code")])
            r.take(value)
    out["additional_information"] = extra
    out["indication"] = r.text(
        sa,
        f"h:inboundRelationship/h:observation[h:code/@code='{c.OBS_INDICATION}']/h:value/h:originalText",
    )
    out["action_taken"] = r.coded(
        sa, "h:inboundRelationship[@typeCode='CAUS']/h:act/h:code", _reverse(ACTION_CODES)
    )
    return _drop_none(out)
