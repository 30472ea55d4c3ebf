"""The duplicates pages for assessors.

- ``/duplicates``: the latest saved duplicate run (nothing is computed in the
  request), pairs side by side with the evidence of each fact, the model that
  found them, and a decision form per pair: same case (merge into the chosen
  master; the other case is retracted as its linked version, nothing deleted),
  not a duplicate (remembered: the pair never comes back), undecided;
- ``POST /duplicates/run``: a new run as a background job, followed on
  ``/duplicates/jobs/{job_id}`` (progress; the page refreshes itself, no script);
- ``POST /duplicates/decide``: records a decision and returns to the list at the same
  threshold, which confirms it (``?decided=<decision id>``);
- ``/duplicates/decisions``: every decision, newest first (``?case_id=`` for one case's
  pairs): the audit trail, as ``dermavigil duplicate history`` prints it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from dermavigil.web import duplicate_view
from dermavigil.web.api.duplicates import (
    DecisionRequest,
    decision_history,
    duplicate_job,
    one_decision,
    pair_cases,
    record_decision,
    saved_run,
    start_run,
)
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.pages.query_forms import form_dependency
from dermavigil.web.pages.render import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
"""Pairs per page: each is read side by side with both cases' report facts."""


class PageQuery(BaseModel):
    threshold: float = Field(
        default=0.0, ge=0.0, le=1.0, description="least match probability of a pair shown"
    )
    decided: int | None = Field(default=None, description="a decision just recorded, confirmed")
    page: int = Field(default=1, ge=1, description=f"pages of {PAGE_SIZE} pairs")


ThresholdDep = Annotated[PageQuery, Depends(form_dependency(PageQuery, "duplicate filters"))]


@router.get("/duplicates")
def duplicates_page(
    request: Request, query: ThresholdDep, actor: ActorDep, registry: RegistryDep
) -> Response:
    """The latest run's undecided pairs at or above the threshold, most probable first."""
    run = saved_run(registry, actor)
    shown = [p for p in run.pairs if p.match_probability >= query.threshold] if run else []
    start = (query.page - 1) * PAGE_SIZE
    pairs = shown[start : start + PAGE_SIZE]
    cases = pair_cases(registry, actor, pairs)
    views = {
        (p.case_a, p.case_b): {
            "evidence": duplicate_view.evidence(p),
            "score": duplicate_view.score(p),
            "report": duplicate_view.report_rows(cases[p.case_a].case, cases[p.case_b].case),
        }
        for p in pairs
    }
    jobs = [j for j in request.app.state.jobs.all() if j.source == "duplicates"]
    decided = None if query.decided is None else one_decision(registry, actor, query.decided)
    context = {
        "actor": actor,
        "run": run,
        "pairs": pairs,
        "views": views,
        "total": len(shown),
        "first": start + 1,
        "page": query.page,
        "last_page": max(1, -(-len(shown) // PAGE_SIZE)),
        "threshold": query.threshold,
        "decided": decided,
        "running": [j for j in jobs if j.status in ("queued", "running")],
    }
    return render(request, "duplicates.html", context)


@router.post("/duplicates/run")
def run_page(
    request: Request, actor: ActorDep, threshold: Annotated[float, Form(ge=0, le=1)] = 0.5
) -> Response:
    job = start_run(request, actor, threshold)
    return RedirectResponse(f"/duplicates/jobs/{job.job_id}", status_code=303)


@router.get("/duplicates/jobs/{job_id}")
def job_page(request: Request, job_id: str, actor: ActorDep) -> Response:
    job = duplicate_job(request, actor, job_id)
    return render(request, "duplicate_job.html", {"actor": actor, "job": job})


@router.post("/duplicates/decide")
def decide_page(
    actor: ActorDep,
    registry: RegistryDep,
    case_a: Annotated[str, Form()],
    case_b: Annotated[str, Form()],
    decision: Annotated[str, Form()],
    master: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    run_id: Annotated[int | None, Form()] = None,
    threshold: Annotated[float | None, Form(ge=0, le=1)] = None,
    page: Annotated[int, Form(ge=1)] = 1,
) -> Response:
    from dermavigil.web.validation import validated

    body = validated(
        lambda: DecisionRequest(
            case_a=case_a, case_b=case_b, decision=decision,  # type: ignore[arg-type]
            master=master or None, reason=reason or None, run_id=run_id,
        ),
        "duplicate decision",
    )  # fmt: skip
    info = record_decision(registry, actor, body)
    shown = "" if threshold is None else f"threshold={threshold:g}&"
    shown += "" if page == 1 else f"page={page}&"
    return RedirectResponse(f"/duplicates?{shown}decided={info.decision_id}", status_code=303)


@router.get("/duplicates/decisions")
def decisions_page(
    request: Request, actor: ActorDep, registry: RegistryDep, case_id: str | None = None
) -> Response:
    """The decisions' audit trail: who decided what on which pair, when and why."""
    case_id = (case_id or "").strip() or None
    rows = decision_history(registry, actor, case_id)
    context = {"actor": actor, "decisions": rows, "case_id": case_id}
    return render(request, "duplicate_decisions.html", context)
