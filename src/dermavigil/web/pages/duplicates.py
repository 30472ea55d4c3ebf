"""The duplicates page for assessors: pairs of active cases that are probably one case,
each with its probability and the evidence fact by fact (level, weight, both values).

Nothing is written here: an assessor who agrees that a pair is one case opens the
later report's case page and retracts it there (a new version; nothing is deleted).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from dermavigil.web.api.duplicates import DuplicateQuery, duplicate_report
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.pages.query_forms import form_dependency
from dermavigil.web.pages.render import render

router = APIRouter(include_in_schema=False)


ThresholdDep = Annotated[
    DuplicateQuery, Depends(form_dependency(DuplicateQuery, "duplicate filters"))
]


@router.get("/duplicates")
def duplicates_page(
    request: Request, query: ThresholdDep, actor: ActorDep, registry: RegistryDep
) -> Response:
    """The pairs at or above the threshold, most probable first."""
    report = duplicate_report(registry, actor, query.threshold)
    return render(request, "duplicates.html", {"actor": actor, "report": report})
