"""Case pages: list with filters, intake form, case page (timeline, assessment, history),
edit as a new version, override and retract forms."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from dermavigil.errors import ConflictError, InputError, Problem
from dermavigil.web import casework
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.forms import flatten, row_count, unflatten
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import allowed, require
from dermavigil.web.timeline import timeline

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
OVERRIDE_TARGETS = (
    "seriousness.serious",
    "sue.serious",
    "sue.causality_level",
    "off_label_route",
    *(f"naranjo.items.{n}" for n in range(1, 11)),
    "who_umc.category",
)
ROW_GROUPS = ("products", "reactions", "findings", "treatments")


def _form_context(values: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    errors: dict[str, list[str]] = defaultdict(list)
    for p in problems:
        errors[p.location].append(p.message)
    rows = {g: row_count(values, g) for g in ROW_GROUPS}
    return {"values": values, "errors": dict(errors), "problems": problems, "rows": rows}


def _filters(request: Request) -> dict[str, Any]:
    params = request.query_params
    criteria: dict[str, Any] = {k: params.get(k) or None for k in casework.FILTER_FIELDS}
    for key in ("off_label", "serious"):
        if criteria[key] is not None:
            criteria[key] = criteria[key] == "true"
    criteria["status"] = criteria["status"] or "active"
    return criteria


@router.get("/cases")
def case_list(request: Request, actor: ActorDep, registry: RegistryDep, page: int = 1) -> Response:
    criteria = _filters(request)
    page = max(page, 1)
    result = casework.listing(registry, actor, criteria, (page - 1) * PAGE_SIZE, PAGE_SIZE)
    query = {k: request.query_params.get(k, "") for k in casework.FILTER_FIELDS}
    pages = max(1, -(-result.total // PAGE_SIZE))
    context = {"actor": actor, "result": result, "query": query, "page": page, "pages": pages}
    return render(request, "case_list.html", context)


def _intake(request: Request, context: dict[str, Any], status_code: int = 200) -> Response:
    base = {
        "heading": "New case",
        "action": "/cases/new",
        "submit_label": "Submit case",
        "expected_version": None,
    }
    return render(request, "case_form.html", {**base, **context}, status_code=status_code)


@router.get("/cases/new")
def new_case_form(request: Request, actor: ActorDep) -> Response:
    require(actor, "case.create")
    return _intake(request, {"actor": actor, **_form_context({}, [])})


@router.post("/cases/new")
async def submit_case(request: Request, actor: ActorDep, registry: RegistryDep) -> Response:
    """Validate the form; on problems show them beside the fields with the input kept."""
    form = await request.form()
    data = unflatten((k, v) for k, v in form.multi_items() if isinstance(v, str))
    try:
        stored = await run_in_threadpool(casework.create, registry, actor, data)
    except InputError as error:
        context = {"actor": actor, **_form_context(flatten(data), error.problems)}
        return _intake(request, context, status_code=422)
    return RedirectResponse(f"/cases/{stored.case_id}?saved=1", status_code=303)


@router.get("/cases/{case_id}")
def case_page(
    request: Request,
    case_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    version: int | None = None,
) -> Response:
    """Timeline, assessment with every answer and its facts, history with differences."""
    from dermavigil.exchange.formats import EXPORT_FORMATS

    stored = casework.get(registry, actor, case_id, version)
    history = casework.history(registry, actor, case_id)
    context = {
        "actor": actor,
        "stored": stored,
        "case": stored.case,
        "assessment": stored.assessment,
        "events": timeline(stored.case),
        "history": list(reversed(history)),
        "formats": EXPORT_FORMATS.values(),
        "targets": OVERRIDE_TARGETS,
        "can_assess": allowed(actor.role, "case.override"),
        "saved": request.query_params.get("saved"),
    }
    return render(request, "case_page.html", context)


def _edit_form(
    request: Request, actor: Any, case_id: str, values: dict[str, Any], version: int,
    problems: list[Problem], status_code: int = 200,
) -> Response:  # fmt: skip
    context = {
        "actor": actor,
        "heading": f"Edit {case_id} (new version after v{version})",
        "action": f"/cases/{case_id}/edit",
        "submit_label": "Save as new version",
        "expected_version": version,
        **_form_context(values, problems),
    }
    return render(request, "case_form.html", context, status_code=status_code)


@router.get("/cases/{case_id}/edit")
def edit_case_form(request: Request, case_id: str, actor: ActorDep, registry: RegistryDep):
    require(actor, "case.update")
    stored = casework.get(registry, actor, case_id)
    values = flatten(stored.case.model_dump(mode="json", exclude_none=True, exclude={"case_id"}))
    return _edit_form(request, actor, case_id, values, stored.version, [])


@router.post("/cases/{case_id}/edit")
async def edit_case(
    request: Request, case_id: str, actor: ActorDep, registry: RegistryDep
) -> Response:
    """Store the edited case as a new version; a stale form (409) is shown again with a note."""
    require(actor, "case.update")
    form = await request.form()
    expected = str(form.get("expected_version", "0"))
    version = int(expected) if expected.isdigit() else 0
    pairs = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    data = unflatten((k, v) for k, v in pairs if k != "expected_version")
    try:
        await run_in_threadpool(casework.update, registry, actor, case_id, data, version)
    except InputError as error:
        values = flatten(data)
        return _edit_form(request, actor, case_id, values, version, error.problems, 422)
    except ConflictError as error:
        problem = Problem("(case)", error.message)
        return _edit_form(request, actor, case_id, flatten(data), version, [problem], 409)
    return RedirectResponse(f"/cases/{case_id}?saved=1", status_code=303)


@router.post("/cases/{case_id}/override")
def override(
    case_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    target: Annotated[str, Form(max_length=64)],
    value: Annotated[str, Form(max_length=64)],
    reason: Annotated[str, Form(max_length=2000)],
) -> Response:
    casework.override(registry, actor, case_id, target, value, reason)
    return RedirectResponse(f"/cases/{case_id}?saved=1#assessment", status_code=303)


@router.post("/cases/{case_id}/code")
def code_terms(case_id: str, actor: ActorDep, registry: RegistryDep) -> Response:
    """Code the case's reactions and findings to the HPO (a new version)."""
    casework.code_terms(registry, actor, case_id)
    return RedirectResponse(f"/cases/{case_id}?saved=1", status_code=303)


@router.post("/cases/{case_id}/retract")
def retract(
    case_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    reason: Annotated[str, Form(max_length=2000)],
) -> Response:
    casework.retract(registry, actor, case_id, reason)
    return RedirectResponse(f"/cases/{case_id}?saved=1", status_code=303)
