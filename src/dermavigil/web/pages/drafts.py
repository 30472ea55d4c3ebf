"""Draft review (assessors): extract a draft from a case-report text; review it with the
text and its evidence highlighted beside the editable fields; accept it as an active case.

Corrections are saved from the review page and the assessor comes back to it; "Save and
accept" saves the form's corrections (a new version when anything changed) before the
draft becomes active, so nothing typed is lost by accepting. A form with problems is shown
again as the review page (the source text and its evidence beside it) with the input kept
and each problem beside its field."""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from dermavigil.domain.rules import parse_case
from dermavigil.errors import ConflictError, InputError, Problem
from dermavigil.web import casework, drafting
from dermavigil.web.access import stored_read
from dermavigil.web.deps import ActorDep, RegistryDep
from dermavigil.web.forms import flatten, keep_codes, row_count, unflatten
from dermavigil.web.highlight import segments
from dermavigil.web.labels import field_label
from dermavigil.web.pages.cases import ROW_GROUPS, plain_problem
from dermavigil.web.pages.render import render
from dermavigil.web.permissions import require

router = APIRouter(include_in_schema=False)


_QUOTE = 90
"""Characters of an evidence passage quoted beside its field."""


def _quote(text: str, start: int, end: int) -> str:
    passage = " ".join(text[max(0, start) : max(0, end)].split())
    return passage if len(passage) <= _QUOTE else passage[: _QUOTE - 1] + "…"


def evidence_quotes(text: str, evidence: Any) -> dict[str, list[str]]:
    """Each field's evidence as the passages of ``text`` it cites, keyed by the form's
    field name (a value with a unit, ``patient.age``, is shown at its ``.value`` input)."""
    quotes: dict[str, list[str]] = {}
    for path, spans in (evidence or {}).items():
        passages = list(dict.fromkeys(_quote(text, int(s), int(e)) for s, e in spans))
        passages = [p for p in passages if p]
        if passages:
            quotes[path] = quotes[f"{path}.value"] = passages
    return quotes


def _review_context(
    values: dict[str, Any], text: str, evidence: Any, problems: list[Problem]
) -> dict[str, Any]:
    plain = [plain_problem(p) for p in problems]
    errors: dict[str, list[str]] = defaultdict(list)
    for p in plain:
        errors[p["location"]].append(p["message"])
    return {
        "segments": [
            (s.text, [field_label(f) for f in s.fields]) for s in segments(text, evidence)
        ],
        "evidence_quotes": evidence_quotes(text, evidence),
        "values": values,
        "errors": dict(errors),
        "problems": problems,
        "plain_problems": plain,
        "rows": {g: row_count(values, g) for g in ROW_GROUPS},
    }


def _case_values(case: dict[str, Any]) -> dict[str, Any]:
    return flatten({k: v for k, v in case.items() if k != "case_id"})


@router.get("/drafts")
def drafts(request: Request, actor: ActorDep, registry: RegistryDep) -> Response:
    require(actor, "draft.review")
    from dermavigil.registry.literature_log import titles_of_cases

    result = casework.listing(registry, actor, {"status": "draft"}, 0, 200)
    with registry.transaction(readonly=True) as session:
        titles = titles_of_cases(session, [c.case_id for c in result.items])
    context = {"actor": actor, "result": result, "titles": titles}
    return render(request, "drafts.html", context)


@router.post("/drafts/new")
async def extract(
    request: Request,
    actor: ActorDep,
    registry: RegistryDep,
    text: Annotated[str, Form(max_length=drafting.MAX_TEXT)],
) -> Response:
    """Store the draft and open it; an incomplete draft is shown for completion instead."""
    outcome = await run_in_threadpool(drafting.extract_and_store, registry, actor, text)
    if outcome.stored is not None:
        return RedirectResponse(f"/drafts/{outcome.stored.case_id}", status_code=303)
    return completion_page(request, actor, outcome.draft, outcome.problems)


def completion_page(
    request: Request, actor: Any, draft: Any, problems: list[Problem],
    values: dict[str, Any] | None = None, warnings: list[str] | None = None,
    screening_id: int | None = None,
) -> Response:  # fmt: skip
    """A draft that is not yet stored (incomplete, or partial: its warnings say why) shown
    for completion beside its text and evidence; submitting it stores it as a draft with
    them (``/drafts/complete``: the text and evidence ride in the form, the text base64
    encoded so that its line breaks, which a form submission would rewrite, stay exact).
    What the text states of a case with no reaction found fills a first reaction row
    (:meth:`Draft.for_completion`)."""
    draft = draft.for_completion()
    context = {
        "actor": actor,
        "stored": None,
        "warnings": draft.warnings if warnings is None else warnings,
        "heading": "Complete the extracted case",
        "action": "/drafts/complete",
        "submit_label": "Store as a draft to review",
        "expected_version": None,
        "carried": {
            "source_b64": base64.b64encode(draft.text.encode("utf-8")).decode("ascii"),
            "evidence_json": json.dumps(draft.evidence),
            "warnings_json": json.dumps(draft.warnings if warnings is None else warnings),
            **({"screening_id": str(screening_id)} if screening_id is not None else {}),
        },
        **_review_context(
            _case_values(draft.case) if values is None else values,
            draft.text, draft.evidence, problems,
        ),
    }  # fmt: skip
    return render(request, "draft_page.html", context, status_code=422 if problems else 200)


