"""The signal records pages: the list with the latest new-signal alerts, and one signal
with its next step, checklist, priority, links, figures over time and decisions.

Each form posts to its own route; a refused change shows the page again with the
messages beside the form and what was typed kept.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from dermavigil.domain.signal import (
    CHECKLIST,
    OUTCOME_LABELS,
    STATUS_LABELS,
    TRANSITIONS,
)
from dermavigil.errors import InputError, Problem
from dermavigil.registry.signal_records import SignalRecordService
from dermavigil.signals.trend_counts import parse_pair
from dermavigil.web.api.signal_records import (
    SignalChange,
    SignalCreate,
    SignalMove,
    change_signal,
    create_signal,
    latest_alerts,
    move_signal,
    signal_detail,
)
from dermavigil.web.deps import ActorDep, RegistryDep, SettingsDep
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import require

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=2000)]


def _list_context(actor: Any, registry: Any, settings: Any) -> dict[str, Any]:
    with registry.transaction(readonly=True) as session:
        signals = SignalRecordService(session).list()
    return {
        "actor": actor,
        "signals": signals,
        "alerts": latest_alerts(settings, "product"),
        "status_labels": STATUS_LABELS,
        "form": {},
        "errors": {},
    }


@router.get("/signal-records")
def signal_list(
    request: Request, actor: ActorDep, registry: RegistryDep, settings: SettingsDep
) -> Response:
    """Every signal record and the pairs the latest run newly flagged."""
    require(actor, "signal.manage")
    return render(request, "signal_records.html", _list_context(actor, registry, settings))


@router.post("/signal-records")
def signal_create(
    request: Request,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    title: Text = "",
    pair: Text = "",
    description: Annotated[str, Form(max_length=10000)] = "",
    source: Annotated[str, Form(max_length=32)] = "manual",
    assessor: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Record a new signal; the pair's disproportionality is attached when the store has it."""
    require(actor, "signal.manage")
    form = {
        "title": title,
        "pair": pair,
        "description": description,
        "source": source,
        "assessor": assessor,
    }
    try:
        if len(title.strip()) < 3:
            raise InputError("give the signal a title", [Problem("title", "at least 3 letters")])
        body = SignalCreate(
            title=title.strip(),
            pair=dict(parse_pair(pair)),
            description=description,
            source=source,
            assessor=assessor or None,  # type: ignore[arg-type]
        )
        stored = create_signal(registry, settings, actor, body)
    except (InputError, ValueError) as error:
        context = _list_context(actor, registry, settings)
        context["form"] = form
        context["errors"] = _errors(error)
        return render(request, "signal_records.html", context, status_code=422)
    return RedirectResponse(f"/signal-records/{stored.signal_id}?saved=1", status_code=303)


def _errors(error: Exception) -> dict[str, list[str]]:
    if isinstance(error, InputError):
        problems = error.problems or [Problem("form", error.message)]
        out: dict[str, list[str]] = {}
        for p in problems:
            out.setdefault(p.location.split(".")[0] or "form", []).append(p.message)
        if error.problems:
            out.setdefault("form", []).insert(0, error.message)
        return out
    return {"form": [str(error).splitlines()[0]]}


