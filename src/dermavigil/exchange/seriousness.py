"""One answer to "is this case serious, and by which criteria?" for every export format.

ICH E2A seriousness (:func:`dermavigil.domain.seriousness.assess_seriousness`)
combines what the reporter marked on each reaction (E2B E.i.3.2a-f) with
what the record shows (a fatal outcome, permanent disfigurement treated as
significant disability). Every export (E2B E.i.3.2a-f, FHIR R5/R4
``AdverseEvent.seriousness``, the CIOMS-I boxes 8-12, the CSV columns) takes
its seriousness from :func:`case_seriousness`, so the six formats agree.

Given the registry's assessment (which may carry an assessor's override of
``seriousness.serious``), that assessment decides; without one, seriousness
is derived from the case. A criterion is attributed to the reactions its
facts name (``reactions.<i>....``), else to every reaction. A case an
assessor declared serious without any criterion met is sent as "other
medically important condition" (E.i.3.2f), the criterion E2A leaves to
medical judgement; a case declared non-serious carries no criterion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermavigil.domain import Case
from dermavigil.domain.assessment import Assessment
from dermavigil.domain.seriousness import SeriousnessResult, assess_seriousness
from dermavigil.domain.vocab import SeriousnessCriterion

_REACTION_FACT = re.compile(r"^reactions\.(\d+)\.")


@dataclass(frozen=True)
class CaseSeriousness:
    """Whether the case is serious and, per reaction (in case order), its criteria."""

    serious: bool
    per_reaction: tuple[frozenset[SeriousnessCriterion], ...]

    @property
    def criteria(self) -> frozenset[SeriousnessCriterion]:
        """The criteria met by any reaction."""
        return frozenset().union(*self.per_reaction)


def _attributed(result: SeriousnessResult, count: int) -> list[set[SeriousnessCriterion]]:
    per: list[set[SeriousnessCriterion]] = [set() for _ in range(count)]
    for answer in result.criteria:
        if not answer.met or answer.name not in SeriousnessCriterion.__members__:
            continue
        criterion = SeriousnessCriterion(answer.name)
        named = {int(m.group(1)) for f in answer.facts if (m := _REACTION_FACT.match(f))} & set(
            range(count)
        )
        for i in named or range(count):
            per[i].add(criterion)
    return per


def case_seriousness(case: Case, assessment: Assessment | None = None) -> CaseSeriousness:
    """The case's seriousness as the exports state it (see the module docstring)."""
    result = assessment.seriousness if assessment is not None else assess_seriousness(case)
    count = len(case.reactions)
    if not result.serious:
        return CaseSeriousness(False, tuple(frozenset() for _ in range(count)))
    per = _attributed(result, count)
    for i, reaction in enumerate(case.reactions):
        per[i].update(reaction.seriousness)
    if not any(per):
        per = [{SeriousnessCriterion.medically_important} for _ in range(count)]
    return CaseSeriousness(True, tuple(frozenset(p) for p in per))
