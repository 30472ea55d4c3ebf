"""Assemble the extracted facts into a case-model mapping and its evidence map.

The mapping has exactly the shape of :class:`dermavigil.domain.Case` (field
names, vocabulary slugs) so that :func:`dermavigil.domain.parse_case` can
validate it once a reviewer accepts it. Evidence is a map from the field
path (``products.0.route``, ``reactions.2.onset_latency``) to the character
spans of the text that support it.
"""

from __future__ import annotations

import re
from typing import Any

from dermavigil.domain.vocab import AdditionalInformation, ProductRole
from dermavigil.literature.extract.challenge import ChallengeFacts
from dermavigil.literature.extract.findings import FindingFacts
from dermavigil.literature.extract.outcome import OutcomeFacts, find_outcome
from dermavigil.literature.extract.patient import PatientFacts, SeriesPatient
from dermavigil.literature.extract.products import ProductFacts
from dermavigil.literature.extract.reaction_facts import ReactionFacts
from dermavigil.literature.extract.reactions import find_reactions
from dermavigil.literature.extract.routes import RouteFacts
from dermavigil.literature.extract.treatment import TreatmentFact, find_treatments

Span = tuple[int, int]
Evidence = dict[str, list[Span]]

_EVOLVES = re.compile(
    r"\b(?:the|these) lesions? (?:\w+ )?(?:transformed|evolved|progressed|became|turned|developed"
    r" into|changed)\b",
    re.I,
)


def _add(evidence: Evidence, prefix: str, spans: dict[str, list[Span]], rename=None) -> None:
    for key, found in spans.items():
        if found:
            path = f"{prefix}.{(rename or {}).get(key, key)}"
            evidence.setdefault(path, []).extend(found)


def patient_part(facts: PatientFacts, evidence: Evidence) -> dict[str, Any]:
    """The ``patient`` mapping."""
    patient: dict[str, Any] = {}
    if facts.age:
        patient["age"] = {"value": facts.age[0], "unit": facts.age[1]}
    if facts.age_group:
        patient["age_group"] = facts.age_group.value
    if facts.sex:
        patient["sex"] = facts.sex.value
    for path, spans in facts.spans.items():
        if path.startswith("patient."):
            evidence[path] = spans
    return patient


def _route_verbatim(text: str, span: Span) -> str:
    tail = re.match(r"[ -]+(injections?|administration|method|route|use)\b", text[span[1] :])
    return text[span[0] : span[1] + (tail.end() if tail else 0)]


def products_part(
    text: str,
    products: list[ProductFacts],
    routes: RouteFacts,
    challenge: ChallengeFacts,
    evidence: Evidence,
) -> list[dict[str, Any]]:
    """The ``products`` list; route, label and challenges go to the first (suspect) product."""
    out = []
    for i, facts in enumerate(products):
        product: dict[str, Any] = {
            "name": facts.name,
            "category": facts.category.value,
            "role": ProductRole.suspect.value,
        }
        if facts.formulation:
            product["formulation"] = facts.formulation.value
        prefix = f"products.{i}"
        if i == 0:
            _first_product(text, product, routes, challenge, evidence, prefix)
        for key in ("injections", "sessions", "indication"):
            if getattr(facts, key) is not None:
                product[key] = getattr(facts, key)
        if facts.body_sites:
            product["body_sites"] = list(facts.body_sites)
        _add(evidence, prefix, facts.spans)
        out.append(product)
    return out


def _first_product(
    text: str,
    product: dict[str, Any],
    routes: RouteFacts,
    challenge: ChallengeFacts,
    evidence: Evidence,
    prefix: str,
) -> None:
    if routes.approved:
        product["approved_routes"] = [r.value for r in routes.approved]
        product["labelled_use"] = routes.approved_verbatim
        evidence[f"{prefix}.approved_routes"] = routes.approved_spans
    if routes.used:
        product["route"] = routes.used.value
        product["route_verbatim"] = _route_verbatim(text, routes.used_spans[0])
        evidence[f"{prefix}.route"] = routes.used_spans
    if routes.off_label and (routes.wrong_spans or not routes.approved):
        product["additional_information"] = [AdditionalInformation.off_label_use.value]
        evidence[f"{prefix}.additional_information"] = routes.wrong_spans or routes.unapproved_spans
    add_challenges(product, challenge, evidence, prefix)


def add_challenges(
    product: dict[str, Any], challenge: ChallengeFacts, evidence: Evidence, prefix: str
) -> None:
    """The suspect's ``rechallenge`` and ``dechallenge`` (E2B G.k.9.i.4) with evidence."""
    if challenge.rechallenge_done:
        rechallenge: dict[str, Any] = {"done": True}
        if challenge.rechallenge_result:
            rechallenge["result"] = challenge.rechallenge_result.value
        if challenge.rechallenge_site:
            rechallenge["site"] = challenge.rechallenge_site
        if challenge.rechallenge_route:
            rechallenge["route"] = challenge.rechallenge_route.value
        rechallenge["description"] = challenge.rechallenge_text
        product["rechallenge"] = rechallenge
    if challenge.dechallenge_done:
        product["dechallenge"] = {
            "done": True,
            "result": challenge.dechallenge_result.value if challenge.dechallenge_result else None,
            "description": challenge.dechallenge_text,
        }
    _add(evidence, prefix, {k: v for k, v in challenge.spans.items()})


