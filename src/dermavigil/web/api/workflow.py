"""Case workflow over the API: move a case (status, assignee, expectedness), comments,
an assessor's inbox and the overdue board."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, Field

from dermavigil.web import workflow
from dermavigil.web.api.cases import CaseId, _stored
from dermavigil.web.deps import ActorDep, RegistryDep, SettingsDep

router = APIRouter(prefix="/api", tags=["workflow"])


class WorkflowChange(BaseModel):
    """What to change; a field left out stays as it is, ``""`` clears assignee/expectedness."""

    status: Literal["received", "in_review", "assessed", "closed"] | None = Field(
        default=None, description="the next status (received -> in_review -> assessed -> closed)"
    )
    assignee: str | None = Field(default=None, max_length=64, description="an assessor")
    expectedness: Literal["expected", "unexpected", ""] | None = None
    reason: str | None = Field(default=None, max_length=2000)


class CommentIn(BaseModel):
    text: str = Field(min_length=1, max_length=4000)


@router.post("/cases/{case_id}/workflow")
def move_case(
    case_id: CaseId, body: WorkflowChange, actor: ActorDep, registry: RegistryDep
) -> Response:
    """Move, assign or judge expectedness (assessors): a new version with an audit row."""
    return _stored(
        workflow.move(
            registry,
            actor,
            case_id,
            status=body.status,
            assignee=body.assignee,
            expectedness=body.expectedness,
            reason=body.reason,
        )  # fmt: skip
    )


@router.get("/cases/{case_id}/comments")
def list_comments(case_id: CaseId, actor: ActorDep, registry: RegistryDep) -> list[Any]:
    return jsonable_encoder(workflow.comments(registry, actor, case_id))


@router.post("/cases/{case_id}/comments", status_code=201)
def add_comment(
    case_id: CaseId, body: CommentIn, actor: ActorDep, registry: RegistryDep
) -> dict[str, Any]:
    return jsonable_encoder(workflow.comment(registry, actor, case_id, body.text))


@router.get("/inbox")
def inbox(
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    assignee: Annotated[str | None, Query(max_length=64)] = None,
) -> list[Any]:
    """Open cases of an assessor (you by default), most urgent first, with their clocks."""
    return jsonable_encoder(workflow.inbox(registry, actor, settings, assignee))


@router.get("/workflow/board")
def board(actor: ActorDep, registry: RegistryDep, settings: SettingsDep) -> dict[str, Any]:
    """Overdue and due-soon cases (clock running), unassigned ones, counts."""
    data = workflow.board(registry, actor, settings)
    rule = data.pop("rule")
    data["rule"] = {
        "serious_unexpected_days": rule.serious_unexpected_days,
        "other_days": rule.other_days,
    }
    return jsonable_encoder(data)
