"""``/api/signals``: query the latest signal table, a pair's detail, and re-run detection."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from dermavigil.errors import InputError, NotFoundError, Problem
from dermavigil.signals import runs as signal_runs
from dermavigil.signals import table as signal_table
from dermavigil.web.api.imports import job_json
from dermavigil.web.deps import ActorDep, SettingsDep
from dermavigil.web.jobs import SIGNALS
from dermavigil.web.permissions import require

router = APIRouter(prefix="/api/signals", tags=["signals"])


class SignalFilter(BaseModel):
    """Key substrings (case-insensitive), measure thresholds, a method's flag, order, page."""

    level: Literal["product", "route", "category"] = Field(
        default="product",
        description="the run by product, by product x route used, or by product category",
    )
    product: str | None = Field(default=None, max_length=200)
    category: str | None = Field(default=None, max_length=64)
    route: str | None = Field(default=None, max_length=64)
    reaction: str | None = Field(default=None, max_length=200)
    signal: Literal["prr", "ror", "ic", "ebgm"] | None = Field(
        default=None, description="keep only pairs flagged by this method's criterion"
    )
    min_n: float | None = Field(default=None, ge=0)
    min_prr: float | None = Field(default=None, ge=0)
    min_ror_lower: float | None = Field(default=None, ge=0)
    min_ic025: float | None = None
    min_eb05: float | None = Field(default=None, ge=0)
    min_ebgm: float | None = Field(default=None, ge=0)
    sort: str | None = Field(default=None, max_length=32, description="a column name")
    descending: bool = True
    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=100, ge=1, le=1000)


class PairQuery(BaseModel):
    """One drug-event pair by its key values."""

    product: str | None = Field(default=None, max_length=200)
    category: str | None = Field(default=None, max_length=64)
    route: str | None = Field(default=None, max_length=64)
    reaction: str | None = Field(default=None, max_length=200)


def latest(settings: Any, level: str) -> Any:
    table = signal_runs.load(settings, level)
    if table is None:
        raise NotFoundError("no signal run yet: import data, then run signal detection")
    return table


def signal_query(q: SignalFilter) -> signal_table.SignalQuery:
    return signal_table.SignalQuery(**q.model_dump(exclude={"level"}))


@router.get("")
def query_signals(
    q: Annotated[SignalFilter, Query()], actor: ActorDep, settings: SettingsDep
) -> dict[str, Any]:
    """Pairs of the latest run; ``null`` marks an undefined measure, ``"inf"`` an unbounded one."""
    require(actor, "signals.read")
    table = latest(settings, q.level)
    page, total = signal_table.query(table, signal_query(q))
    return {
        "keys": signal_table.keys_of(table),
        "total": total,
        "offset": q.offset,
        "limit": q.limit,
        "items": signal_table.jsonable_rows(page),
        "prior": signal_runs.load_prior(settings, q.level),
    }


@router.get("/pair")
def pair_detail(
    q: Annotated[PairQuery, Query()], actor: ActorDep, settings: SettingsDep
) -> dict[str, Any]:
    """Reports per year and times to onset (days) of one pair, from the analytic store."""
    require(actor, "signals.read")
    pair = {k: v for k, v in q.model_dump().items() if v}
    if not pair:
        raise InputError("name a pair", [Problem("product", "give the pair's key values")])
    return signal_table.pair_detail(settings, pair)


@router.post("/run", status_code=202)
def run_detection(request: Request, actor: ActorDep) -> dict[str, Any]:
    """Re-run signal detection over the whole store (admins), as a job followed at
    ``GET /api/imports/{job_id}``."""
    require(actor, "import.run")
    jobs = request.app.state.jobs
    job = jobs.new_job(SIGNALS, [], actor.username)
    jobs.start(job)
    return job_json(job)