def _detail(
    request: Request,
    actor: Any,
    registry: Any,
    settings: Any,
    signal_id: str,
    errors: dict[str, list[str]] | None = None,
    form: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    detail = signal_detail(registry, actor, signal_id)
    record = detail.signal.record
    trend_svg, trend_note = None, ""
    if record.pair:
        from dermavigil.signals.evidence import pair_trend
        from dermavigil.signals.trend_chart import to_svg, trend_spec

        try:
            figures, series = pair_trend(
                settings.store_dir, record.pair, "quarter", settings.engine
            )
            trend_svg, trend_note = to_svg(trend_spec(series.to_pylist())), figures.note
        except InputError as error:
            trend_note = f"No trend: {error.message}"
    return render(
        request,
        "signal_record.html",
        {
            "actor": actor,
            "d": detail,
            "r": record,
            "next_steps": [(s, STATUS_LABELS[s]) for s in TRANSITIONS[record.status]],
            "status_labels": STATUS_LABELS,
            "outcomes": OUTCOME_LABELS,
            "checklist": CHECKLIST,
            "overdue": bool(
                record.due_on
                and record.due_on < date.today()
                and record.status not in ("closed", "not_validated")
            ),
            "trend_svg": trend_svg,
            "trend_note": trend_note,
            "errors": errors or {},
            "form": form or {},
            "saved": request.query_params.get("saved") == "1",
        },
        status_code=status_code,
    )


@router.get("/signal-records/{signal_id}")
def signal_page(
    request: Request,
    signal_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
) -> Response:
    return _detail(request, actor, registry, settings, signal_id)


def _apply(
    request: Request,
    actor: Any,
    registry: Any,
    settings: Any,
    signal_id: str,
    form_name: str,
    form: dict[str, Any],
    action: Any,
) -> Response:
    try:
        action()
    except (InputError, ValueError) as error:
        errors = {f"{form_name}:{k}": v for k, v in _errors(error).items()}
        return _detail(
            request, actor, registry, settings, signal_id, errors, {form_name: form}, 422
        )
    return RedirectResponse(f"/signal-records/{signal_id}?saved=1", status_code=303)


@router.post("/signal-records/{signal_id}/status")
def signal_move(
    request: Request,
    signal_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    status: Annotated[str, Form(max_length=32)] = "",
    reason: Text = "",
    outcome: Annotated[str, Form(max_length=32)] = "",
    due_on: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """Move to the chosen next status."""
    form = {"status": status, "reason": reason, "outcome": outcome, "due_on": due_on}

    def act() -> None:
        due = _iso_date(due_on)
        move_signal(
            registry,
            actor,
            signal_id,
            SignalMove(status=status, reason=reason, outcome=outcome or None, due_on=due),
        )

    return _apply(request, actor, registry, settings, signal_id, "status", form, act)


def _iso_date(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError("the due date is not a date", [Problem("due_on", "YYYY-MM-DD")]) from None


@router.post("/signal-records/{signal_id}/edit")
def signal_edit(
    request: Request,
    signal_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    priority: Annotated[str, Form(max_length=16)] = "",
    priority_rationale: Annotated[str, Form(max_length=4000)] = "",
    assessor: Annotated[str, Form(max_length=64)] = "",
    due_on: Annotated[str, Form(max_length=10)] = "",
    recommendation: Annotated[str, Form(max_length=10000)] = "",
    reason: Text = "",
) -> Response:
    """Priority, assessor, due date and recommendation."""
    form = {
        "priority": priority,
        "priority_rationale": priority_rationale,
        "assessor": assessor,
        "due_on": due_on,
        "recommendation": recommendation,
    }

    def act() -> None:
        changes: dict[str, Any] = {
            "priority": priority or None,
            "priority_rationale": priority_rationale,
            "assessor": assessor or None,
            "due_on": _iso_date(due_on),
            "recommendation": recommendation,
        }
        change_signal(registry, actor, signal_id, SignalChange(changes=changes, reason=reason))

    return _apply(request, actor, registry, settings, signal_id, "edit", form, act)


@router.post("/signal-records/{signal_id}/checklist")
async def signal_checklist(
    request: Request,
    signal_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
) -> Response:
    """The validation checklist: one answer and note per element."""
    data = await request.form()
    checklist = {
        key: {
            "answer": str(data.get(f"{key}.answer", "unknown"))[:16],
            "note": str(data.get(f"{key}.note", ""))[:2000],
        }
        for key in CHECKLIST
    }

    def act() -> None:
        change_signal(
            registry,
            actor,
            signal_id,
            SignalChange(changes={"checklist": checklist}, reason="validation checklist"),
        )

    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(
        _apply, request, actor, registry, settings, signal_id, "checklist", checklist, act
    )


@router.post("/signal-records/{signal_id}/link")
def signal_link(
    request: Request,
    signal_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    case_id: Annotated[str, Form(max_length=16)] = "",
    literature: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """Link a case of the registry and/or a publication."""
    form = {"case_id": case_id, "literature": literature}

    def act() -> None:
        current = signal_detail(registry, actor, signal_id).signal.record
        changes: dict[str, Any] = {}
        if case_id.strip():
            changes["cases"] = list(dict.fromkeys([*current.cases, case_id.strip().upper()]))
        if literature.strip():
            changes["literature"] = list(dict.fromkeys([*current.literature, literature.strip()]))
        if not changes:
            raise InputError("give a case id or a citation", [Problem("case_id", "empty")])
        change_signal(
            registry, actor, signal_id, SignalChange(changes=changes, reason="linked evidence")
        )

    return _apply(request, actor, registry, settings, signal_id, "link", form, act)
