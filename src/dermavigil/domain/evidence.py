"""Case facts that causality assessment rests on, each with the fields it came from.

Naranjo (Naranjo et al., Clin Pharmacol Ther 1981;30:239-45) and the WHO-UMC
system ask overlapping questions: did the reaction follow the product, did it
improve on withdrawal, did it recur on re-exposure, could something else
explain it, is it objectively confirmed. This module answers each question
once, as ``yes`` / ``no`` / ``unknown`` with the case facts that decided it, so
that both methods read the same evidence and an assessor sees why.

The rule throughout is *never invent*: an answer is ``yes`` or ``no`` only when
a recorded fact says so; silence in the record is ``unknown``. Facts are
written ``<field path>: <what it says>``, the path as in
:func:`dermavigil.domain.parse_case` problems (``products.0.route``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Literal

from pydantic import BaseModel, ConfigDict

from dermavigil.domain.case import Case, Product, Reaction
from dermavigil.domain.vocab import (
    ActionTaken,
    DechallengeResult,
    FindingKind,
    Outcome,
    ProductCategory,
    ProductRole,
    RechallengeResult,
)

Answer = Literal["yes", "no", "unknown"]

IMPROVED_OUTCOMES: frozenset[Outcome] = frozenset(
    {Outcome.recovered, Outcome.recovering, Outcome.recovered_with_sequelae}
)
"""E2B outcomes that mean the reaction got better."""

SPECIFIC_ANTAGONISTS: dict[ProductCategory, tuple[str, ...]] = {
    ProductCategory.ha_filler: ("hyaluronidase",),
    ProductCategory.botulinum_toxin: ("antitoxin",),
}
"""Treatments that specifically reverse a product category (Naranjo item 3's
"specific antagonist"): hyaluronidase dissolves hyaluronic acid filler;
botulinum antitoxin binds circulating toxin. Corticosteroids and other
symptomatic treatments are not antagonists."""

_AFTER = re.compile(r"\bafter\b", re.IGNORECASE)
_BEFORE = re.compile(r"\bbefore\b|\bprior to\b", re.IGNORECASE)


class CriterionAnswer(BaseModel):
    """One point of a rule (a seriousness criterion, a WHO-UMC point) and its facts.

    ``met`` is ``None`` when the case record cannot tell.
    """

    model_config = ConfigDict(extra="forbid")

    name: str
    met: bool | None
    facts: list[str]
    overridden: bool = False


@dataclass(frozen=True)
class Evidence:
    """The answer to one causality question and the facts that decided it."""

    answer: Answer
    facts: list[str] = field(default_factory=list)


def fact(path: str, text: object) -> str:
    """A fact as shown to the assessor: ``path: text``."""
    return f"{path}: {text}"


def primary_suspect(case: Case) -> tuple[int, Product] | None:
    """The product assessed for causality: the first suspect (or interacting) product."""
    for index, product in enumerate(case.products):
        if product.role in (ProductRole.suspect, ProductRole.interacting):
            return index, product
    return None


def _for_suspect(
    derive: Callable[[Case, int, Product], Evidence],
) -> Callable[[Case], Evidence]:
    """Run ``derive`` on the primary suspect (its index and product); unknown without one."""

    @wraps(derive)
    def answer(case: Case) -> Evidence:
        found = primary_suspect(case)
        if found is None:
            return Evidence("unknown", ["products: no suspect product"])
        return derive(case, *found)

    return answer


def _onset_facts(i: int, reaction: Reaction, product: tuple[int, Product]) -> tuple[str, str]:
    """Whether one reaction followed exposure: ("after" | "before" | "unknown", fact)."""
    p_index, suspect = product
    here = f"reactions.{i}"
    if reaction.at_rechallenge and suspect.rechallenge and suspect.rechallenge.done:
        return "after", fact(f"{here}.at_rechallenge", "appeared after re-administration")
    if reaction.onset_latency is not None:
        return "after", fact(f"{here}.onset_latency", f"{reaction.onset_latency} after exposure")
    start = suspect.start_date
    if reaction.onset_date is not None and start is not None:
        onset = reaction.onset_date
        where = f"{here}.onset_date {onset} vs products.{p_index}.start_date {start}"
        if onset.certainly_before(start):
            return "before", f"{where}: onset before exposure"
        if onset.earliest() >= start.latest():
            return "after", f"{where}: onset on or after exposure"
        return "unknown", f"{where}: dates too partial to order"
    text = reaction.onset_text
    if text and _AFTER.search(text) and not _BEFORE.search(text):
        return "after", fact(f"{here}.onset_text", repr(text))
    return "unknown", fact(here, "no onset date, latency or wording recorded")


@_for_suspect
def temporal(case: Case, index: int, product: Product) -> Evidence:
    """Did a reaction appear after the suspect product was given (Naranjo 2; WHO-UMC time)?

    ``yes`` when at least one reaction is recorded as following exposure (a
    latency, an onset date not before the start date, a recurrence at
    rechallenge, or onset wording with "after"); ``no`` when every reaction
    with a dated onset began certainly before exposure and none followed it.
    """
    results = [_onset_facts(i, r, (index, product)) for i, r in enumerate(case.reactions)]
    kinds = {kind for kind, _ in results}
    facts = [text for _, text in results]
    if "after" in kinds:
        return Evidence("yes", [text for kind, text in results if kind == "after"])
    if "before" in kinds:
        return Evidence("no", facts)
    return Evidence("unknown", facts)


def _outcome_evidence(case: Case, lead: str) -> Evidence:
    """Improvement judged from the reactions' outcomes, after ``lead`` (the intervention)."""
    outcomes = [(i, r.outcome) for i, r in enumerate(case.reactions) if r.outcome is not None]
    known = [(i, o) for i, o in outcomes if o not in (Outcome.unknown, Outcome.fatal)]
    facts = [lead] + [fact(f"reactions.{i}.outcome", o.value) for i, o in outcomes]
    if any(o in IMPROVED_OUTCOMES for _, o in known):
        return Evidence("yes", facts)
    if known and all(o == Outcome.not_recovered for _, o in known):
        return Evidence("no", facts)
    return Evidence("unknown", facts)