@router.post("/drafts/complete")
async def complete(request: Request, actor: ActorDep, registry: RegistryDep) -> Response:
    """Store a completed draft with the text and evidence it was extracted with; on
    problems the completion page again, input kept."""
    from dermavigil.literature.extract import Draft
    from dermavigil.web.literature_review import store_draft

    require(actor, "draft.review")
    form = await request.form()
    carried = ("source_b64", "evidence_json", "warnings_json", "screening_id", "csrf_token")
    try:
        text = base64.b64decode(str(form.get("source_b64", "")), validate=True).decode("utf-8")
        evidence = json.loads(str(form.get("evidence_json", "{}")))
        warnings = [str(w) for w in json.loads(str(form.get("warnings_json", "[]")))]
        screening_id = int(str(form["screening_id"])) if form.get("screening_id") else None
    except (ValueError, UnicodeDecodeError):
        problem = Problem("text", "extract the draft again")
        raise InputError("the form lost its source text", [problem]) from None
    pairs = [(k, v) for k, v in form.multi_items() if isinstance(v, str) and k not in carried]
    data = unflatten(pairs)
    draft = Draft(text=text, case=data, evidence=evidence, warnings=warnings)
    try:
        case = parse_case(data, record="draft")
        case_id = await run_in_threadpool(
            store_draft, registry, draft, actor.username, case, screening_id
        )
    except InputError as error:
        return completion_page(
            request, actor, draft, error.problems, flatten(data), screening_id=screening_id
        )
    except ConflictError as error:  # the record was drafted meanwhile: the page names it
        page = completion_page(
            request, actor, draft, [Problem("(case)", error.message)], flatten(data),
            screening_id=screening_id,
        )  # fmt: skip
        page.status_code = 409
        return page
    return RedirectResponse(f"/drafts/{case_id}", status_code=303)


def _review_page(
    request: Request, actor: Any, stored: Any, values: dict[str, Any] | None = None,
    problems: list[Problem] | None = None, version: int | None = None, status_code: int = 200,
) -> Response:  # fmt: skip
    """The review page of a stored draft: its text and evidence beside the form, the form
    holding ``values`` (the stored case when none) and ``problems`` beside their fields."""
    case_id = stored.case_id
    if values is None:
        values = _case_values(stored.case.model_dump(mode="json", exclude_none=True))
    context = {
        "actor": actor,
        "stored": stored,
        "warnings": [],
        "saved": request.query_params.get("saved") == "1",
        "heading": f"Review draft {case_id}",
        "action": f"/drafts/{case_id}/save",
        "submit_label": "Save corrections (new version)",
        "expected_version": version or stored.version,
        **_review_context(values, stored.source_text or "", stored.evidence, problems or []),
    }
    return render(request, "draft_page.html", context, status_code=status_code)


@router.get("/drafts/{case_id}")
def draft_page(request: Request, case_id: str, actor: ActorDep, registry: RegistryDep):
    """A draft's review page; a case accepted since it was linked opens as the case."""
    require(actor, "draft.review")
    stored = casework.get(registry, actor, case_id)
    if stored.status != "draft":  # accepted since a list linked it: the case, not a draft
        return RedirectResponse(f"/cases/{case_id}", status_code=303)
    stored_read(request, actor.username, stored, "page", "draft")
    return _review_page(request, actor, stored)


async def _save_form(
    request: Request, actor: Any, registry: Any, case_id: str
) -> tuple[Any, Response | None]:
    """Store the posted form as the draft's next version (nothing when unchanged); on
    problems, the review page again with the input kept (422, or 409 when stale)."""
    require(actor, "draft.review")
    form = await request.form()
    expected = str(form.get("expected_version", "0"))
    version = int(expected) if expected.isdigit() else 0
    pairs = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    data = unflatten((k, v) for k, v in pairs if k not in ("expected_version", "csrf_token"))
    stored = await run_in_threadpool(casework.get, registry, actor, case_id)
    data = keep_codes(stored.case.model_dump(mode="json", exclude_none=True), data)
    try:
        return await run_in_threadpool(
            casework.update, registry, actor, case_id, data, version
        ), None
    except (InputError, ConflictError) as error:
        if isinstance(error, InputError):
            problems, status = error.problems, 422
        else:
            problems, status = [Problem("(case)", error.message)], 409
        page = _review_page(request, actor, stored, flatten(data), problems, version, status)
        return None, page


@router.post("/drafts/{case_id}/save")
async def save(request: Request, case_id: str, actor: ActorDep, registry: RegistryDep):
    """Save the review form's corrections and come back to the review."""
    _, problem_page = await _save_form(request, actor, registry, case_id)
    return problem_page or RedirectResponse(f"/drafts/{case_id}?saved=1", status_code=303)


@router.post("/drafts/{case_id}/accept")
async def accept(
    request: Request, case_id: str, actor: ActorDep, registry: RegistryDep
) -> Response:
    """Accept the draft as an active case, first saving the corrections the review form
    posts with it (a bare accept, without the form's fields, accepts the draft as stored)."""
    form = await request.form()
    if "expected_version" in form:
        _, problem_page = await _save_form(request, actor, registry, case_id)
        if problem_page is not None:
            return problem_page
    await run_in_threadpool(casework.accept_draft, registry, actor, case_id)
    return RedirectResponse(f"/cases/{case_id}?saved=1", status_code=303)
