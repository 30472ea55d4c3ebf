"""The drugs of an E2B(R3) ICSR's subject, written as XML: G.k in the element order of
the ICH schema, and the G.k.1 role (with FDA.G.k.1.a) of each drug.

Part of :mod:`~dermavigil.exchange.e2b.write` (see there for the mapping), called by
:mod:`~dermavigil.exchange.e2b.subject`; the inverse of
:mod:`~dermavigil.exchange.e2b.drugs`. G.k.2.2 name, G.k.2.3.r ingredients, G.k.3
authorisation (number, country, holder), G.k.4.r dosage (text, dates, G.k.4.r.10 route
on the ICH route list with its free text, dose, lot, form), G.k.7 indication, G.k.8
action taken, G.k.9.i.3.1 latency (on the first suspect), G.k.9.i.4 recurrence on
rechallenge, G.k.10.r additional information.
"""

from __future__ import annotations

from lxml import etree

from dermavigil.domain import Case, Product
from dermavigil.domain.routes import ROUTE_CODES, ROUTE_LABELS
from dermavigil.domain.vocab import (
    ACTION_CODES,
    ADDITIONAL_INFO_CODES,
    RECHALLENGE_CODES,
    ROLE_CODES,
    RechallengeResult,
)
from dermavigil.exchange import codes as c
from dermavigil.exchange.e2b.xml import E, interval, obs_code, observation, pause, typed


def _linked(
    tag: str, code: str, name: str, value: etree._Element, link: etree._Element
) -> etree._Element:
    """An observation of kind ``code`` with its value and a link to a reaction or product."""
    return E(tag, obs_code(code, name), value, link, classCode="OBS", moodCode="EVN")


def _kind_of_product(product: Product) -> etree._Element:
    """G.k.2.2 name, G.k.3.3 holder (the manufacturer), G.k.2.3 active ingredient."""
    children: list[etree._Element] = [E.name(product.name)]
    if product.manufacturer or product.authorisation_number or product.authorisation_country:
        parts: list[etree._Element] = []
        if product.authorisation_number:  # G.k.3.1
            parts.append(E.id(extension=product.authorisation_number, root=c.OID_AUTHORISATION))
        if product.manufacturer:  # G.k.3.3
            parts.append(
                E.holder(
                    E.role(
                        E.playingOrganization(
                            E.name(product.manufacturer), classCode="ORG", determinerCode="INSTANCE"
                        ),
                        classCode="HLD",
                    ),
                    typeCode="HLD",
                )
            )
        if product.authorisation_country:  # G.k.3.2
            territory = E.territory(
                E.code(code=product.authorisation_country, codeSystem=c.OID_COUNTRY),
                classCode="NAT",
                determinerCode="INSTANCE",
            )
            parts.append(
                E.author(E.territorialAuthority(territory, classCode="TERR"), typeCode="AUT")
            )
        approval = E.approval(*parts, classCode="CNTRCT", moodCode="EVN")
        children.append(
            E.asManufacturedProduct(E.subjectOf(approval, typeCode="SBJ"), classCode="MANU")
        )
    names = [product.active_ingredient] if product.active_ingredient else []
    for name in names + product.other_ingredients:  # G.k.2.3.r, one element each
        children.append(
            E.ingredient(
                E.ingredientSubstance(E.name(name), classCode="MMAT", determinerCode="KIND"),
                classCode="ACTI",
            )
        )
    return E.kindOfProduct(*children, classCode="MMAT", determinerCode="KIND")


def _dosage(product: Product) -> etree._Element | None:
    """G.k.4.r: dosage text, dates, route (ICH list with its free text), dose, lot, form."""
    dose = product.dose
    has_route = product.route is not None or product.route_verbatim
    facts = (product.start_date, product.end_date, dose, product.lot, product.formulation)
    if not has_route and not any(facts):
        return None
    children: list[etree._Element | None] = []
    if dose is not None and dose.verbatim:
        children.append(E.text(dose.verbatim))
    children.append(interval(product.start_date, product.end_date))
    if has_route:
        text = product.route_verbatim or ROUTE_LABELS[product.route]  # type: ignore[index]
        if product.route is not None:
            route = E.routeCode(
                E.originalText(text),
                code=ROUTE_CODES[product.route],
                codeSystem=c.OID_ROUTE,
                displayName=ROUTE_LABELS[product.route],
            )
        else:
            route = E.routeCode(E.originalText(text), nullFlavor="OTH", codeSystem=c.OID_ROUTE)
        children.append(route)
    if dose is not None and dose.value is not None:
        children.append(E.doseQuantity(value=f"{dose.value:g}", unit=dose.unit or "1"))
    if product.lot or product.formulation:
        kind = []
        if product.lot:
            kind.append(
                E.productInstanceInstance(
                    E.lotNumberText(product.lot), classCode="MMAT", determinerCode="INSTANCE"
                )
            )
        if product.formulation:
            form = E.formCode(E.originalText(product.formulation.value.replace("_", " ")))
            kind.append(E.kindOfProduct(form, classCode="MMAT", determinerCode="KIND"))
        children.append(E.consumable(E.instanceOfKind(*kind, classCode="INST"), typeCode="CSM"))
    return E.outboundRelationship2(
        E.substanceAdministration(
            *[x for x in children if x is not None], classCode="SBADM", moodCode="EVN"
        ),
        typeCode="COMP",
    )