def _antagonist(case: Case, product: Product) -> tuple[int, str] | None:
    names = SPECIFIC_ANTAGONISTS.get(product.category, ())
    for i, treatment in enumerate(case.treatments):
        if any(name in treatment.drug.lower() for name in names):
            return i, treatment.drug
    return None


@_for_suspect
def dechallenge(case: Case, index: int, product: Product) -> Evidence:
    """Did the reaction improve when the product was stopped or a specific antagonist given?

    In order: the recorded dechallenge result; else action taken "withdrawn"
    judged by the reactions' outcomes; else a specific antagonist
    (:data:`SPECIFIC_ANTAGONISTS`) judged by the outcomes. Improvement after a
    non-specific treatment (e.g. a corticosteroid) is shown but answers nothing.
    """
    here = f"products.{index}"
    record = product.dechallenge
    if record is not None and record.result in (
        DechallengeResult.improved,
        DechallengeResult.not_improved,
    ):
        facts = [fact(f"{here}.dechallenge.result", record.result.value)]
        if record.description:
            facts.append(fact(f"{here}.dechallenge.description", repr(record.description)))
        return Evidence("yes" if record.result == DechallengeResult.improved else "no", facts)
    if product.action_taken == ActionTaken.withdrawn:
        return _outcome_evidence(case, fact(f"{here}.action_taken", "withdrawn"))
    antagonist = _antagonist(case, product)
    if antagonist is not None:
        t_index, drug = antagonist
        lead = fact(f"treatments.{t_index}.drug", f"{drug} (specific antagonist)")
        return _outcome_evidence(case, lead)
    facts = [fact(here, "no dechallenge, withdrawal or specific antagonist recorded")]
    for i, treatment in enumerate(case.treatments):
        response = f"; response: {treatment.response}" if treatment.response else ""
        facts.append(
            fact(f"treatments.{i}.drug", f"{treatment.drug} (not a specific antagonist){response}")
        )
    return Evidence("unknown", facts)


