"""The subject of an E2B(R3) ICSR: patient (D), reactions (E.i), tests (F.r), drugs (G.k).

Part of :mod:`~dermavigil.exchange.e2b.write` (see there for the mapping);
builds ``adverseEventAssessment`` in the element order of the ICH schema.
"""

from __future__ import annotations

from lxml import etree

from dermavigil.domain import Case, CodedTerm, Finding, Product, Reaction
from dermavigil.domain.assessment import Assessment
from dermavigil.domain.routes import ROUTE_CODES, ROUTE_LABELS
from dermavigil.domain.vocab import (
    ACTION_CODES,
    ADDITIONAL_INFO_CODES,
    AGE_GROUP_CODES,
    OUTCOME_CODES,
    RECHALLENGE_CODES,
    ROLE_CODES,
    SEX_CODES,
    Outcome,
    RechallengeResult,
    SeriousnessCriterion,
    VerbatimSource,
)
from dermavigil.exchange import codes as c
from dermavigil.exchange.e2b.xml import (
    E,
    bool_value,
    interval,
    obs_code,
    observation,
    pause,
    typed,
    wrapped,
)
from dermavigil.exchange.seriousness import CaseSeriousness, case_seriousness


def _linked(
    tag: str, code: str, name: str, value: etree._Element, link: etree._Element
) -> etree._Element:
    """An observation of kind ``code`` with its value and a link to a reaction or product."""
    return E(tag, obs_code(code, name), value, link, classCode="OBS", moodCode="EVN")


def _terminology(term: CodedTerm) -> tuple[str | None, str | None]:
    """The OID and version of a term's terminology (``"HPO 2025-01-16"`` -> HPO OID, version)."""
    name, _, version = term.system.partition(" ")
    return c.TERMINOLOGY_OIDS.get(name.lower()), version or None


def _reaction_value(reaction: Reaction) -> etree._Element:
    """E.i.1.1a verbatim (with E.i.1.1b language; only when the source reported it) and
    E.i.2.1 MedDRA code; without a MedDRA code the value is nullFlavor UNC (un-encoded: the
    raw term is in ``originalText``), never a made-up code. Other terminologies' codes
    (HPO ...) are translations, each naming its system and version."""
    original = []
    if reaction.verbatim_source == VerbatimSource.reported:
        language = {"language": reaction.verbatim_language or "eng"}
        original.append(E.originalText(reaction.verbatim, **language))
    meddra = next((t for t in reaction.codes if _terminology(t)[0] == c.OID_MEDDRA), None)
    translations = []
    for term in reaction.codes:
        oid, version = _terminology(term)
        if term is meddra or oid is None:
            continue
        attrs = {"code": term.code, "codeSystem": oid, "codeSystemName": term.system}
        if version:
            attrs["codeSystemVersion"] = version
        translations.append(E.translation(displayName=term.label, **attrs))
    if meddra is None:
        return typed(
            "value",
            "CE",
            *original,
            *translations,
            nullFlavor=c.NULL_UNENCODED,
            codeSystem=c.OID_MEDDRA,
        )
    version = _terminology(meddra)[1]
    attrs = {"code": meddra.code, "codeSystem": c.OID_MEDDRA}
    if meddra.label != meddra.code:
        attrs["displayName"] = meddra.label
    if version:
        attrs["codeSystemVersion"] = version
    return typed("value", "CE", *original, *translations, **attrs)


def _country(code: str) -> etree._Element:
    """E.i.9: the country where the reaction occurred."""
    place = E.locatedPlace(
        E.code(code=code, codeSystem=c.OID_COUNTRY), classCode="COUNTRY", determinerCode="INSTANCE"
    )
    return E.location(E.locatedEntity(place, classCode="LOCE"), typeCode="LOC")


def _reaction(
    reaction: Reaction, rid: str, criteria: frozenset[SeriousnessCriterion]
) -> etree._Element:
    """E.i: one reaction (id, dates, term, E.i.3.2a-f ``criteria``, outcome)."""
    children: list[etree._Element | None] = [
        E.id(root=rid),
        obs_code(c.OBS_REACTION, "reaction"),
        interval(reaction.onset_date, reaction.end_date, reaction.duration),
        _reaction_value(reaction),
        _country(reaction.country) if reaction.country else None,
    ]
    if reaction.translation:
        term = observation(
            c.OBS_TRANSLATION, "reactionForTranslation", typed("value", "ED", reaction.translation)
        )
        children.append(E.outboundRelationship2(term, typeCode="PERT"))
    if reaction.highlighted is not None:
        code = c.HIGHLIGHTED_CODES[reaction.highlighted]
        value = typed("value", "CE", code=code, codeSystem=c.OID_HIGHLIGHTED)
        term = observation(c.OBS_HIGHLIGHTED, "termHighlightedByReporter", value)
        children.append(E.outboundRelationship2(term, typeCode="PERT"))
    for name, code in c.SERIOUSNESS_CODES.items():
        rel = E.outboundRelationship2(
            observation(code, name, bool_value(SeriousnessCriterion(name) in criteria)),
            typeCode="PERT",
        )
        children.append(rel)
    code = OUTCOME_CODES[reaction.outcome or Outcome.unknown]  # E.i.7 is required
    outcome = typed("value", "CE", code=code, codeSystem=c.OID_OUTCOME)
    children.append(
        E.outboundRelationship2(observation(c.OBS_OUTCOME, "outcome", outcome), typeCode="PERT")
    )
    return E.subjectOf2(
        E.observation(*[x for x in children if x is not None], classCode="OBS", moodCode="EVN"),
        typeCode="SBJ",
    )


