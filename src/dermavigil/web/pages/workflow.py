"""The assessor's inbox (their open cases, most urgent first) and the overdue board."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from dermavigil.domain.workflow import STATUS_LABELS
from dermavigil.web import workflow
from dermavigil.web.deps import ActorDep, RegistryDep, SettingsDep
from dermavigil.web.pages.render import render

router = APIRouter(include_in_schema=False)


@router.get("/inbox")
def inbox_page(
    request: Request,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    assignee: str | None = None,
) -> Response:
    items = workflow.inbox(registry, actor, settings, assignee)
    context = {
        "actor": actor,
        "items": items,
        "assignee": assignee or actor.username,
        "assessors": workflow.assessors(registry),
        "labels": STATUS_LABELS,
        "rule": settings.clock_rule(),
    }
    return render(request, "inbox.html", context)


@router.get("/workflow")
def board_page(
    request: Request, actor: ActorDep, registry: RegistryDep, settings: SettingsDep
) -> Response:
    context = {"actor": actor, "labels": STATUS_LABELS, **workflow.board(registry, actor, settings)}
    return render(request, "workflow_board.html", context)