@_for_suspect
def rechallenge(case: Case, index: int, product: Product) -> Evidence:
    """Did the reaction reappear when the product was given again (Naranjo 4)?"""
    here = f"products.{index}.rechallenge"
    record = product.rechallenge
    if record is None or record.done is None:
        return Evidence("unknown", [fact(here, "not recorded")])
    if record.done is False:
        return Evidence("unknown", [fact(f"{here}.done", "no rechallenge was done")])
    facts = [fact(f"{here}.result", record.result.value if record.result else "not recorded")]
    if record.site:
        facts.append(fact(f"{here}.site", record.site))
    if record.route:
        facts.append(fact(f"{here}.route", record.route.value))
    if record.description:
        facts.append(fact(f"{here}.description", repr(record.description)))
    recurred = [
        fact(f"reactions.{i}", f"{r.verbatim!r} at rechallenge")
        for i, r in enumerate(case.reactions)
        if r.at_rechallenge
    ]
    if record.result == RechallengeResult.recurred:
        return Evidence("yes", facts + recurred)
    if record.result == RechallengeResult.did_not_recur:
        return Evidence("no", facts)
    return Evidence("unknown", facts)


def alternatives(case: Case) -> Evidence:
    """Are there alternative causes that could on their own explain the reaction (Naranjo 5)?

    ``yes`` when the case names alternative causes or another suspect product;
    ``no`` only when the reporter states alternatives were excluded and no
    other suspect is recorded; otherwise ``unknown``, listing concomitant
    products, history and conditions for the assessor to weigh.
    """
    found = primary_suspect(case)
    primary = found[0] if found else None
    others = [
        fact(f"products.{i}", f"{p.name!r} is also {p.role.value}")
        for i, p in enumerate(case.products)
        if i != primary and p.role in (ProductRole.suspect, ProductRole.interacting)
    ]
    named = [
        fact(f"alternative_causes.{i}", repr(c)) for i, c in enumerate(case.alternative_causes)
    ]
    if named or others:
        return Evidence("yes", named + others)
    if case.alternative_causes_excluded:
        return Evidence(
            "no", [fact("alternative_causes_excluded", "reporter excluded other causes")]
        )
    context = [
        fact(f"products.{i}", f"{p.name!r} ({p.role.value})")
        for i, p in enumerate(case.products)
        if p.role == ProductRole.concomitant
    ]
    context += [
        fact(f"patient.medical_history.{i}", repr(h))
        for i, h in enumerate(case.patient.medical_history)
    ]
    context += [
        fact(f"patient.concurrent_conditions.{i}", repr(c))
        for i, c in enumerate(case.patient.concurrent_conditions)
    ]
    lead = fact("alternative_causes", "none named and none stated excluded")
    return Evidence("unknown", [lead] + context)


def objective_evidence(case: Case) -> Evidence:
    """Was the event confirmed by a histopathology or laboratory finding (Naranjo 10)?"""
    facts = [
        fact(f"findings.{i}", f"{f.kind.value}{f' ({f.test})' if f.test else ''}: {f.result}")
        for i, f in enumerate(case.findings)
        if f.kind in (FindingKind.histopathology, FindingKind.laboratory)
    ]
    if facts:
        return Evidence("yes", facts)
    return Evidence("unknown", [fact("findings", "no histopathology or laboratory finding")])


def previous_reports(case: Case) -> Evidence:
    """Are there previous conclusive reports on this reaction (Naranjo 1)?

    ``yes`` only when the case records citations (``reactions.N.previous_reports``);
    the literature in general is not searched here, so silence is ``unknown``.
    """
    facts = [
        fact(f"reactions.{i}.previous_reports.{j}", repr(citation))
        for i, r in enumerate(case.reactions)
        for j, citation in enumerate(r.previous_reports)
    ]
    if facts:
        return Evidence("yes", facts)
    return Evidence("unknown", [fact("reactions", "no previous conclusive report recorded")])