def reactions_part(
    reactions: list[ReactionFacts],
    outcome: OutcomeFacts,
    challenge: ChallengeFacts,
    sentences: dict[int, str],
    evidence: Evidence,
) -> list[dict[str, Any]]:
    """The ``reactions`` list with onset, evolution, outcome and sequelae."""
    out = []
    evolutions = {i: t for i, t in sentences.items() if _EVOLVES.search(t)}
    for i, facts in enumerate(reactions):
        reaction: dict[str, Any] = {"verbatim": facts.verbatim}
        if facts.codes:
            reaction["codes"] = [c.model_dump(mode="json") for c in facts.codes]
        if facts.onset_latency:
            reaction["onset_latency"] = facts.onset_latency.model_dump(mode="json")
        if facts.onset_text:
            reaction["onset_text"] = facts.onset_text
        sites = list(facts.body_sites)
        if facts.at_rechallenge:
            reaction["at_rechallenge"] = True
            if challenge.rechallenge_site and challenge.rechallenge_site not in sites:
                sites.append(challenge.rechallenge_site)
        if sites:
            reaction["body_sites"] = sites
        later = [j for j in evolutions if j > facts.sentence]
        if later and facts.lesion and not facts.at_rechallenge:
            nearest = min(later)
            if not any(
                r.sentence > facts.sentence and r.sentence < nearest and r.lesion for r in reactions
            ):
                reaction["evolution"] = evolutions[nearest]
        if outcome.outcome and (facts.lesion or not outcome.lesions_only):
            reaction["outcome"] = outcome.outcome.value
            _add(evidence, f"reactions.{i}", {"outcome": outcome.spans.get("outcome", [])})
            if outcome.sequelae:
                reaction["sequelae"] = list(outcome.sequelae)
                _add(evidence, f"reactions.{i}", {"sequelae": outcome.spans.get("sequelae", [])})
        if outcome.seriousness:
            reaction["seriousness"] = [c.value for c in outcome.seriousness]
            _add(evidence, f"reactions.{i}", {"seriousness": outcome.spans.get("seriousness", [])})
        _add(evidence, f"reactions.{i}", facts.spans, {"onset": "onset_text"})
        out.append(reaction)
    return out


def findings_part(findings: list[FindingFacts], evidence: Evidence) -> list[dict[str, Any]]:
    """The ``findings`` list."""
    out = []
    for i, facts in enumerate(findings):
        finding: dict[str, Any] = {
            "kind": facts.kind.value,
            "test": facts.test,
            "result": facts.result,
        }
        if facts.codes:
            finding["codes"] = [c.model_dump(mode="json") for c in facts.codes]
        _add(evidence, f"findings.{i}", facts.spans)
        out.append(finding)
    return out


def treatments_part(treatments: list[TreatmentFact], evidence: Evidence) -> list[dict[str, Any]]:
    """The ``treatments`` list."""
    out = []
    for i, facts in enumerate(treatments):
        treatment: dict[str, Any] = {"drug": facts.drug}
        if facts.route:
            treatment["route"] = facts.route.value
        if facts.duration:
            treatment["duration"] = facts.duration.model_dump(mode="json")
        if facts.response:
            treatment["response"] = facts.response
        _add(evidence, f"treatments.{i}", facts.spans)
        out.append(treatment)
    return out


def series_patients_part(
    patients: list[SeriesPatient], suspects: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """Per-patient facts of a series draft: what the text gives for each patient alone.

    Reactions, onset, treatments and outcome are read from the patient's own segment
    of the text (:attr:`SeriesPatient.sentences`); every value keeps its spans.
    """
    out = []
    for patient in patients:
        item: dict[str, Any] = {"label": patient.label}
        evidence: Evidence = {}
        if patient.age:
            item["age"] = {"value": patient.age[0], "unit": patient.age[1]}
            evidence["age"] = patient.spans.get("age", [])
        if patient.sex:
            item["sex"] = patient.sex.value
            evidence["sex"] = patient.spans.get("sex", [])
        if patient.sentences:
            reactions, _ = find_reactions(patient.sentences, set())
            if reactions:
                item["reactions"] = [r.verbatim for r in reactions]
                evidence["reactions"] = [s for r in reactions for s in r.spans.get("verbatim", [])]
                onset = next((r for r in reactions if r.onset_latency), None)
                if onset is not None and onset.onset_latency is not None:
                    item["onset_latency"] = onset.onset_latency.model_dump(mode="json")
                    evidence["onset_latency"] = onset.spans.get("onset", [])
            treatments = find_treatments(patient.sentences, suspects)
            if treatments:
                item["treatments"] = [t.drug for t in treatments]
                evidence["treatments"] = [s for t in treatments for s in t.spans.get("drug", [])]
            first = min((r.sentence for r in reactions), default=patient.sentences[0].index)
            outcome = find_outcome(patient.sentences, first)
            if outcome.outcome:
                item["outcome"] = outcome.outcome.value
                evidence["outcome"] = outcome.spans.get("outcome", [])
        item["evidence"] = {k: [list(s) for s in v] for k, v in evidence.items() if v}
        out.append(item)
    return out