def _finding(finding: Finding) -> etree._Element:
    """F.r: one test (F.r.2.1 name, F.r.1 date, F.r.3.4 result as free text)."""
    name = finding.test or finding.kind.value
    children = [E.code(E.originalText(name), nullFlavor="OTH", codeSystem=c.OID_MEDDRA)]
    if finding.date is not None:
        children.append(E.effectiveTime(value=finding.date.e2b()))
    children.append(typed("value", "ED", finding.result))
    return E.component(E.observation(*children, classCode="OBS", moodCode="EVN"), typeCode="COMP")


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


def _product(product: Product, pid: str, reaction_ids: list[str], case: Case) -> etree._Element:
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


def _organizer(code: str, name: str, components: list[etree._Element]) -> etree._Element:
    """A D.7 / F.r / G.k organizer: a category of the patient's facts."""
    return wrapped(
        ("subjectOf2", "SBJ"), ("organizer", "CATEGORY"), (code, c.OID_ORGANIZER, name), *components
    )


def _patient(
    case: Case, reaction_ids: list[str], product_ids: list[str], serious: CaseSeriousness
) -> etree._Element:
    """D and everything observed on the patient: reactions, tests, drugs."""
    patient = case.patient
    player = [E.name(patient.initials) if patient.initials else E.name(nullFlavor="UNK")]
    if patient.sex in SEX_CODES:
        player.append(E.administrativeGenderCode(code=SEX_CODES[patient.sex], codeSystem=c.OID_SEX))
    else:
        player.append(E.administrativeGenderCode(nullFlavor="UNK"))
    if patient.birth_date is not None:
        player.append(E.birthTime(value=patient.birth_date.e2b()))
    role: list[etree._Element] = [E.player1(*player, classCode="PSN", determinerCode="INSTANCE")]

    def observed(code: str, name: str, value: etree._Element) -> None:
        role.append(E.subjectOf2(observation(code, name, value), typeCode="SBJ"))

    if patient.age is not None:
        unit = c.AGE_UNITS[patient.age.unit]
        observed(c.OBS_AGE, "age", typed("value", "PQ", value=f"{patient.age.value:g}", unit=unit))
    if patient.age_group is not None:
        code = AGE_GROUP_CODES[patient.age_group]
        observed(
            c.OBS_AGE_GROUP,
            "ageGroup",
            typed("value", "CE", code=code, codeSystem=c.OID_AGE_GROUP),
        )
    if patient.weight_kg is not None:
        observed(
            c.OBS_WEIGHT,
            "bodyWeight",
            typed("value", "PQ", value=f"{patient.weight_kg:g}", unit="kg"),
        )
    history = patient.medical_history + patient.concurrent_conditions
    if history:
        text = typed("value", "ED", "; ".join(history))
        obs = observation(c.OBS_HISTORY_TEXT, "historyAndConcurrentConditionText", text)
        role.append(
            _organizer(
                c.ORG_HISTORY,
                "relevantMedicalHistoryAndConcurrentConditions",
                [E.component(obs, typeCode="COMP")],
            )
        )
    role += [
        _reaction(r, rid, criteria)
        for r, rid, criteria in zip(case.reactions, reaction_ids, serious.per_reaction, strict=True)
    ]
    if case.findings:
        role.append(
            _organizer(
                c.ORG_TESTS,
                "testsAndProceduresRelevantToTheInvestigation",
                [_finding(f) for f in case.findings],
            )
        )
    drugs = [
        _product(p, pid, reaction_ids, case)
        for p, pid in zip(case.products, product_ids, strict=True)
    ]
    role.append(_organizer(c.ORG_DRUGS, "drugInformation", drugs))
    return E.subject1(E.primaryRole(*role, classCode="INVSBJ"), typeCode="SBJ")


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


def assessment(
    case: Case,
    reaction_ids: list[str],
    product_ids: list[str],
    judged: Assessment | None = None,
) -> etree._Element:
    """``adverseEventAssessment``: the patient and the G.k.1 role of each drug; seriousness
    from :func:`~dermavigil.exchange.seriousness.case_seriousness` (``judged``, else derived)."""
    roles = []
    for product, pid in zip(case.products, product_ids, strict=True):
        roles.append(_role(ROLE_CODES[product.role], c.OID_ROLE, pid))
        if product.regional_role is not None:  # FDA.G.k.1.a, beside G.k.1 (never instead)
            code = c.FDA_OTHER_ROLE_CODES[product.regional_role.value]
            roles.append(_role(code, c.OID_FDA_OTHER_ROLE, pid))
    return E.component(
        E.adverseEventAssessment(
            _patient(case, reaction_ids, product_ids, case_seriousness(case, judged)),
            *roles,
            classCode="INVSTG",
            moodCode="EVN",
        ),
        typeCode="COMP",
    )
