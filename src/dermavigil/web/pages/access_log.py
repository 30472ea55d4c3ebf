"""``/admin/access-log`` (admins): who read which case, filtered by user, case and dates,
page by page, with a CSV export of the same filters."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from dermavigil.web.api.access_log import AccessLogQuery, csv_download, search
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.pages.query_forms import form_dependency
from dermavigil.web.pages.render import render

router = APIRouter(include_in_schema=False)
QueryDep = Annotated[AccessLogQuery, Depends(form_dependency(AccessLogQuery, "access log filters"))]


@router.get("/admin/access-log")
def access_log_page(
    request: Request, query: QueryDep, actor: ActorDep, registry: RegistryDep
) -> Response:
    total, events = search(registry, actor, query)
    filters = {
        k: v for k, v in query.model_dump(include={"user", "case", "since", "until"}).items() if v
    }

    def page_link(offset: int) -> str:
        return "?" + urlencode({**filters, "offset": offset, "limit": query.limit})

    context = {
        "actor": actor,
        "events": events,
        "total": total,
        "query": query,
        "previous": page_link(max(0, query.offset - query.limit)) if query.offset else None,
        "next": page_link(query.offset + query.limit)
        if query.offset + query.limit < total
        else None,
        "csv_link": "/admin/access-log.csv?" + urlencode(filters),
    }
    return render(request, "access_log.html", context)


@router.get("/admin/access-log.csv")
def access_log_csv(query: QueryDep, actor: ActorDep, registry: RegistryDep) -> Response:
    return csv_download(registry, actor, query)
