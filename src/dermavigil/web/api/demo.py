"""``/api/demo-status``: progress of the demo data load started by ``serve --demo``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from dermavigil.demo.full import read_status

router = APIRouter(prefix="/api", tags=["demo"])


class DemoStatusOut(BaseModel):
    loading: bool
    state: str | None = None
    current: str | None = None
    done: int = 0
    total: int = 0


@router.get("/demo-status", response_model=DemoStatusOut)
def demo_status(request: Request) -> DemoStatusOut:
    """Whether the demo data is still loading, the step running and how many are done.

    Public (the login page shows the banner too); it says nothing but step names."""
    doc = read_status(request.app.state.settings)
    if doc is None:
        return DemoStatusOut(loading=False)
    return DemoStatusOut(
        loading=doc["loading"],
        state=doc.get("state"),
        current=doc.get("current"),
        done=int(doc.get("done", 0)),
        total=int(doc.get("total", 0)),
    )
