"""``/api/admin/access-log``: who read which case, when, how and from where (admins only).

JSON pages of events (newest first) or, with ``format=csv``, every matching (event, case)
row as a CSV download (cells through :mod:`dermavigil.exchange.csvsafe`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from dermavigil.web.auth import Actor
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.permissions import require

router = APIRouter(prefix="/api/admin", tags=["admin"])


class AccessLogQuery(BaseModel):
    """Filters of the access log (AND); dates are UTC days, ``until`` included."""

    user: str | None = Field(default=None, max_length=64)
    case: str | None = Field(default=None, max_length=16, pattern=r"^DV-\d{6,}$")
    since: date | None = None
    until: date | None = None
    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=50, ge=1, le=500)

    def registry_query(self) -> Any:
        from dermavigil.registry.access_log import AccessQuery

        return AccessQuery.of_days(self.user, self.case, self.since, self.until)


class AccessLogExportQuery(AccessLogQuery):
    format: Literal["json", "csv"] = "json"


def search(registry: Any, actor: Actor, query: AccessLogQuery) -> tuple[int, list[Any]]:
    """One page of events (admins only); waits for the reads queued so far to be written."""
    from dermavigil.registry import access_log

    require(actor, "access_log.read")
    registry.flush_writes()
    with registry.transaction(readonly=True) as session:
        return access_log.search(session, query.registry_query(), query.offset, query.limit)


def event_json(event: Any) -> dict[str, Any]:
    return {
        "at": event.at.isoformat(),
        "user": event.username,
        "how": event.how,
        "format": event.format,
        "address": event.address,
        "filter": event.detail,
        "case_count": event.case_count,
        "cases": [{"case_id": c, "version": v} for c, v in event.cases],
    }


def csv_download(registry: Any, actor: Actor, query: AccessLogQuery) -> StreamingResponse:
    """Every matching (event, case) row as CSV, streamed (admins only)."""
    require(actor, "access_log.read")
    registry.flush_writes()

    def chunks() -> Iterator[bytes]:
        import csv
        import io

        from dermavigil.exchange.csvsafe import safe_row
        from dermavigil.registry import access_log

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(access_log.CSV_COLUMNS)
        with registry.transaction(readonly=True) as session:
            for n, row in enumerate(access_log.rows(session, query.registry_query()), 1):
                writer.writerow(safe_row(row))
                if n % 1000 == 0:
                    yield buffer.getvalue().encode()
                    buffer.seek(0)
                    buffer.truncate()
        yield buffer.getvalue().encode()

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return StreamingResponse(
        chunks(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="access-log-{stamp}.csv"'},
    )


@router.get("/access-log", response_model=None)
def get_access_log(
    query: Annotated[AccessLogExportQuery, Query()], actor: ActorDep, registry: RegistryDep
) -> Response:
    """Who read which case: events newest first (``user``, ``case``, ``since``, ``until``
    filters; ``offset``/``limit`` paging), or ``format=csv`` for every (event, case) row."""
    if query.format == "csv":
        return csv_download(registry, actor, query)
    total, events = search(registry, actor, query)
    return JSONResponse(
        {
            "items": [event_json(e) for e in events],
            "total": total,
            "offset": query.offset,
            "limit": query.limit,
        }
    )


__all__ = ["router"]
