"""A managed signal: the record of what was detected and what was decided about it.

The steps follow EU Good Pharmacovigilance Practices Module IX (Signal management,
Rev 1, EMA/827661/2011): detection -> validation -> prioritisation -> assessment ->
recommendation for action, each step recorded with who decided and why.

Statuses and the moves allowed between them (:data:`TRANSITIONS`)::

    new --> validated --> prioritised --> under_assessment --> closed
      \\         \\________________________________________/ ^
       \\--> not_validated (closed at validation)               |
    closed / not_validated --> under_assessment (reopened: new evidence)

A record is closed with an outcome (:data:`OUTCOMES`): a confirmed risk, refuted,
or kept under monitoring. The validation checklist holds the elements GVP IX.B.3.1
asks an assessor to weigh before a signal is validated (number of cases, cases
with a positive de- or rechallenge, biological plausibility, previous awareness,
duplicates excluded, temporal association); prioritisation (IX.B.3.2) records the
impact on patients and public health.

Pure: no I/O. The registry stores every change as a new version.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from dermavigil.errors import InputError, Problem

STATUSES = (
    "new",
    "validated",
    "not_validated",
    "prioritised",
    "under_assessment",
    "closed",
)
Status = Literal["new", "validated", "not_validated", "prioritised", "under_assessment", "closed"]
OUTCOMES = ("confirmed_risk", "refuted", "monitoring")
Outcome = Literal["confirmed_risk", "refuted", "monitoring"]
PRIORITIES = ("high", "medium", "low")

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("validated", "not_validated"),
    "validated": ("prioritised", "closed"),
    "not_validated": ("under_assessment",),
    "prioritised": ("under_assessment", "closed"),
    "under_assessment": ("closed",),
    "closed": ("under_assessment",),
}

STATUS_LABELS = {
    "new": "New (detected)",
    "validated": "Validated",
    "not_validated": "Not validated (closed)",
    "prioritised": "Prioritised",
    "under_assessment": "Under assessment",
    "closed": "Closed",
}
OUTCOME_LABELS = {
    "confirmed_risk": "Confirmed risk",
    "refuted": "Refuted",
    "monitoring": "Kept under monitoring",
}

CHECKLIST: dict[str, str] = {
    "number_of_cases": "Number of cases, after excluding duplicates",
    "positive_dechallenge_rechallenge": "Cases with a positive dechallenge or rechallenge",
    "biological_plausibility": "Biological plausibility (mechanism, class effect)",
    "previous_awareness": "Previous awareness (labelled, already known or assessed)",
    "duplicates_excluded": "Duplicates excluded from the case count",
    "temporal_association": "Temporal association (time to onset consistent)",
}
"""The validation elements of GVP IX.B.3.1, in the order an assessor weighs them."""

VALIDATION_DAYS = 30
"""Days from detection to the validation decision (GVP IX.C.2: signals detected in
EudraVigilance are validated within 30 days)."""
ASSESSMENT_DAYS = 60
"""Days allowed for the assessment of a prioritised signal (GVP IX.C.3.1: 60 days for
a signal assessed by PRAC; a setting of the team otherwise)."""


class ChecklistAnswer(BaseModel):
    """One validation element: the answer (yes / no / unknown) and the assessor's note."""

    model_config = ConfigDict(extra="forbid")

    answer: Literal["yes", "no", "unknown"] = "unknown"
    note: str = Field(default="", max_length=2000)


class Disproportionality(BaseModel):
    """The figures attached to a signal when it was detected or refreshed."""

    model_config = ConfigDict(extra="forbid")

    at: str
    n: int | None = None
    prr: float | None = None
    ror_lower: float | None = None
    ic025: float | None = None
    eb05: float | None = None
    first_crossings: dict[str, str | None] = Field(default_factory=dict)
    note: str = ""


