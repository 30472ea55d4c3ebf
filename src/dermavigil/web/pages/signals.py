"""The signals dashboard: scope and stratification in force, a filter form, a table
sorted and paged on the server over the whole result (header links keep the state in
the URL), downloads of the table, a forest plot of EBGM with EB05-EB95 labelled by
product and reaction, and for a selected pair its reports over time and time to onset."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from dermavigil.domain.vocab import CATEGORY_LABELS, ProductCategory
from dermavigil.signals import runs as signal_runs
from dermavigil.signals import scope as signal_scope
from dermavigil.signals import table as signal_table
from dermavigil.web import charts
from dermavigil.web.api.signal_records import latest_alerts
from dermavigil.web.api.signals import SignalFilter, run_summary, signal_query
from dermavigil.web.deps import ActorDep, SettingsDep
from dermavigil.web.jobs import SIGNALS
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import allowed, require
from dermavigil.web.validation import validated

router = APIRouter(include_in_schema=False)

FOREST_ROWS = 30
LABEL_CHARS = 48
PAIR_PREFIX = "pair_"
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("n", "n", "reports with the product and the reaction"),
    ("expected", "E", "expected reports under independence"),
    ("prr", "PRR", "proportional reporting ratio (Evans 2001)"),
    ("chi2", "χ²", "chi-square with Yates' correction"),
    ("ror", "ROR (95% CI)", "reporting odds ratio (van Puijenbroek 2002); "
     "* = Haldane-Anscombe corrected (a zero cell)"),
    ("ic025", "IC025", "lower 95% bound of the information component (Norén 2006)"),
    ("ebgm", "EBGM", "empirical Bayes geometric mean (DuMouchel 1999)"),
    ("eb05", "EB05", "lower 5% bound of EBGM (signal at >= 2, Szarfman 2002)"),
)  # fmt: skip
"""Measure columns shown: (column, heading, what it is). Bounds sit in the cells."""
FLAGS = ("signal_prr", "signal_ror", "signal_ic", "signal_ebgm")
UNDEFINED_REASONS = {
    "prr": "no reports of the reaction without the product and none with it either (0/0)",
    "chi2": "a margin of the 2x2 table is zero",
    "ror": "a cell of the 2x2 table is zero and the correction was not applied",
    "ebgm": "no prior was fitted",
}


def _state(request: Request, **change: object) -> str:
    """The dashboard URL with the current query string, ``change`` applied."""
    params = {k: v for k, v in request.query_params.items() if not k.startswith(PAIR_PREFIX)}
    for key, value in change.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "/signals?" + urlencode(params)


def _with_links(request: Request, rows: list[dict[str, Any]], keys: list[str]) -> None:
    """Give each row the dashboard URL that selects it as the pair to detail."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if not k.startswith(PAIR_PREFIX)]
    for row in rows:
        pair = [(PAIR_PREFIX + k, str(row[k])) for k in keys if row.get(k) is not None]
        row["_link"] = "/signals?" + urlencode(kept + pair) + "#pair"


def _selected_pair(request: Request, keys: list[str]) -> dict[str, str]:
    params = request.query_params
    return {k: params[PAIR_PREFIX + k] for k in keys if params.get(PAIR_PREFIX + k)}


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def forest_label(row: dict[str, Any], keys: list[str]) -> str:
    """``product · route · reaction`` (product by its shown name), each part shortened so
    that two rows never read alike because of a cut label."""
    parts = [row.get("product_name") or row.get("product"), row.get("route"), row.get("reaction")]
    if "product" not in keys:
        parts[0] = (
            CATEGORY_LABELS.get(ProductCategory(row["category"]), row["category"])
            if (row.get("category") in ProductCategory._value2member_map_)
            else row.get("category")
        )
    return " · ".join(_short(str(p), 40) for p in parts if p)


def _forest(rows: list[dict[str, Any]], keys: list[str]) -> str | None:
    usable = [
        {**r, "pair": forest_label(r, keys)}
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


def _headers(request: Request, q: SignalFilter, keys: list[str]) -> list[dict[str, Any]]:
    """Column headings, each a link that sorts the whole result on the server by it
    (descending first for measures, ascending first for names; again: the other way)."""
    heads = [{"column": k, "label": "product" if k == "product" else k, "title": k,
              "num": False} for k in keys]  # fmt: skip
    heads += [{"column": c, "label": label, "title": title, "num": True}
              for c, label, title in COLUMNS]  # fmt: skip
    for head in heads:
        first = "desc" if head["num"] else "asc"
        current = "desc" if q.is_descending else "asc"
        if q.sort == head["column"]:
            head["sorted"] = current
            order = "asc" if current == "desc" else "desc"
        else:
            order = first
        head["href"] = _state(request, sort=head["column"], order=order, page=None, offset=None)
    return heads


def _pages(request: Request, q: SignalFilter, total: int) -> dict[str, Any]:
    size = q.rows_per_page
    page = q.first_row // size + 1
    last = max(1, -(-total // size))
    link = lambda n: _state(request, page=n, size=size, offset=None, limit=None)  # noqa: E731
    return {
        "page": page,
        "last": last,
        "first_row": q.first_row + 1 if total else 0,
        "last_row": min(q.first_row + size, total),
        "prev": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if page < last else None,
        "first": link(1) if page > 1 else None,
        "end": link(last) if page < last else None,
    }


@router.get("/signals")
def dashboard(
    request: Request,
    q: Annotated[SignalFilter, Depends(form_filter)],
    actor: ActorDep,
    settings: SettingsDep,
) -> Response:
    require(actor, "signals.read")
    table = signal_runs.load(settings, q.level, q.strata)
    context: dict[str, Any] = {"actor": actor, "q": q, "table": None}
    context["can_run"] = allowed(actor.role, "import.run")
    context["alerts"] = latest_alerts(settings, q.level)
    context["can_manage"] = allowed(actor.role, "signal.manage")
    context["stratifications"] = signal_runs.STRATIFICATIONS
    context["stratification"] = signal_runs.STRATIFICATIONS[q.strata]
    context["default_strata"] = signal_runs.DEFAULT_STRATIFICATION
    context["scopes"] = signal_scope.SCOPES
    context["our_categories"] = sorted(
        CATEGORY_LABELS[ProductCategory(c)] for c in signal_scope.OUR_CATEGORIES
    )
    if table is not None:
        keys = signal_table.keys_of(table)
        page, total = signal_table.query(table, signal_query(q))
        rows = signal_table.jsonable_rows(page)
        pair = _selected_pair(request, keys)
        _with_links(request, rows, keys)
        export = urlencode(
            {k: v for k, v in request.query_params.items() if not k.startswith(PAIR_PREFIX)}
        )
        context.update(
            table=table,
            keys=keys,
            rows=rows,
            total=total,
            headers=_headers(request, q, keys),
            pages=_pages(request, q, total),
            flags=[c for c in FLAGS if c in page.column_names],
            forest_svg=_forest(rows, keys),
            pair=pair,
            pair_charts=_pair_charts(settings, pair) if pair else None,
            prior=signal_runs.load_prior(settings, q.level, q.strata),
            run=run_summary(settings, q),
            export_query=export,
            undefined_reasons=UNDEFINED_REASONS,
            category_labels={c.value: label for c, label in CATEGORY_LABELS.items()},
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
