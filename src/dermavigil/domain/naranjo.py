"""The Naranjo adverse drug reaction probability scale.

Naranjo CA, Busto U, Sellers EM, et al. A method for estimating the
probability of adverse drug reactions. Clin Pharmacol Ther 1981;30:239-45.
Ten questions, each answered yes / no / do not know, with the points of
:data:`POINTS`; the score is their sum and the band is definite (>= 9),
probable (5-8), possible (1-4) or doubtful (<= 0).

Each item is answered from case facts only (:mod:`dermavigil.domain.evidence`);
what the case cannot inform is ``unknown`` (0 points), never guessed:

1. previous conclusive reports: ``yes`` only when the case records citations
   (``reactions.N.previous_reports``), else unknown; the literature at large is
   not searched;
2. after the product: :func:`~dermavigil.domain.evidence.temporal`;
3. improved on withdrawal or a specific antagonist:
   :func:`~dermavigil.domain.evidence.dechallenge` (a corticosteroid is not one);
4. reappeared on re-administration:
   :func:`~dermavigil.domain.evidence.rechallenge` (no rechallenge is unknown);
5. alternative causes: :func:`~dermavigil.domain.evidence.alternatives`;
6. placebo challenge, 7. toxic concentration measured, 8. dose-response and
   9. a similar reaction before: the case model records none of these, so
   they are unknown unless an assessor answers them by override;
10. objective evidence: a histopathology or laboratory finding.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pydantic import BaseModel, ConfigDict, Field

from dermavigil.domain import evidence
from dermavigil.domain.case import Case
from dermavigil.domain.evidence import Answer, Evidence

QUESTIONS: dict[int, str] = {
    1: "Are there previous conclusive reports on this reaction?",
    2: "Did the adverse event appear after the suspected product was given?",
    3: "Did the reaction improve when the product was discontinued or a specific "
    "antagonist was given?",
    4: "Did the reaction reappear when the product was given again?",
    5: "Are there alternative causes that could on their own have caused the reaction?",
    6: "Did the reaction reappear when a placebo was given?",
    7: "Was the product detected in blood or other fluids in toxic concentrations?",
    8: "Was the reaction more severe with a higher dose, or less severe with a lower dose?",
    9: "Did the patient have a similar reaction to the same or similar products before?",
    10: "Was the adverse event confirmed by objective evidence (e.g. biopsy, laboratory)?",
}

POINTS: dict[int, dict[Answer, int]] = {
    1: {"yes": 1, "no": 0, "unknown": 0},
    2: {"yes": 2, "no": -1, "unknown": 0},
    3: {"yes": 1, "no": 0, "unknown": 0},
    4: {"yes": 2, "no": -1, "unknown": 0},
    5: {"yes": -1, "no": 2, "unknown": 0},
    6: {"yes": -1, "no": 1, "unknown": 0},
    7: {"yes": 1, "no": 0, "unknown": 0},
    8: {"yes": 1, "no": 0, "unknown": 0},
    9: {"yes": 1, "no": 0, "unknown": 0},
    10: {"yes": 1, "no": 0, "unknown": 0},
}
"""Points per item and answer (Naranjo et al. 1981, table 1)."""

BANDS: tuple[str, ...] = ("definite", "probable", "possible", "doubtful")


def band(score: int) -> str:
    """The probability band of a total score: >= 9 definite, 5-8 probable, 1-4 possible."""
    if score >= 9:
        return "definite"
    if score >= 5:
        return "probable"
    if score >= 1:
        return "possible"
    return "doubtful"


class NaranjoItem(BaseModel):
    """One answered question of the scale, with its points and facts."""

    model_config = ConfigDict(extra="forbid")

    number: int = Field(ge=1, le=10)
    question: str
    answer: Answer
    points: int
    facts: list[str]
    overridden: bool = False


class NaranjoResult(BaseModel):
    """The ten answers, their total and its band."""

    model_config = ConfigDict(extra="forbid")

    score: int
    band: str
    items: list[NaranjoItem]


def _not_recorded(what: str) -> Callable[[Case], Evidence]:
    def answer(_case: Case) -> Evidence:
        return Evidence("unknown", [f"the case model records no {what}; an assessor may answer"])

    return answer


_DERIVATIONS: Mapping[int, Callable[[Case], Evidence]] = {
    1: evidence.previous_reports,
    2: evidence.temporal,
    3: evidence.dechallenge,
    4: evidence.rechallenge,
    5: evidence.alternatives,
    6: _not_recorded("placebo challenge"),
    7: _not_recorded("measurement of the product in blood or other fluids"),
    8: _not_recorded("dose change and its effect"),
    9: _not_recorded("earlier reaction to the same or a similar product"),
    10: evidence.objective_evidence,
}


def item(number: int, answer: Answer, facts: list[str], *, overridden: bool = False) -> NaranjoItem:
    """An answered item with the points the scale gives that answer."""
    return NaranjoItem(
        number=number,
        question=QUESTIONS[number],
        answer=answer,
        points=POINTS[number][answer],
        facts=facts,
        overridden=overridden,
    )


def score_items(items: list[NaranjoItem]) -> NaranjoResult:
    """Total the items (ordered by number) and band the score."""
    ordered = sorted(items, key=lambda i: i.number)
    total = sum(i.points for i in ordered)
    return NaranjoResult(score=total, band=band(total), items=ordered)


def assess_naranjo(case: Case) -> NaranjoResult:
    """Answer the ten questions from the case's facts and score them."""
    items = []
    for number, derive in _DERIVATIONS.items():
        found = derive(case)
        items.append(item(number, found.answer, list(found.facts)))
    return score_items(items)