class SignalRecord(BaseModel):
    """Everything recorded about one signal; each change is a new stored version."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=3, max_length=300)
    pair: dict[str, str] = Field(default_factory=dict)
    """The dimensions the signal is about, e.g. {"product": "rv", "reaction": "intussusception"}."""
    description: str = Field(default="", max_length=10000)
    source: Literal["disproportionality", "case_series", "literature", "manual"] = "manual"
    status: Status = "new"
    outcome: Outcome | None = None
    priority: Literal["high", "medium", "low"] | None = None
    priority_rationale: str = Field(default="", max_length=4000)
    assessor: str | None = None
    detected_on: date
    due_on: date | None = None
    checklist: dict[str, ChecklistAnswer] = Field(default_factory=dict)
    cases: list[str] = Field(default_factory=list)
    literature: list[str] = Field(default_factory=list)
    disproportionality: list[Disproportionality] = Field(default_factory=list)
    recommendation: str = Field(default="", max_length=10000)

    @field_validator("checklist")
    @classmethod
    def _known_items(cls, value: dict[str, ChecklistAnswer]) -> dict[str, ChecklistAnswer]:
        unknown = sorted(set(value) - set(CHECKLIST))
        if unknown:
            raise ValueError(
                f"unknown checklist item(s) {', '.join(unknown)}; known: {', '.join(CHECKLIST)}"
            )
        return value

    @field_validator("pair")
    @classmethod
    def _lower_pair(cls, value: dict[str, str]) -> dict[str, str]:
        return {k.strip(): v.strip().casefold() for k, v in value.items() if v.strip()}


def default_due(status: str, today: date) -> date | None:
    """The due date a status sets when the assessor gives none."""
    if status == "new":
        return today + timedelta(days=VALIDATION_DAYS)
    if status in ("prioritised", "under_assessment"):
        return today + timedelta(days=ASSESSMENT_DAYS)
    return None


def transition(
    record: SignalRecord,
    to: str,
    today: date,
    outcome: str | None = None,
    due_on: date | None = None,
) -> SignalRecord:
    """The record moved to status ``to``; raises :class:`InputError` for a move GVP IX's
    sequence does not allow, a closing without outcome, or an outcome on another move."""
    if to not in STATUSES:
        raise InputError(
            f"unknown status {to!r}", [Problem("status", f"choose from {', '.join(STATUSES)}")]
        )
    allowed = TRANSITIONS[record.status]
    if to not in allowed:
        raise InputError(
            f"a signal that is {STATUS_LABELS[record.status].lower()} cannot become "
            f"{STATUS_LABELS[to].lower()}",
            [Problem("status", f"next steps: {', '.join(allowed)}")],
        )
    if to == "closed" and outcome not in OUTCOMES:
        raise InputError(
            "closing a signal needs its outcome",
            [Problem("outcome", f"choose from {', '.join(OUTCOMES)}")],
        )
    if to != "closed" and outcome is not None:
        raise InputError(
            "an outcome is given only when a signal is closed", [Problem("outcome", outcome)]
        )
    if to == "validated":
        missing = [
            k
            for k in CHECKLIST
            if record.checklist.get(k) is None or record.checklist[k].answer == "unknown"
        ]
        if missing:
            raise InputError(
                "answer the validation checklist before validating",
                [Problem(f"checklist.{k}", CHECKLIST[k]) for k in missing],
            )
    if to == "prioritised" and record.priority is None:
        raise InputError(
            "set the priority (high, medium, low) and its rationale before prioritising",
            [Problem("priority", "missing")],
        )
    if to == "under_assessment" and record.status in ("closed", "not_validated"):
        outcome_after = None
    else:
        outcome_after = record.outcome
    final_outcome = outcome if to == "closed" else outcome_after
    if to == "not_validated":
        final_outcome = "refuted"
    return record.model_copy(
        update={
            "status": to,
            "outcome": final_outcome,
            "due_on": due_on or default_due(to, today),
        }
    )
