"""Seriousness: ICH E2A criteria and the EU cosmetics "serious undesirable effect".

ICH E2A (1994), section III.B: a reaction is serious when it results in death,
is life-threatening, requires or prolongs hospitalisation, results in
persistent or significant disability or incapacity, is a congenital anomaly
or birth defect, or is another medically important condition.

EU Regulation (EC) 1223/2009 Art. 2(1)(p): a *serious undesirable effect*
(SUE) of a cosmetic results in temporary or permanent functional incapacity,
disability, hospitalisation, congenital anomalies, an immediate vital risk or
death. The SUE causality level (the Commission's SUE reporting guidelines:
very likely, likely, not clearly attributable, unlikely, excluded) is never
derived: only an assessor sets it, with a reason (an override).

Each criterion is met when a recorded fact says so: the reporter's E2B
seriousness criteria on a reaction, a fatal outcome, or **permanent
disfigurement**, which is treated as significant disability: a reaction that
left scarring, atrophy or deformity, or lasting dyspigmentation where the
case records necrosis (causality.md). A criterion the record is silent on is
``None`` (not recorded); death is ``False`` when every reaction has a known,
non-fatal outcome. A case is serious when any criterion is met.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from dermavigil.domain.case import Case
from dermavigil.domain.evidence import CriterionAnswer, fact
from dermavigil.domain.vocab import Outcome, SeriousnessCriterion

SUE_CAUSALITY_LEVELS: tuple[str, ...] = (
    "very_likely",
    "likely",
    "not_clearly_attributable",
    "unlikely",
    "excluded",
)
"""Causality levels of the EU SUE reporting guidelines, strongest first."""

_SCARRING = re.compile(r"scar|keloid|atroph|disfigur|deform", re.IGNORECASE)
_DYSPIGMENTATION = re.compile(r"pigment", re.IGNORECASE)
_NECROSIS = re.compile(r"necro", re.IGNORECASE)


class SeriousnessResult(BaseModel):
    """ICH E2A seriousness: one answer per criterion."""

    model_config = ConfigDict(extra="forbid")

    serious: bool
    criteria: list[CriterionAnswer]
    overridden: bool = False


class SueResult(BaseModel):
    """EU cosmetics serious undesirable effect; causality level only by an assessor."""

    model_config = ConfigDict(extra="forbid")

    serious: bool
    criteria: list[CriterionAnswer]
    causality_level: str | None = None
    reason: str | None = None
    overridden: bool = False


def _reported(case: Case, criterion: SeriousnessCriterion) -> list[str]:
    return [
        fact(f"reactions.{i}.seriousness", f"reporter marked {criterion.value}")
        for i, r in enumerate(case.reactions)
        if criterion in r.seriousness
    ]


def _necrosis_facts(case: Case) -> list[str]:
    facts = []
    for i, reaction in enumerate(case.reactions):
        for name in ("verbatim", "evolution"):
            text = getattr(reaction, name)
            if text and _NECROSIS.search(text):
                facts.append(fact(f"reactions.{i}.{name}", repr(text)))
    for i, finding in enumerate(case.findings):
        if _NECROSIS.search(finding.result):
            facts.append(fact(f"findings.{i}.result", repr(finding.result)))
    return facts


def disfigurement(case: Case) -> list[str]:
    """Facts showing permanent disfigurement (empty when none is recorded)."""
    necrosis = _necrosis_facts(case)
    facts: list[str] = []
    scarring = False
    for i, reaction in enumerate(case.reactions):
        for j, sequela in enumerate(reaction.sequelae):
            scar = bool(_SCARRING.search(sequela))
            if scar or (_DYSPIGMENTATION.search(sequela) and necrosis):
                scarring = scarring or scar
                outcome = f" (outcome: {reaction.outcome.value})" if reaction.outcome else ""
                facts.append(fact(f"reactions.{i}.sequelae.{j}", f"{sequela!r} left{outcome}"))
    if not facts:
        return []
    lead = "permanent disfigurement, treated as significant disability"
    return [lead] + facts + ([] if scarring else necrosis)


def _death(case: Case) -> CriterionAnswer:
    facts = _reported(case, SeriousnessCriterion.death) + [
        fact(f"reactions.{i}.outcome", "fatal")
        for i, r in enumerate(case.reactions)
        if r.outcome == Outcome.fatal
    ]
    if facts:
        return CriterionAnswer(name="death", met=True, facts=facts)
    outcomes = [(i, r.outcome) for i, r in enumerate(case.reactions)]
    if all(o not in (None, Outcome.unknown) for _, o in outcomes):
        shown = [fact(f"reactions.{i}.outcome", o.value) for i, o in outcomes if o is not None]
        return CriterionAnswer(name="death", met=False, facts=shown)
    missing = [
        fact(f"reactions.{i}.outcome", "not recorded")
        for i, o in outcomes
        if o in (None, Outcome.unknown)
    ]
    return CriterionAnswer(name="death", met=None, facts=missing)


def _simple(case: Case, name: str, criterion: SeriousnessCriterion) -> CriterionAnswer:
    facts = _reported(case, criterion)
    if facts:
        return CriterionAnswer(name=name, met=True, facts=facts)
    return CriterionAnswer(
        name=name, met=None, facts=[f"reactions: {criterion.value} not recorded"]
    )


def _disability(case: Case, name: str) -> CriterionAnswer:
    facts = _reported(case, SeriousnessCriterion.disability) + disfigurement(case)
    if facts:
        return CriterionAnswer(name=name, met=True, facts=facts)
    return CriterionAnswer(
        name=name,
        met=None,
        facts=["reactions: no disability, incapacity or disfigurement recorded"],
    )


def assess_seriousness(case: Case) -> SeriousnessResult:
    """ICH E2A seriousness of the case (any reaction)."""
    criteria = [
        _death(case),
        _simple(case, "life_threatening", SeriousnessCriterion.life_threatening),
        _simple(case, "hospitalisation", SeriousnessCriterion.hospitalisation),
        _disability(case, "disability"),
        _simple(case, "congenital_anomaly", SeriousnessCriterion.congenital_anomaly),
        _simple(case, "medically_important", SeriousnessCriterion.medically_important),
    ]
    return SeriousnessResult(serious=any(c.met for c in criteria), criteria=criteria)


def assess_sue(case: Case) -> SueResult:
    """EU cosmetics SUE (Reg. 1223/2009 Art. 2(1)(p)); causality level left to the assessor.

    E2A's "disability or incapacity" marked by the reporter answers both the
    SUE's functional incapacity and its disability; disfigurement answers
    disability only.
    """
    incapacity = _simple(case, "functional_incapacity", SeriousnessCriterion.disability)
    criteria = [
        _death(case),
        _simple(case, "immediate_vital_risk", SeriousnessCriterion.life_threatening),
        _simple(case, "hospitalisation", SeriousnessCriterion.hospitalisation),
        incapacity,
        _disability(case, "disability"),
        _simple(case, "congenital_anomaly", SeriousnessCriterion.congenital_anomaly),
    ]
    return SueResult(serious=any(c.met for c in criteria), criteria=criteria)
