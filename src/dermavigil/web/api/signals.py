"""``/api/signals``: query the latest signal table (scope, stratification, filters,
server-side sort and page), download it whole, a pair's detail, and re-run detection."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
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
    """Scope, stratification, key substrings (case-insensitive), measure thresholds, a
    method's flag, and the order and page: the server sorts every matching pair, then
    cuts the page (``page``/``size``, or ``offset``/``limit``)."""

    level: Literal["product", "route", "category"] = Field(
        default="product",
        description="the run by product, by product x route used, or by product category",
    )
    scope: Literal["ours", "all"] = Field(
        default="ours",
        description="ours: our product categories and the drugs the catalogue names; all",
    )
    strata: Literal["pooled", "source", "source_year"] = Field(
        default=signal_runs.DEFAULT_STRATIFICATION,
        description="expected counts pooled over every source (the registry against the "
        "public background), stratified by source, or by source x year",
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
    order: Literal["asc", "desc"] | None = Field(
        default=None, description="sort order (default: descending)"
    )
    descending: bool = True
    page: int | None = Field(default=None, ge=1, description="page number, from 1")
    size: int | None = Field(default=None, ge=1, le=1000, description="rows per page")
    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=100, ge=1, le=1000)

    @property
    def rows_per_page(self) -> int:
        return self.size or self.limit

    @property
    def first_row(self) -> int:
        return (self.page - 1) * self.rows_per_page if self.page else self.offset

    @property
    def is_descending(self) -> bool:
        return self.order != "asc" if self.order else self.descending


class PairQuery(BaseModel):
    """One drug-event pair by its key values."""

    product: str | None = Field(default=None, max_length=200)
    category: str | None = Field(default=None, max_length=64)
    route: str | None = Field(default=None, max_length=64)
    reaction: str | None = Field(default=None, max_length=200)


def latest(settings: Any, level: str, strata: str = signal_runs.DEFAULT_STRATIFICATION) -> Any:
    table = signal_runs.load(settings, level, strata)
    if table is None:
        raise NotFoundError("no signal run yet: import data, then run signal detection")
    return table


FILTER_FIELDS = (
    "scope", "product", "category", "route", "reaction", "signal", "min_n", "min_prr",
    "min_ror_lower", "min_ic025", "min_eb05", "min_ebgm",
)  # fmt: skip


def signal_query(q: SignalFilter, every_row: bool = False) -> signal_table.SignalQuery:
    """The service query of a filter: the whole sorted result, one page of it."""
    return signal_table.SignalQuery(
        **{k: getattr(q, k) for k in FILTER_FIELDS},
        sort=q.sort,
        descending=q.is_descending,
        offset=0 if every_row else q.first_row,
        limit=2**62 if every_row else q.rows_per_page,
    )


def run_summary(settings: Any, q: SignalFilter) -> dict[str, Any]:
    """What run a table comes from: level, stratification, reports, when it was made."""
    stratification = signal_runs.STRATIFICATIONS[q.strata]
    prior = signal_runs.load_prior(settings, q.level, q.strata) or {}
    path = signal_runs.signals_path(settings, q.level, q.strata)
    made = datetime.fromtimestamp(path.stat().st_mtime, UTC) if path.is_file() else None
    return {
        "Counted by": " x ".join(signal_runs.LEVELS[q.level]),
        "Expected counts": stratification.label,
        "Reports": prior.get("n_reports", ""),
        "Run made (UTC)": made.strftime("%Y-%m-%d %H:%M:%S") if made else "",
    }


def download(settings: Any, q: SignalFilter, format: str) -> Response:
    """Every pair matching ``q`` (sorted as asked) as CSV or Excel, under a header block."""
    from dermavigil.signals import download as signal_download

    if format not in signal_download.FORMATS:
        raise InputError(
            f"cannot download the signal table as {format!r}",
            [Problem("format", f"use one of {', '.join(signal_download.FORMATS)}", format)],
        )
    matched, total = signal_table.query(latest(settings, q.level, q.strata), signal_query(q, True))
    filters = {k: getattr(q, k) for k in FILTER_FIELDS}
    filters["sort"] = (
        f"{q.sort} {'descending' if q.is_descending else 'ascending'}" if q.sort else ""
    )
    header = signal_download.header_rows(
        run_summary(settings, q), filters, datetime.now(UTC), total
    )
    media_type, suffix = signal_download.FORMATS[format]
    write = signal_download.csv_bytes if format == "csv" else signal_download.xlsx_bytes
    name = f"dermavigil-signals-{q.level}-{q.strata}{suffix}"
    return Response(
        write(header, matched),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("")
def query_signals(
    q: Annotated[SignalFilter, Query()], actor: ActorDep, settings: SettingsDep
) -> dict[str, Any]:
    """Pairs of the latest run, sorted over the whole result and paged on the server;
    ``null`` marks an undefined measure, ``"inf"`` an unbounded one. ``ror_haldane``
    marks a ROR taken with the Haldane-Anscombe correction (a zero cell)."""
    require(actor, "signals.read")
    table = latest(settings, q.level, q.strata)
    page, total = signal_table.query(table, signal_query(q))
    return {
        "keys": signal_table.keys_of(table),
        "scope": q.scope,
        "strata": q.strata,
        "stratification": signal_runs.STRATIFICATIONS[q.strata].label,
        "sort": q.sort,
        "order": "desc" if q.is_descending else "asc",
        "total": total,
        "page": q.first_row // q.rows_per_page + 1,
        "size": q.rows_per_page,
        "offset": q.first_row,
        "limit": q.rows_per_page,
        "items": signal_table.jsonable_rows(page),
        "prior": signal_runs.load_prior(settings, q.level, q.strata),
    }


@router.get("/export")
def export_signals(
    q: Annotated[SignalFilter, Query()],
    actor: ActorDep,
    settings: SettingsDep,
    format: Annotated[str, Query(max_length=8)] = "csv",
) -> Response:
    """Every pair matching the filters (page and size do not apply), sorted as asked, as
    ``csv`` or ``xlsx``, opening with a header block (run, scope and filters, count)."""
    require(actor, "signals.read")
    return download(settings, q, format)


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
