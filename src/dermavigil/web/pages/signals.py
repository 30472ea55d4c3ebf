"""The signals dashboard: a filterable, sortable table, a forest plot of EBGM with
EB05-EB95, and for a selected pair its reports over time and time to onset."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from dermavigil.signals import runs as signal_runs
from dermavigil.signals import table as signal_table
from dermavigil.web import charts
from dermavigil.web.api.signal_records import latest_alerts
from dermavigil.web.api.signals import SignalFilter, signal_query
from dermavigil.web.deps import ActorDep, SettingsDep
from dermavigil.web.jobs import SIGNALS
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import allowed, require
from dermavigil.web.validation import validated

router = APIRouter(include_in_schema=False)

FOREST_ROWS = 30
PAIR_PREFIX = "pair_"
MEASURES = (
    "n", "expected", "prr", "prr_lower", "chi2", "ror", "ror_lower",
    "ic", "ic025", "ebgm", "eb05", "eb95",
)  # fmt: skip
FLAGS = ("signal_prr", "signal_ror", "signal_ic", "signal_ebgm")


def _with_links(request: Request, rows: list[dict[str, Any]], keys: list[str]) -> None:
    """Give each row the dashboard URL that selects it as the pair to detail."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if not k.startswith(PAIR_PREFIX)]
    for row in rows:
        pair = [(PAIR_PREFIX + k, str(row[k])) for k in keys if row.get(k) is not None]
        row["_link"] = "/signals?" + urlencode(kept + pair) + "#pair"


def _selected_pair(request: Request, keys: list[str]) -> dict[str, str]:
    params = request.query_params
    return {k: params[PAIR_PREFIX + k] for k in keys if params.get(PAIR_PREFIX + k)}


def _forest(rows: list[dict[str, Any]], keys: list[str]) -> str | None:
    usable = [
        {**r, "pair": signal_table.pair_label(r, keys)}
        for r in rows
        if isinstance(r.get("ebgm"), float) and isinstance(r.get("eb95"), float)
        and r.get("eb05") is not None and r["eb05"] > 0
    ][:FOREST_ROWS]  # fmt: skip
    return charts.to_svg(charts.forest_plot(usable)) if usable else None


def _pair_charts(settings: Any, pair: dict[str, str]) -> dict[str, Any]:
    detail = signal_table.pair_detail(settings, pair)
    label = " / ".join(pair.values())
    over_time = charts.counts_over_time(detail["per_year"], title=f"Reports per year: {label}")
    onset = detail["onset_days"]
    return {
        "label": label,
        "over_time_svg": charts.to_svg(over_time) if detail["per_year"] else None,
        "onset_svg": charts.to_svg(charts.onset_histogram(onset, title=f"Time to onset: {label}"))
        if onset
        else None,
        "onset_known": len(onset),
    }


def form_filter(request: Request) -> SignalFilter:
    """The dashboard's filter form as a :class:`SignalFilter`; empty inputs mean "any"."""
    values = {k: v for k, v in request.query_params.items() if v != ""}
    values = {k: v for k, v in values.items() if k in SignalFilter.model_fields}
    return validated(lambda: SignalFilter.model_validate(values), "signal filters")


@router.get("/signals")
def dashboard(
    request: Request,
    q: Annotated[SignalFilter, Depends(form_filter)],
    actor: ActorDep,
    settings: SettingsDep,
) -> Response:
    require(actor, "signals.read")
    table = signal_runs.load(settings, q.level)
    context: dict[str, Any] = {"actor": actor, "q": q, "table": None}
    context["can_run"] = allowed(actor.role, "import.run")
    context["alerts"] = latest_alerts(settings, q.level)
    context["can_manage"] = allowed(actor.role, "signal.manage")
    if table is not None:
        keys = signal_table.keys_of(table)
        page, total = signal_table.query(table, signal_query(q))
        rows = signal_table.jsonable_rows(page)
        pair = _selected_pair(request, keys)
        _with_links(request, rows, keys)
        context.update(
            table=table,
            keys=keys,
            rows=rows,
            total=total,
            measures=[c for c in MEASURES if c in page.column_names],
            flags=[c for c in FLAGS if c in page.column_names],
            forest_svg=_forest(rows, keys),
            pair=pair,
            pair_charts=_pair_charts(settings, pair) if pair else None,
            prior=signal_runs.load_prior(settings, q.level),
            strata=signal_runs.STRATA,
        )
    return render(request, "signals.html", context)


@router.post("/signals/run")
def run(request: Request, actor: ActorDep) -> Response:
    """Re-run detection over the store (admins) as a job; show its progress page."""
    require(actor, "import.run")
    jobs = request.app.state.jobs
    job = jobs.new_job(SIGNALS, [], actor.username)
    jobs.start(job)
    return RedirectResponse(f"/imports/{job.job_id}", status_code=303)
