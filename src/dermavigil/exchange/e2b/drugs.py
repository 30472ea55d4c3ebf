"""Readers of the drug section (G.k) of an E2B(R3) ICSR message into case-model products.

The inverse of :mod:`~dermavigil.exchange.e2b.drug_elements`; the
:class:`~dermavigil.exchange.e2b.sections.Reader` conventions apply (an
element is marked only when its value went into the case).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from dermavigil.domain.routes import ROUTE_LABELS, ROUTES_BY_CODE, parse_route
from dermavigil.domain.vocab import ACTION_CODES, ADDITIONAL_INFO_CODES, ROLE_CODES, Formulation
from dermavigil.exchange import codes as c
from dermavigil.exchange.e2b.sections import Reader, drop_none, reverse

_RECURRENCE = {"1": "recurred", "2": "did_not_recur", "3": "unknown"}
"""G.k.9.i.4 codes of a rechallenge that was done (4 = not done)."""


def _route(r: Reader, dosage: etree._Element, product: dict[str, Any]) -> None:
    """G.k.4.r.10: the ICH route code (or the route its free text names, by
    :func:`dermavigil.domain.routes.parse_route`) and the free text."""
    route = r.one(dosage, "h:routeCode")
    if route is None:
        return
    text = r.text(route, "h:originalText")
    on_ich_list = route.get("codeSystem") == c.OID_ROUTE
    # another list (EDQM ...): its code stays in unmapped; its label may still name a route
    found = ROUTES_BY_CODE.get(route.get("code") or "") if on_ich_list else parse_route(text)
    if on_ich_list and (found is not None or route.get("nullFlavor")):
        r.take(route)
    product["route"] = found
    if text and (found is None or text.lower() != ROUTE_LABELS[found].lower()):
        product["route_verbatim"] = text
    elif text is None and found is None:
        product.pop("route")


def _dosage(r: Reader, sa: etree._Element, product: dict[str, Any]) -> None:
    """G.k.4.r (first dosage): dates, route, dose, dosage text, lot, dose form."""
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
    product["dose"] = drop_none(dose) or None
    instance = "h:consumable/h:instanceOfKind"
    product["lot"] = r.text(dosage, f"{instance}/h:productInstanceInstance/h:lotNumberText")
    form = r.one(dosage, f"{instance}/h:kindOfProduct/h:formCode/h:originalText")
    slug = (form.text or "").strip().replace(" ", "_") if form is not None else ""
    if slug in Formulation.__members__:
        product["formulation"] = slug
        r.take(form)


def _recurrence(r: Reader, sa: etree._Element, product: dict[str, Any]) -> None:
    """G.k.9.i.4 when all reactions agree (else the codes stay in ``unmapped``)."""
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


def product(
    r: Reader, sa: etree._Element, role: str | None, regional_role: str | None
) -> dict[str, Any]:
    """G.k: one drug (``substanceAdministration`` of the drug-information organizer), with
    its G.k.1 ``role`` code and FDA.G.k.1.a ``regional_role`` code."""
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
        "active_ingredient": ingredients[0] if ingredients else None,
        "other_ingredients": ingredients[1:],
        "manufacturer": r.text(
            kind,
            "h:asManufacturedProduct/h:subjectOf/h:approval/h:holder/h:role/h:playingOrganization/h:name",
        )
        if kind is not None
        else None,
    }
    approval = "h:asManufacturedProduct/h:subjectOf/h:approval"
    if kind is not None:
        out["authorisation_number"] = r.attr(kind, f"{approval}/h:id", "extension")
        country = r.one(kind, f"{approval}/h:author/h:territorialAuthority/h:territory/h:code")
        code = (country.get("code") or "").upper() if country is not None else ""
        if len(code) == 2 and code.isalpha():
            r.take(country)
            out["authorisation_country"] = code
    out["role"] = reverse(ROLE_CODES).get(role or "")
    out["regional_role"] = reverse(c.FDA_OTHER_ROLE_CODES).get(regional_role or "")
    _dosage(r, sa, out)
    _recurrence(r, sa, out)
    infos = reverse(ADDITIONAL_INFO_CODES)
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
        sa, "h:inboundRelationship[@typeCode='CAUS']/h:act/h:code", reverse(ACTION_CODES)
    )
    return drop_none(out)
