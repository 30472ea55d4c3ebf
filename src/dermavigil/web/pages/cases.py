"""Case pages: list with filters, intake form, case page (timeline, assessment, history),
edit as a new version, override and retract forms."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from dermavigil.domain.workflow import STATUS_LABELS, TRANSITIONS
from dermavigil.errors import ConflictError, InputError, Problem
from dermavigil.web import casework, labels, workflow
from dermavigil.web.access import stored_read
from dermavigil.web.api.duplicates import case_decisions
from dermavigil.web.deps import ActorDep, RegistryDep, SettingsDep
from dermavigil.web.forms import flatten, keep_codes, row_count, unflatten
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import allowed, require
from dermavigil.web.timeline import timeline

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
ROW_GROUPS = ("products", "reactions", "findings", "treatments")


PLAIN_MISSING = {
    "patient": "an identifiable patient is needed: give initials, age, age group or sex",
    "products": "name the suspect product (a valid report needs one)",
    "reactions": "describe at least one reaction, in your words",
    "report": "say where the report comes from and who reported it",
}
"""What to say when a whole part of the minimum criteria is missing (pydantic: "Field
required" at the part's location)."""


def plain_problem(problem: Problem) -> dict[str, str]:
    """A problem as the form's summary shows it: the field in words, a plain message."""
    message = problem.message
    if message == "Field required" or message.startswith("List should have at least 1 item"):
        message = PLAIN_MISSING.get(problem.location, "required")
    elif message.startswith("Input should be "):
        message = "choose or type " + message.removeprefix("Input should be ")
    label = labels.field_label(problem.location) if problem.location != "(case)" else "Case"
    return {"location": problem.location, "label": label, "message": message}


def _form_context(values: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    from dermavigil.catalogue import default_catalogue

    plain = [plain_problem(p) for p in problems]
    errors: dict[str, list[str]] = defaultdict(list)
    for p in plain:
        errors[p["location"]].append(p["message"])
    rows = {g: row_count(values, g) for g in ROW_GROUPS}
    return {
        "values": values,
        "errors": dict(errors),
        "problems": problems,
        "plain_problems": plain,
        "rows": rows,
        "catalogue_entries": sorted(default_catalogue(), key=lambda e: e.name.casefold()),
    }


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
        "draft_key": "new-case",
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


def _current_values(assessment: Any) -> dict[str, str]:
    """Each override target's current value, in words (for the override form)."""
    from dermavigil.registry.overrides import as_text, assessed_value

    out = {}
    for choice in labels.override_choices():
        value = as_text(assessed_value(assessment, choice["target"]))
        out[choice["target"]] = labels.value_label(str(value)) if value is not None else "—"
    return out


def _who_groups(assessment: Any) -> list[tuple[str, list[Any]]]:
    """WHO-UMC criteria grouped by the category they belong to (``category: criterion``)."""
    groups: dict[str, list[Any]] = {}
    for criterion in assessment.who_umc.criteria:
        category = criterion.name.split(": ", 1)[0] if ": " in criterion.name else ""
        groups.setdefault(category, []).append(criterion)
    return list(groups.items())


def _workflow_context(
    registry: Any, actor: Any, stored: Any, settings: Any, current: bool
) -> dict[str, Any]:
    """The case's workflow panel: status, the moves open to it, assignee, clock, comments."""
    can_move = allowed(actor.role, "case.workflow") and current and stored.status == "active"
    return {
        "status": stored.workflow,
        "status_label": STATUS_LABELS.get(stored.workflow, stored.workflow),
        "moves": [(s, STATUS_LABELS[s]) for s in TRANSITIONS.get(stored.workflow, ())],
        "assignee": stored.assignee,
        "expectedness": stored.expectedness,
        "clock": workflow.clock_of(stored, settings) if stored.status == "active" else None,
        "can_move": can_move,
        "can_comment": allowed(actor.role, "case.comment") and stored.status != "retracted",
        "assessors": workflow.assessors(registry) if can_move else [],
    }


def _case_context(
    request: Request,
    actor: Any,
    registry: Any,
    case_id: str,
    version: int | None,
    settings: Any,
) -> dict[str, Any]:
    """Everything the case page shows: facts, assessment, history, workflow, actions."""
    from dermavigil.exchange.formats import EXPORT_FORMATS

    stored = casework.get(registry, actor, case_id, version)
    history = casework.history(registry, actor, case_id)
    case, assessment = stored.case, stored.assessment
    overridden = {o.target: f"{o.by}: {o.reason}" for o in assessment.overrides}
    by_name = {p.name: p for p in assessment.off_label.products}
    return {
        "actor": actor,
        "stored": stored,
        "case": case,
        "assessment": assessment,
        "events": timeline(case),
        "history": list(reversed(history)),
        "formats": EXPORT_FORMATS.values(),
        "override_choices": labels.override_choices(),
        "current_values": _current_values(assessment),
        "overridden": overridden,
        "who_groups": _who_groups(assessment),
        "naranjo_overridden": sum(1 for t in overridden if t.startswith("naranjo.items.")),
        "off_label_by_index": {
            i: by_name[p.name] for i, p in enumerate(case.products) if p.name in by_name
        },
        "fact_label": lambda fact: labels.fact_label(fact, case),
        "field_label": lambda path: labels.field_label(path, case),
        "can_assess": allowed(actor.role, "case.override"),
        "saved": request.query_params.get("saved"),
        "workflow": _workflow_context(registry, actor, stored, settings, version is None),
        "comments": workflow.comments(registry, actor, case_id),
        "duplicate_decisions": case_decisions(registry, actor, case_id),
    }


@router.get("/cases/{case_id}")
def case_page(
    request: Request,
    case_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    version: int | None = None,
) -> Response:
    """Every fact grouped as an assessor reads a case, the assessment with the facts behind
    each answer, history; actions in a side panel."""
    context = _case_context(request, actor, registry, case_id, version, settings)
    stored_read(request, actor.username, context["stored"], "page", "html")
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
        "draft_key": "",
        **_form_context(values, problems),
    }
    return render(request, "case_form.html", context, status_code=status_code)


@router.get("/cases/{case_id}/edit")
def edit_case_form(request: Request, case_id: str, actor: ActorDep, registry: RegistryDep):
    require(actor, "case.update")
    stored = casework.get(registry, actor, case_id)
    stored_read(request, actor.username, stored, "page", "edit")
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
    stored = await run_in_threadpool(casework.get, registry, actor, case_id)  # for its codes
    data = keep_codes(stored.case.model_dump(mode="json", exclude_none=True), data)
    try:
        await run_in_threadpool(casework.update, registry, actor, case_id, data, version)
    except InputError as error:
        values = flatten(data)
        return _edit_form(request, actor, case_id, values, version, error.problems, 422)
    except ConflictError as error:
        problem = Problem("(case)", error.message)
        return _edit_form(request, actor, case_id, flatten(data), version, [problem], 409)
    return RedirectResponse(f"/cases/{case_id}?saved=1", status_code=303)


OVERRIDE_FIELDS = ("target", "value", "reason")


@router.post("/cases/{case_id}/override")
def override(
    request: Request,
    case_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    target: Annotated[str, Form(max_length=64)] = "",
    value: Annotated[str, Form(max_length=64)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Record an override; a missing or refused choice shows the form again beside the
    field at fault, with what was typed kept."""
    require(actor, "case.override")
    problems = [
        Problem(name, message)
        for name, given, message in (
            ("target", target, "choose the answer to override"),
            ("value", value, "choose the new value"),
            ("reason", reason.strip(), "say why: the reason is kept in the audit trail"),
        )
        if not given
    ]
    if not problems:
        try:
            casework.override(registry, actor, case_id, target, value, reason)
        except InputError as error:
            problems = error.problems or [Problem("value", error.message)]
        else:
            return RedirectResponse(f"/cases/{case_id}?saved=1#assessment", status_code=303)
    errors: dict[str, list[str]] = defaultdict(list)
    for p in problems:
        field = p.location if p.location in OVERRIDE_FIELDS else "value"
        message = p.message
        if field == "value" and target:
            allowed_values = dict(
                next((c["values"] for c in labels.override_choices() if c["target"] == target), [])
            )
            if allowed_values and p.location == "value" and value:
                message = "choose one of: " + ", ".join(allowed_values.values())
        errors[field].append(message)
    context = _case_context(request, actor, registry, case_id, None, settings)
    form = {"target": target, "value": value, "reason": reason, "errors": dict(errors)}
    context["override_form"] = form
    return render(request, "case_page.html", context, status_code=422)


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


@router.post("/cases/{case_id}/workflow")
def move_case(
    request: Request,
    case_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    status: Annotated[str, Form(max_length=16)] = "",
    assignee: Annotated[str | None, Form(max_length=64)] = None,
    expectedness: Annotated[str | None, Form(max_length=16)] = None,
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Move the case in its workflow, assign it or record its expectedness (a version);
    a refused change is shown in the panel."""
    try:
        workflow.move(
            registry, actor, case_id, status=status or None, assignee=assignee,
            expectedness=expectedness, reason=reason,
        )  # fmt: skip
    except InputError as error:
        context = _case_context(request, actor, registry, case_id, None, settings)
        context["workflow_errors"] = [p.message for p in error.problems] or [error.message]
        return render(request, "case_page.html", context, status_code=422)
    return RedirectResponse(f"/cases/{case_id}?saved=1", status_code=303)


@router.post("/cases/{case_id}/comments")
def add_comment(
    request: Request,
    case_id: str,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    text: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    try:
        workflow.comment(registry, actor, case_id, text)
    except InputError as error:
        context = _case_context(request, actor, registry, case_id, None, settings)
        context["comment_errors"] = [p.message for p in error.problems] or [error.message]
        return render(request, "case_page.html", context, status_code=422)
    return RedirectResponse(f"/cases/{case_id}#comments", status_code=303)
