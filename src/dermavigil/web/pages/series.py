"""The case-series page: a review article's case table of the cases matching the case-list
filters, its summary counts, a bar chart of reactions by frequency, and downloads
(``/series.csv``, ``/series.md``, ``/series.html`` with the same query)."""

from __future__ import annotations

from typing import Annotated, Any

import altair as alt
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from dermavigil.literature.series import COLUMNS
from dermavigil.web import casework, charts
from dermavigil.web.api.series import SeriesQuery, logged_series, series_file
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.pages.query_forms import form_dependency
from dermavigil.web.pages.render import render

router = APIRouter(include_in_schema=False)

CHART_REACTIONS = 25
"""Most reactions drawn in the frequency chart (the summary list shows them all)."""


def reaction_bars(counts: list[tuple[str, int]], *, width: int = 560) -> dict[str, Any]:
    """Cases per reaction term as horizontal bars, most frequent first (a Vega-Lite spec)."""
    data = [{"reaction": label, "cases": count} for label, count in counts[:CHART_REACTIONS]]
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_bar(color="#2166ac")
        .encode(
            y=alt.Y(
                "reaction:N",
                sort=[d["reaction"] for d in data],
                title=None,
                axis=alt.Axis(labelLimit=360),
            ),
            x=alt.X("cases:Q", title="Cases", axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=["reaction:N", "cases:Q"],
        )
        .properties(width=width, height=max(40, 18 * len(data)), title="Reactions by frequency")
    )
    return chart.to_dict()


QueryDep = Annotated[SeriesQuery, Depends(form_dependency(SeriesQuery, "series filters"))]


@router.get("/series")
def series_page(
    request: Request, query: QueryDep, actor: ActorDep, registry: RegistryDep
) -> Response:
    """The case table, summary counts and reaction chart of the matching cases."""
    result = logged_series(request, registry, actor, query, "series-page")
    reactions = result.series.reactions.most_common()
    form = {k: request.query_params.get(k, "") for k in casework.FILTER_FIELDS}
    context = {
        "actor": actor,
        "series": result.series,
        "truncated": result.truncated,
        "limit": query.limit,
        "columns": COLUMNS,
        "summary": result.series.summary(),
        "chart_svg": charts.to_svg(reaction_bars(reactions)) if reactions else None,
        "query": form,
        "download_query": str(request.query_params),
    }
    return render(request, "series.html", context)


def _download(fmt: str):  # type: ignore[no-untyped-def]
    def download(
        request: Request, query: QueryDep, actor: ActorDep, registry: RegistryDep
    ) -> Response:
        result = logged_series(request, registry, actor, query, f"series-{fmt}")
        return series_file(result.series, fmt)

    download.__name__ = f"series_{fmt}"
    download.__doc__ = f"The case series as a {fmt.upper()} file."
    return download


for _fmt in ("csv", "md", "html"):
    router.add_api_route(f"/series.{_fmt}", _download(_fmt), methods=["GET"])