def _recurrences(product: Product, reaction_ids: list[str], case: Case) -> list[etree._Element]:
    """G.k.9.i.4, per reaction that was not itself the recurrence (all, if every one was)."""
    rechallenge = product.rechallenge
    if rechallenge is None or rechallenge.done is None:
        return []
    if not rechallenge.done:
        code = RECHALLENGE_CODES[None]
    else:
        code = RECHALLENGE_CODES[rechallenge.result or RechallengeResult.unknown]
    out = []
    everything_recurred = all(r.at_rechallenge for r in case.reactions)
    for rid, reaction in zip(reaction_ids, case.reactions, strict=True):
        if reaction.at_rechallenge and not everything_recurred:
            continue
        value = typed("value", "CE", code=code, codeSystem=c.OID_RECURRENCE)
        ref = E.outboundRelationship1(
            E.actReference(E.id(root=rid), classCode="OBS", moodCode="EVN"), typeCode="REFR"
        )
        obs = _linked("observation", c.OBS_RECURRENCE, "recurranceOfReaction", value, ref)
        out.append(E.outboundRelationship2(obs, typeCode="PERT"))
    return out


def _latencies(product: Product, reaction_ids: list[str], case: Case) -> list[etree._Element]:
    """G.k.9.i.3.1: time from the first suspect's start to each reaction's onset."""
    if not case.suspects() or product is not case.suspects()[0]:
        return []
    return [
        E.outboundRelationship1(
            pause(reaction.onset_latency),
            E.actReference(E.id(root=rid), classCode="OBS", moodCode="EVN"),
            typeCode="SAS",
        )
        for rid, reaction in zip(reaction_ids, case.reactions, strict=True)
        if reaction.onset_latency is not None
    ]


def drug(product: Product, pid: str, reaction_ids: list[str], case: Case) -> etree._Element:
    """G.k: one drug with its dosage, latencies, recurrences, G.k.10.r, G.k.7, G.k.8."""
    children: list[etree._Element | None] = [
        E.id(root=pid),
        E.consumable(E.instanceOfKind(_kind_of_product(product), classCode="INST"), typeCode="CSM"),
        *_latencies(product, reaction_ids, case),
        _dosage(product),
        *_recurrences(product, reaction_ids, case),
    ]
    for info in product.additional_information:
        value = typed("value", "CE", code=ADDITIONAL_INFO_CODES[info], codeSystem=c.OID_DRUG_INFO)
        children.append(
            E.outboundRelationship2(
                observation(c.OBS_ADDITIONAL_INFO, "codedDrugInformation", value),
                typeCode="REFR",
            )
        )
    if product.indication:
        value = typed(
            "value",
            "CE",
            E.originalText(product.indication),
            nullFlavor="OTH",
            codeSystem=c.OID_MEDDRA,
        )
        children.append(
            E.inboundRelationship(
                observation(c.OBS_INDICATION, "indication", value), typeCode="RSON"
            )
        )
    if product.action_taken is not None:
        act = E.act(
            E.code(code=ACTION_CODES[product.action_taken], codeSystem=c.OID_ACTION),
            classCode="ACT",
            moodCode="EVN",
        )
        children.append(E.inboundRelationship(act, typeCode="CAUS"))
    return E.component(
        E.substanceAdministration(
            *[x for x in children if x is not None], classCode="SBADM", moodCode="EVN"
        ),
        typeCode="COMP",
    )


def _role(code: str, system: str, pid: str) -> etree._Element:
    """G.k.1 (or FDA.G.k.1.a, by its code system) of the drug ``pid``."""
    value = typed("value", "CE", code=code, codeSystem=system)
    reference = E.subject2(
        E.productUseReference(E.id(root=pid), classCode="SBADM", moodCode="EVN"),
        typeCode="SUBJ",
    )
    obs = _linked(
        "causalityAssessment", c.OBS_ROLE, "interventionCharacterization", value, reference
    )
    return E.component(obs, typeCode="COMP")


def drug_roles(case: Case, product_ids: list[str]) -> list[etree._Element]:
    """The G.k.1 role of each drug, and beside it (never instead) its FDA.G.k.1.a
    regional role when it has one."""
    roles = []
    for product, pid in zip(case.products, product_ids, strict=True):
        roles.append(_role(ROLE_CODES[product.role], c.OID_ROLE, pid))
        if product.regional_role is not None:
            code = c.FDA_OTHER_ROLE_CODES[product.regional_role.value]
            roles.append(_role(code, c.OID_FDA_OTHER_ROLE, pid))
    return roles
