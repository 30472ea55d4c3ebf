"""``/api/series``: the case-series table of the cases matching the case-list filters.

The table and its summary counts are built by
:func:`dermavigil.literature.series.build_series` (a review article's case
table: citation, product, route, onset, lesions, histology, treatment, outcome;
reactions by frequency, onset distribution, outcomes) over the current
versions of the matching cases, read in one read-only transaction. Reporters
get the series of the cases they submitted (:func:`casework.make_filter`).
The same functions serve the ``/series`` page and its downloads.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import Field

from dermavigil.literature.series import COLUMNS, Series, build_series
from dermavigil.web import casework
from dermavigil.web.access import filter_text, record_read
from dermavigil.web.api.cases import CaseFilterQuery
from dermavigil.web.auth import Actor
from dermavigil.web.deps import ActorDep, RegistryDep

router = APIRouter(prefix="/api/series", tags=["series"])

FILE_STEM = "case-series"


class SeriesQuery(CaseFilterQuery):
    """The case-list filters; ``offset`` and ``limit`` bound the cases tabulated (by case id)."""

    offset: int = Field(default=0, ge=0, le=10**9, description="cases skipped, by case id")
    limit: int = Field(default=500, ge=1, le=5000, description="most cases in the series")


class SeriesExportQuery(SeriesQuery):
    format: Literal["json", "csv", "md", "html"] = "json"


@dataclass(frozen=True)
class SeriesResult:
    """A series and whether more cases matched than were tabulated."""

    series: Series
    truncated: bool
    cases: tuple[tuple[str, int | None], ...] = ()
    """The (case id, version) of each case tabulated, for the access log."""


def load_series(registry: Any, actor: Actor, query: SeriesQuery) -> SeriesResult:
    """The series of the current versions of the cases matching ``query``, by case id."""
    from dermavigil.registry import CaseService

    case_filter = casework.make_filter(actor, query.model_dump())
    with registry.transaction(readonly=True) as session:
        matching = CaseService(session).all_current(case_filter)
        stored = list(islice(matching, query.offset, query.offset + query.limit + 1))
    kept = stored[: query.limit]
    return SeriesResult(
        build_series(s.case for s in kept),
        truncated=len(stored) > len(kept),
        cases=tuple((s.case_id, s.version) for s in kept),
    )


def logged_series(
    request: Request, registry: Any, actor: Actor, query: SeriesQuery, fmt: str
) -> SeriesResult:
    """:func:`load_series`, its cases logged as one listing read in ``fmt``."""
    result = load_series(registry, actor, query)
    criteria = query.model_dump(exclude={"format"})
    record_read(request, actor.username, result.cases, "listing", fmt, filter_text(criteria))
    return result


def series_json(result: SeriesResult) -> dict[str, Any]:
    """The rows, columns and summary counts as JSON."""
    series = result.series
    return {
        "cases": len(series.rows),
        "patients": series.patients,
        "truncated": result.truncated,
        "columns": [{"key": key, "title": title} for key, title in COLUMNS],
        "rows": series.rows,
        "summary": {
            title: [{"label": label, "count": count} for label, count in counts]
            for title, counts in series.summary().items()
        },
    }


def _html_document(series: Series) -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>Case series</title></head><body>\n"
        f"{series.to_html()}</body></html>\n"
    )


_FILES = {
    "csv": ("text/csv; charset=utf-8", lambda s: s.to_csv()),
    "md": ("text/markdown; charset=utf-8", lambda s: s.to_markdown()),
    "html": ("text/html; charset=utf-8", _html_document),
}


def series_file(series: Series, fmt: str) -> Response:
    """The series as a CSV, Markdown or HTML download."""
    media_type, write = _FILES[fmt]
    return Response(
        content=write(series),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{FILE_STEM}.{fmt}"'},
    )


@router.get(
    "",
    response_model=None,
    responses={200: {"content": {"text/csv": {}, "text/markdown": {}, "text/html": {}}}},
)
def get_series(
    request: Request,
    query: Annotated[SeriesExportQuery, Query()],
    actor: ActorDep,
    registry: RegistryDep,
) -> Response:
    """The case series of the matching cases: JSON (rows and summary counts), or a
    CSV (rows only), Markdown or HTML file (rows and summary counts)."""
    result = logged_series(request, registry, actor, query, f"series-{query.format}")
    if query.format == "json":
        return JSONResponse(series_json(result))
    return series_file(result.series, query.format)


__all__ = ["router"]
