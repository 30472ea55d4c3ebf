"""The WHO-UMC causality categories (Uppsala Monitoring Centre).

"The use of the WHO-UMC system for standardised case causality assessment"
(UMC, 2018). Each category is a list of points, and *all points of a category
must hold* for it to apply. Every point is answered from the shared case
evidence (:mod:`dermavigil.domain.evidence`) as met / not met / unknown, with
its facts, and shown as a criterion named ``<category>: <point>``.

Decision order: the strongest category whose points all hold, tried as
certain, probable, possible, unlikely; then

- **conditional** when the time relationship is known and some stronger
  category failed only for want of data (none of its points is contradicted,
  at least one is unknown): more data are essential;
- **unassessable** otherwise: the information is insufficient (no time
  relationship can be established) or contradictory.

How points read the evidence:

- time relationship (certain, probable, possible): the product preceded the
  reaction; unlikely's "time relationship improbable" holds when the record
  shows the reaction began before exposure;
- "cannot be explained" / "unlikely to be due to" disease or other products:
  alternatives excluded by the reporter; possible's "could also be explained"
  holds unless alternatives were excluded; unlikely's "plausible
  explanations" needs named alternatives or another suspect;
- response to withdrawal: a recorded dechallenge, withdrawal or specific
  antagonist followed by improvement; possible accepts lacking information;
- "definitive pharmacologically or phenomenologically": an objective
  (histopathology or laboratory) finding;
- "rechallenge satisfactory, if necessary": a positive rechallenge; whether one
  was necessary is the assessor's call, so no rechallenge leaves it unknown;
  probable's "rechallenge not required" fails only on a negative rechallenge.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from dermavigil.domain import evidence
from dermavigil.domain.case import Case
from dermavigil.domain.evidence import CriterionAnswer, Evidence

CATEGORIES: tuple[str, ...] = (
    "certain",
    "probable",
    "possible",
    "unlikely",
    "conditional",
    "unassessable",
)


class WhoUmcResult(BaseModel):
    """The chosen category and every point of every category tried."""

    model_config = ConfigDict(extra="forbid")

    category: str
    criteria: list[CriterionAnswer]
    overridden: bool = False


def _point(category: str, point: str, met: bool | None, found: Evidence) -> CriterionAnswer:
    return CriterionAnswer(name=f"{category}: {point}", met=met, facts=list(found.facts))


def _yes(found: Evidence) -> bool | None:
    return {"yes": True, "no": False, "unknown": None}[found.answer]


def _no(found: Evidence) -> bool | None:
    return {"yes": False, "no": True, "unknown": None}[found.answer]


def _points(case: Case) -> dict[str, list[CriterionAnswer]]:
    time = evidence.temporal(case)
    alt = evidence.alternatives(case)
    withdrawal = evidence.dechallenge(case)
    objective = evidence.objective_evidence(case)
    rechallenge = evidence.rechallenge(case)
    return {
        "certain": [
            _point("certain", "plausible time relationship", _yes(time), time),
            _point("certain", "cannot be explained by disease or other products", _no(alt), alt),
            _point("certain", "response to withdrawal plausible", _yes(withdrawal), withdrawal),
            _point(
                "certain",
                "event definitive pharmacologically or phenomenologically",
                True if objective.answer == "yes" else None,
                objective,
            ),
            _point(
                "certain", "rechallenge satisfactory, if necessary", _yes(rechallenge), rechallenge
            ),
        ],
        "probable": [
            _point("probable", "reasonable time relationship", _yes(time), time),
            _point("probable", "unlikely to be due to disease or other products", _no(alt), alt),
            _point(
                "probable",
                "response to withdrawal clinically reasonable",
                _yes(withdrawal),
                withdrawal,
            ),
            _point("probable", "rechallenge not required", rechallenge.answer != "no", rechallenge),
        ],
        "possible": [
            _point("possible", "reasonable time relationship", _yes(time), time),
            _point(
                "possible",
                "could also be explained by disease or other products",
                alt.answer != "no",
                alt,
            ),
            _point(
                "possible", "information on withdrawal may be lacking or unclear", True, withdrawal
            ),
        ],
        "unlikely": [
            _point("unlikely", "time relationship improbable (not impossible)", _no(time), time),
            _point(
                "unlikely", "disease or other products give plausible explanations", _yes(alt), alt
            ),
        ],
    }


def _wants_data(points: list[CriterionAnswer]) -> bool:
    """A category failed only for want of data: nothing contradicted, something unknown."""
    return all(p.met is not False for p in points) and any(p.met is None for p in points)


def assess_who_umc(case: Case) -> WhoUmcResult:
    """The WHO-UMC category of the primary suspect product, with every point's facts."""
    points = _points(case)
    criteria = [p for category in points.values() for p in category]
    for category, answers in points.items():
        if all(p.met for p in answers):
            return WhoUmcResult(category=category, criteria=criteria)
    time_known = evidence.temporal(case).answer != "unknown"
    pending = [p for answers in points.values() if _wants_data(answers) for p in answers]
    unknown = [p.name for p in pending if p.met is None]
    conditional = time_known and bool(pending)
    criteria.append(
        CriterionAnswer(
            name="conditional: more data are essential for a proper assessment",
            met=conditional,
            facts=[f"unknown: {name}" for name in unknown]
            or ["no stronger category waits only on missing data"],
        )
    )
    if conditional:
        return WhoUmcResult(category="conditional", criteria=criteria)
    reason = (
        "the time relationship cannot be established from the record"
        if not time_known
        else "the recorded facts contradict every stronger category"
    )
    criteria.append(
        CriterionAnswer(
            name="unassessable: information insufficient or contradictory",
            met=True,
            facts=[reason],
        )
    )
    return WhoUmcResult(category="unassessable", criteria=criteria)
