"""Duplicate management: saved runs, and assessors' decisions on pairs.

- A run (:func:`run_and_save`) compares the current versions of the active cases,
  leaves out the pairs already decided ("same case" or "not a duplicate": the
  decision is remembered, the pair never comes back), and saves the pairs with
  the model that found them (``duplicate_runs``).
- A decision (:func:`decide`) is a new ``duplicate_decisions`` row: who, when,
  why, on which run and at which probability; earlier decisions stay, the latest
  of a pair is in force, so the table is the decisions' audit trail.
- "Same case" merges: the master case stays active and the other case gets a new
  version retracted as "merged into <master>" (its own versions, audit rows and
  history stay; nothing is deleted). The analytic store takes active cases only
  (:mod:`dermavigil.ingest.registry_export`), so a merged group counts once in
  signal runs. A merge is not undone by a later decision (a retraction is final
  in the registry); "undecided" only reopens pairs decided "not a duplicate".

Services never commit: the caller owns the transaction (DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dermavigil.duplicates.detect import DuplicatePair
from dermavigil.duplicates.parameters import DuplicateModel
from dermavigil.duplicates.service import DuplicateReport, registry_duplicates
from dermavigil.duplicates.training import Progress
from dermavigil.errors import ConflictError, InputError, NotFoundError, Problem
from dermavigil.registry import CaseService
from dermavigil.registry.tables import CaseRow, DuplicateDecisionRow, DuplicateRunRow

Decision = Literal["same", "different", "undecided"]
MERGED_PREFIX = "merged into "


class DecisionInfo(BaseModel):
    decision_id: int
    case_a: str
    case_b: str
    decision: Decision
    master: str | None = None
    decided_at: datetime
    decided_by: str
    reason: str | None = None
    run_id: int | None = None
    match_probability: float | None = None


class SupersededPair(BaseModel):
    """A pair of a saved run one of whose cases left the active cases since (merged into
    another case, or retracted): no longer offered for a decision."""

    case_a: str
    case_b: str
    match_probability: float
    why: str


class SavedRun(BaseModel):
    """A saved run, its pairs less those decided since, each with its decision if any."""

    run_id: int
    started_at: datetime
    finished_at: datetime
    run_by: str
    threshold: float
    cases: int
    pairs: list[DuplicatePair]
    undecided: list[tuple[str, str]] = Field(
        default_factory=list, description="pairs marked undecided (shown, flagged)"
    )
    model: DuplicateModel | None = None
    superseded: list[SupersededPair] = Field(
        default_factory=list, description="pairs with a case merged or retracted since the run"
    )


def _ordered(case_a: str, case_b: str) -> tuple[str, str]:
    if case_a == case_b:
        raise InputError(
            "a case is not a duplicate of itself", [Problem("case_b", "same as case_a", case_b)]
        )
    return (case_a, case_b) if case_a < case_b else (case_b, case_a)


def _info(row: DuplicateDecisionRow) -> DecisionInfo:
    return DecisionInfo.model_validate(row, from_attributes=True)


def current_decisions(session: Session) -> dict[tuple[str, str], DecisionInfo]:
    """The decision in force for each decided pair (the latest row of the pair)."""
    rows = session.scalars(
        select(DuplicateDecisionRow).order_by(DuplicateDecisionRow.decision_id)
    ).all()
    return {(row.case_a, row.case_b): _info(row) for row in rows}


def decisions_made(session: Session) -> int:
    """How many decisions were ever taken: rows are only added, so the count moves with
    every committed decision (the revision of the decisions, as the registry's revision is
    of its cases; one more decision row, nothing else, is written by :func:`decide`)."""
    return int(session.scalar(select(func.count()).select_from(DuplicateDecisionRow)) or 0)


def decision(session: Session, decision_id: int) -> DecisionInfo | None:
    """One decision by its id (None if there is none)."""
    row = session.get(DuplicateDecisionRow, decision_id)
    return None if row is None else _info(row)


def history(session: Session, case_id: str | None = None) -> list[DecisionInfo]:
    """Every decision, newest first (of pairs holding ``case_id`` if given)."""
    query = select(DuplicateDecisionRow).order_by(DuplicateDecisionRow.decision_id.desc())
    if case_id is not None:
        query = query.where(
            (DuplicateDecisionRow.case_a == case_id) | (DuplicateDecisionRow.case_b == case_id)
        )
    return [_info(row) for row in session.scalars(query).all()]


def _merged_into(
    decisions: dict[tuple[str, str], DecisionInfo], case_id: str
) -> DecisionInfo | None:
    """The merge that retracted ``case_id`` (the decision "same" whose master is the other)."""
    return next(
        (
            d
            for (a, b), d in decisions.items()
            if d.decision == "same" and case_id in (a, b) and d.master != case_id
        ),
        None,
    )


def _gone(
    session: Session, decisions: dict[tuple[str, str], DecisionInfo], case_id: str
) -> str | None:
    """Why ``case_id`` is no longer an active case (None while it is)."""
    row = session.get(CaseRow, case_id)
    if row is None or row.status == "active":
        return None
    merge = _merged_into(decisions, case_id)
    if merge is None:
        return f"{case_id} is {row.status}"
    return f"{case_id} was merged into {merge.master} (decision {merge.decision_id})"


def _check_mergeable(
    session: Session, decisions: dict[tuple[str, str], DecisionInfo], a: str, b: str
) -> None:
    """Refuse to merge a pair one of whose cases left the active cases, naming what to do."""
    for case_id, other in ((a, b), (b, a)):
        status = session.get(CaseRow, case_id).status  # type: ignore[union-attr]
        if status == "active":
            continue
        merge = _merged_into(decisions, case_id)
        if merge is None:
            raise ConflictError(f"{case_id} is {status}: it cannot be merged")
        raise ConflictError(
            f"{case_id} was merged into {merge.master} by {merge.decided_by} on "
            f"{merge.decided_at:%Y-%m-%d} (decision {merge.decision_id}): "
            f"compare {other} with {merge.master} instead"
        )


def decide(
    session: Session,
    case_a: str,
    case_b: str,
    decision: Decision,
    by: str,
    reason: str | None = None,
    master: str | None = None,
    run_id: int | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> DecisionInfo:
    """Record ``decision`` on the pair; "same" also merges (see the module docstring).
    Case ids are read as the registry writes them (``dv-1`` is not ``DV-000001``, but
    `` dv-000001 `` is)."""
    a, b = _ordered(case_a.strip().upper(), case_b.strip().upper())
    master = master.strip().upper() if master and master.strip() else None
    for case_id in (a, b):
        if session.get(CaseRow, case_id) is None:
            raise NotFoundError(f"no case {case_id}")
    if decision not in ("same", "different", "undecided"):
        raise InputError(
            "a decision is same, different or undecided",
            [Problem("decision", "unknown decision", decision)],
        )
    decisions = current_decisions(session)
    in_force = decisions.get((a, b))
    if in_force is not None and in_force.decision == "same":
        raise ConflictError(
            f"{a} and {b} were merged by {in_force.decided_by} on "
            f"{in_force.decided_at:%Y-%m-%d} (decision {in_force.decision_id}); "
            "a merge is final"
        )
    if decision == "same":
        master = master or a
        if master not in (a, b):
            raise InputError(
                "the master case must be one of the pair",
                [Problem("master", f"not {a} or {b}", master)],
            )
        _check_mergeable(session, decisions, a, b)
        other = b if master == a else a
        service = CaseService(session)
        if service.get(master).status != "active":
            raise ConflictError(f"{master} is not active: it cannot be the master case")
        why = f"{MERGED_PREFIX}{master} (same case" + (f": {reason})" if reason else ")")
        service.retract(other, by=by, reason=why)
    else:
        master = None
    probability = None
    if run_id is not None:
        run = session.get(DuplicateRunRow, run_id)
        if run is None:
            raise NotFoundError(f"no duplicate run {run_id}")
        probability = next(
            (p["match_probability"] for p in run.pairs if (p["case_a"], p["case_b"]) == (a, b)),
            None,
        )
    row = DuplicateDecisionRow(
        case_a=a,
        case_b=b,
        decision=decision,
        master=master,
        decided_at=clock(),
        decided_by=by,
        reason=reason,
        run_id=run_id,
        match_probability=probability,
    )
    session.add(row)
    session.flush()
    return _info(row)


def without_decided(
    report: DuplicateReport, decisions: dict[tuple[str, str], DecisionInfo]
) -> DuplicateReport:
    """``report`` less the pairs decided same or different."""
    kept = [
        pair
        for pair in report.pairs
        if decisions.get((pair.case_a, pair.case_b)) is None
        or decisions[(pair.case_a, pair.case_b)].decision == "undecided"
    ]
    return report.model_copy(update={"pairs": kept})


def run_and_save(
    session: Session,
    by: str,
    threshold: float = 0.5,
    progress: Progress | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> SavedRun:
    """Compare the active cases, leave out decided pairs, save the run; returns it. (The
    web job and the CLI compare in a read-only transaction and save in a short one:
    :func:`dermavigil.duplicates.background.run_shared`.)"""
    started = clock()
    report = registry_duplicates(session, threshold, progress=progress)
    return save_run(session, report, by, started, clock())


def save_run(
    session: Session, report: DuplicateReport, by: str, started: datetime, finished: datetime
) -> SavedRun:
    """Save a run's pairs less those decided by now: a decision taken while the run
    compared the cases stays in force and its pair does not come back."""
    report = without_decided(report, current_decisions(session))
    row = DuplicateRunRow(
        started_at=started,
        finished_at=finished,
        run_by=by,
        threshold=report.threshold,
        cases=report.cases,
        pairs=[pair.model_dump(mode="json") for pair in report.pairs],
        model=report.model.model_dump(mode="json") if report.model else None,
    )
    session.add(row)
    session.flush()
    return _saved(session, row)


def _saved(session: Session, row: DuplicateRunRow) -> SavedRun:
    decisions = current_decisions(session)
    pairs = [DuplicatePair.model_validate(p) for p in row.pairs]
    report = DuplicateReport(cases=row.cases, threshold=row.threshold, pairs=pairs)
    kept, superseded = [], []
    for pair in without_decided(report, decisions).pairs:
        why = _gone(session, decisions, pair.case_a) or _gone(session, decisions, pair.case_b)
        if why is None:
            kept.append(pair)
        else:
            superseded.append(
                SupersededPair(
                    case_a=pair.case_a,
                    case_b=pair.case_b,
                    match_probability=pair.match_probability,
                    why=why,
                )
            )
    return SavedRun(
        run_id=row.run_id,
        started_at=row.started_at,
        finished_at=row.finished_at,
        run_by=row.run_by,
        threshold=row.threshold,
        cases=row.cases,
        pairs=kept,
        undecided=[
            (p.case_a, p.case_b)
            for p in kept
            if (p.case_a, p.case_b) in decisions
            and decisions[(p.case_a, p.case_b)].decision == "undecided"
        ],
        model=DuplicateModel.model_validate(row.model) if row.model else None,
        superseded=superseded,
    )


def latest_run(session: Session) -> SavedRun | None:
    """The newest saved run, less the pairs decided since it ran; None before any run."""
    row = session.scalars(
        select(DuplicateRunRow).order_by(DuplicateRunRow.run_id.desc()).limit(1)
    ).first()
    return None if row is None else _saved(session, row)
