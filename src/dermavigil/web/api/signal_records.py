"""``/api/signal-records``: managed signals (GVP IX) and ``/api/signal-alerts``: new signals.

Assessors and admins read and decide; every change is a new version with who, when and
why (:class:`~dermavigil.registry.signal_records.SignalRecordService`). The same
functions serve the ``/signal-records`` pages.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from dermavigil.domain.signal import SignalRecord
from dermavigil.errors import InputError
from dermavigil.registry.signal_records import (
    SignalRecordService,
    SignalSummary,
    SignalVersionInfo,
    StoredSignal,
)
from dermavigil.settings import Settings
from dermavigil.web.auth import Actor
from dermavigil.web.deps import ActorDep, RegistryDep, SettingsDep
from dermavigil.web.permissions import require

router = APIRouter(prefix="/api/signal-records", tags=["signal records"])
alerts_router = APIRouter(prefix="/api/signal-alerts", tags=["signal records"])


class SignalCreate(BaseModel):
    """A new signal; with ``attach`` the pair's disproportionality over time is attached."""

    title: str = Field(min_length=3, max_length=300)
    pair: dict[str, str] = Field(default_factory=dict)
    description: str = Field(default="", max_length=10000)
    source: Literal["disproportionality", "case_series", "literature", "manual"] = "manual"
    assessor: str | None = Field(default=None, max_length=64)
    reason: str = Field(default="", max_length=2000)
    attach: bool = True


class SignalChange(BaseModel):
    """Fields to change (see ``registry.signal_records.EDITABLE``) and why."""

    changes: dict[str, Any]
    reason: str = Field(default="", max_length=2000)
    expected_version: int | None = None


class SignalMove(BaseModel):
    """A status change: where to, why, the outcome when closing, a due date."""

    status: str = Field(max_length=32)
    reason: str = Field(max_length=2000)
    outcome: str | None = Field(default=None, max_length=32)
    due_on: date | None = None
    expected_version: int | None = None


class SignalDetail(BaseModel):
    signal: StoredSignal
    history: list[SignalVersionInfo]


def create_signal(
    registry: Any, settings: Settings, actor: Actor, body: SignalCreate
) -> StoredSignal:
    """Create a signal record (attaching the pair's figures when asked and available)."""
    require(actor, "signal.manage")
    figures = []
    if body.attach and body.pair:
        from dermavigil.signals.evidence import pair_trend

        try:
            figures = [pair_trend(settings.store_dir, body.pair, "quarter", settings.engine)[0]]
        except InputError:
            figures = []  # nothing in the store for this pair (yet): a record without figures
    record = SignalRecord(
        title=body.title,
        pair=body.pair,
        description=body.description,
        source=body.source,
        assessor=body.assessor,
        detected_on=date.today(),
        disproportionality=figures,
    )
    with registry.transaction() as session:
        return SignalRecordService(session).create(record, by=actor.username, reason=body.reason)


def signal_detail(registry: Any, actor: Actor, signal_id: str) -> SignalDetail:
    require(actor, "signal.manage")
    with registry.transaction(readonly=True) as session:
        service = SignalRecordService(session)
        return SignalDetail(signal=service.get(signal_id), history=service.history(signal_id))


def change_signal(registry: Any, actor: Actor, signal_id: str, body: SignalChange) -> StoredSignal:
    require(actor, "signal.manage")
    with registry.transaction() as session:
        return SignalRecordService(session).update(
            signal_id, body.changes, actor.username, body.reason, body.expected_version
        )


def move_signal(registry: Any, actor: Actor, signal_id: str, body: SignalMove) -> StoredSignal:
    require(actor, "signal.manage")
    with registry.transaction() as session:
        return SignalRecordService(session).move(
            signal_id,
            body.status,
            actor.username,
            body.reason,
            body.outcome,
            body.due_on,
            body.expected_version,
        )


@router.get("")
def list_signals(
    actor: ActorDep,
    registry: RegistryDep,
    status: Annotated[str | None, Query(max_length=32)] = None,
    assessor: Annotated[str | None, Query(max_length=64)] = None,
) -> list[SignalSummary]:
    """Signal records, newest first; ``overdue`` when the due date has passed."""
    require(actor, "signal.manage")
    with registry.transaction(readonly=True) as session:
        return SignalRecordService(session).list(status, assessor)


@router.post("", status_code=201)
def post_signal(
    body: SignalCreate, actor: ActorDep, registry: RegistryDep, settings: SettingsDep
) -> StoredSignal:
    """Create a signal record (status new, validation due in 30 days)."""
    return create_signal(registry, settings, actor, body)


@router.get("/{signal_id}")
def get_signal(signal_id: str, actor: ActorDep, registry: RegistryDep) -> SignalDetail:
    """The current version and the whole history with what changed."""
    return signal_detail(registry, actor, signal_id)


@router.patch("/{signal_id}")
def patch_signal(
    signal_id: str, body: SignalChange, actor: ActorDep, registry: RegistryDep
) -> StoredSignal:
    """Change fields (a new version)."""
    return change_signal(registry, actor, signal_id, body)


@router.post("/{signal_id}/status")
def post_status(
    signal_id: str, body: SignalMove, actor: ActorDep, registry: RegistryDep
) -> StoredSignal:
    """Move the signal to its next status (GVP IX sequence)."""
    return move_signal(registry, actor, signal_id, body)


@router.get(
    "/{signal_id}/report.{fmt}",
    responses={200: {"content": {"text/html": {}, "application/pdf": {}}}},
)
def get_report(
    signal_id: str,
    fmt: Literal["html", "pdf"],
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
) -> Response:
    """The signal assessment report as a file to keep (HTML or PDF)."""
    from dermavigil.signals.report import gather, to_html, to_pdf

    require(actor, "signal.manage")
    inputs = gather(registry, settings.store_dir, signal_id, settings.engine)
    name = f"{signal_id}-assessment-report.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if fmt == "html":
        return Response(to_html(inputs), media_type="text/html; charset=utf-8", headers=headers)
    return Response(to_pdf(inputs), media_type="application/pdf", headers=headers)


def latest_alerts(settings: Settings, level: str) -> dict[str, Any]:
    from dermavigil.signals import history
    from dermavigil.signals.runs import signals_path

    folder = signals_path(settings, level).parent
    entry, alerts = history.latest_alerts(folder, level)
    runs = history.entries(folder, level)
    return {
        "run": entry.to_dict() if entry else None,
        "baseline": len(runs) == 1,
        "alerts": alerts,
    }


@alerts_router.get("")
def get_alerts(
    actor: ActorDep,
    settings: SettingsDep,
    level: Annotated[Literal["product", "route"], Query()] = "product",
) -> dict[str, Any]:
    """Pairs the latest stored signal run newly flagged, compared with the run before."""
    require(actor, "signals.read")
    return latest_alerts(settings, level)


__all__ = ["alerts_router", "router"]
