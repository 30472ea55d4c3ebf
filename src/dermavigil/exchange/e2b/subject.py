"""The subject of an E2B(R3) ICSR: patient (D), reactions (E.i), tests (F.r), and the
drugs (G.k) written by :mod:`~dermavigil.exchange.e2b.drug_elements`.

Part of :mod:`~dermavigil.exchange.e2b.write` (see there for the mapping);
builds ``adverseEventAssessment`` in the element order of the ICH schema.
"""

from __future__ import annotations

from lxml import etree

from dermavigil.domain import Case, CodedTerm, Finding, Reaction
from dermavigil.domain.assessment import Assessment
from dermavigil.domain.vocab import (
    AGE_GROUP_CODES,
    OUTCOME_CODES,
    SEX_CODES,
    Outcome,
    SeriousnessCriterion,
    VerbatimSource,
)
from dermavigil.exchange import codes as c
from dermavigil.exchange.e2b.drug_elements import drug, drug_roles
from dermavigil.exchange.e2b.xml import (
    E,
    bool_value,
    interval,
    obs_code,
    observation,
    typed,
    wrapped,
)
from dermavigil.exchange.seriousness import CaseSeriousness, case_seriousness


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
        drug(p, pid, reaction_ids, case) for p, pid in zip(case.products, product_ids, strict=True)
    ]
    role.append(_organizer(c.ORG_DRUGS, "drugInformation", drugs))
    return E.subject1(E.primaryRole(*role, classCode="INVSBJ"), typeCode="SBJ")


def assessment(
    case: Case,
    reaction_ids: list[str],
    product_ids: list[str],
    judged: Assessment | None = None,
) -> etree._Element:
    """``adverseEventAssessment``: the patient and the G.k.1 role of each drug; seriousness
    from :func:`~dermavigil.exchange.seriousness.case_seriousness` (``judged``, else derived)."""
    return E.component(
        E.adverseEventAssessment(
            _patient(case, reaction_ids, product_ids, case_seriousness(case, judged)),
            *drug_roles(case, product_ids),
            classCode="INVSTG",
            moodCode="EVN",
        ),
        typeCode="COMP",
    )
