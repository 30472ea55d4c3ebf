"""``/api/cases``: create, read, list, update (new version), history, assessment,
override, retract, accept a draft, export."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from dermavigil.domain import Case
from dermavigil.web import casework
from dermavigil.web.access import filter_text, record_read, recorded_listing, stored_read
from dermavigil.web.deps import ActorDep, CredentialsDep, RegistryDep, SettingsDep

router = APIRouter(prefix="/api/cases", tags=["cases"])

CaseId = Annotated[str, Field(pattern=r"^DV-\d{6,}$", description="e.g. DV-000001")]


class CaseUpdate(BaseModel):
    """A new version of a case; refused with 409 when ``expected_version`` is not current."""

    expected_version: int = Field(ge=1)
    case: Case


class OverrideIn(BaseModel):
    """An assessor's override of one assessment answer, with the reason for it."""

    target: str = Field(
        min_length=1, max_length=64, description="e.g. who_umc.category, naranjo.items.3"
    )
    value: str = Field(min_length=1, max_length=64)
    reason: str = Field(min_length=1, max_length=2000)


class RetractIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class CaseFilterQuery(BaseModel):
    """Filters of the case list; all optional and combined with AND."""

    category: str | None = Field(default=None, max_length=64)
    route: str | None = Field(default=None, max_length=64)
    off_label: bool | None = None
    reaction: str | None = Field(default=None, max_length=200)
    serious: bool | None = None
    who_umc: str | None = Field(default=None, max_length=32)
    naranjo_band: str | None = Field(default=None, max_length=32)
    source: str | None = Field(default=None, max_length=32)
    status: Literal["draft", "active", "retracted"] = "active"
    text: str | None = Field(default=None, max_length=200)
    workflow: Literal["received", "in_review", "assessed", "closed"] | None = None
    assignee: str | None = Field(default=None, max_length=64)
    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=50, ge=1, le=500)


def _stored(stored: Any) -> Response:
    """A stored case as JSON, encoded once (:func:`casework.stored_json_bytes`), with no
    response-model validation or ``jsonable_encoder`` pass."""
    return Response(casework.stored_json_bytes(stored), media_type="application/json")


@router.post("", status_code=201, response_class=JSONResponse)
async def create_case(case: Case, who: CredentialsDep, registry: RegistryDep) -> Response:
    """Submit a case; 422 lists every problem by field path (``products.0.route``)."""
    created = await casework.create_json_async(registry, who, case)
    return Response(created, status_code=201, media_type="application/json")


@router.get("", response_class=JSONResponse)
def list_cases(
    query: Annotated[CaseFilterQuery, Query()], actor: ActorDep, registry: RegistryDep
) -> JSONResponse:
    """Case summaries matching the filters, one page at a time."""
    page = casework.listing(registry, actor, query.model_dump(), query.offset, query.limit)
    return JSONResponse(
        {
            "items": [item.model_dump(mode="json") for item in page.items],
            "total": page.total,
            "offset": query.offset,
            "limit": query.limit,
        }
    )


@router.get("/export")
def export_listing(
    request: Request,
    query: Annotated[CaseFilterQuery, Query()],
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    format: Annotated[str, Query(max_length=16)] = "csv",
) -> Response:
    """Every case matching the filters (the list's ``offset``/``limit`` do not apply).
    ``csv`` and ``xlsx`` are line listings streamed batch by batch, opening with a header
    block (filters, date, count); other formats are one exchange document."""
    criteria = query.model_dump(exclude={"offset", "limit"})
    if format in LISTING_FORMATS:
        return listing_response(request, registry, actor, criteria, format)
    total, batches = casework.listing_batches(registry, actor, criteria)
    ids = [case.case_id for batch in batches for case, _ in batch]
    seen: list[tuple[str, int | None]] = []
    data, fmt = casework.export(registry, actor, ids, format, settings, seen)
    record_read(request, actor.username, seen, "listing", format, filter_text(criteria))
    return _download(data, fmt, "dermavigil-cases")


LISTING_FORMATS = {
    "csv": ("text/csv; charset=utf-8", ".csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
}


def listing_response(
    request: Request, registry: Any, actor: Any, criteria: dict[str, Any], format: str
) -> StreamingResponse:
    """A line listing of every matching case, streamed (CSV chunks per batch of cases;
    the workbook from a temporary file, written batch by batch); the cases it carried are
    logged as one listing read once the last batch is read."""
    from dermavigil.exchange.line_listing import ListingHeader, csv_chunks, write_xlsx

    seen: list[tuple[str, int | None]] = []
    total, read = casework.listing_batches(registry, actor, criteria, seen=seen)
    batches = recorded_listing(request, actor.username, read, seen, format, filter_text(criteria))
    now = datetime.now(UTC)
    header = ListingHeader(filters=criteria, generated=now, count=total)
    media_type, suffix = LISTING_FORMATS[format]
    name = f"dermavigil-line-listing-{now:%Y%m%d-%H%M%S}{suffix}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "X-Case-Count": str(total)}
    if format == "csv":
        return StreamingResponse(
            csv_chunks(header, batches), media_type=media_type, headers=headers
        )
    spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)  # noqa: SIM115 (closed by chunks)
    write_xlsx(header, batches, spool)
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        with spool:
            while block := spool.read(1 << 16):
                yield block

    return StreamingResponse(chunks(), media_type=media_type, headers=headers)


@router.get("/{case_id}", response_class=JSONResponse)
def read_case(
    request: Request,
    case_id: CaseId,
    who: CredentialsDep,
    registry: RegistryDep,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """The current (or a given) version of a case with its assessment (the read is
    logged in the access log)."""
    stored = casework.get(registry, who, case_id, version)
    return _stored(stored_read(request, who.username, stored, "api", "json"))


@router.put("/{case_id}", response_class=JSONResponse)
def update_case(
    case_id: CaseId, body: CaseUpdate, actor: ActorDep, registry: RegistryDep
) -> Response:
    """Store a new version (assessors); the previous versions stay in the history."""
    return _stored(casework.update(registry, actor, case_id, body.case, body.expected_version))


@router.post("/{case_id}/code", response_class=JSONResponse)
def code_terms(case_id: CaseId, actor: ActorDep, registry: RegistryDep) -> Response:
    """Code uncoded reactions and findings to the HPO (assessors): a new version."""
    return _stored(casework.code_terms(registry, actor, case_id))


@router.get("/{case_id}/submissions")
def case_submissions(case_id: CaseId, actor: ActorDep, registry: RegistryDep) -> list[Any]:
    """The E2B(R3) submissions of the case: version, receiver, batch, C.1.1, status, ACK."""
    return jsonable_encoder(casework.submissions(registry, actor, case_id))


@router.post("/acks", response_class=JSONResponse)
async def record_ack(request: Request, actor: ActorDep, registry: RegistryDep) -> Response:
    """Record a receiver's E2B(R3) ACK (XML body): the status of each submission it answers."""
    data = await request.body()
    return JSONResponse(jsonable_encoder(casework.record_ack(registry, actor, data)))


@router.get("/{case_id}/history")
def case_history(
    request: Request, case_id: CaseId, actor: ActorDep, registry: RegistryDep
) -> list[Any]:
    """Every version: when, by whom, what action, why, and the field differences."""
    history = casework.history(registry, actor, case_id)
    record_read(request, actor.username, [(case_id, None)], "api", "history")
    return jsonable_encoder(history)


@router.get("/{case_id}/assessment")
def case_assessment(
    request: Request, case_id: CaseId, actor: ActorDep, registry: RegistryDep
) -> dict[str, Any]:
    """Seriousness, off-label route, Naranjo and WHO-UMC with the facts behind each answer."""
    assessment = casework.assessment(registry, actor, case_id)
    record_read(request, actor.username, [(case_id, None)], "api", "assessment")
    return assessment.model_dump(mode="json")


@router.post("/{case_id}/overrides", response_class=JSONResponse)
def override_assessment(
    case_id: CaseId, body: OverrideIn, actor: ActorDep, registry: RegistryDep
) -> Response:
    """Override one assessment answer (assessors); stored as a new, attributed version."""
    return _stored(
        casework.override(registry, actor, case_id, body.target, body.value, body.reason)
    )


@router.post("/{case_id}/retract", response_class=JSONResponse)
def retract_case(
    case_id: CaseId, body: RetractIn, actor: ActorDep, registry: RegistryDep
) -> Response:
    """Retract a case (assessors): a new version with status 'retracted'; nothing is deleted."""
    return _stored(casework.retract(registry, actor, case_id, body.reason))


@router.post("/{case_id}/accept", response_class=JSONResponse)
def accept_draft(case_id: CaseId, actor: ActorDep, registry: RegistryDep) -> Response:
    """Accept a draft (e.g. extracted from literature) as an active case (assessors)."""
    return _stored(casework.accept_draft(registry, actor, case_id))


@router.get("/{case_id}/export")
def export_case(
    request: Request,
    case_id: CaseId,
    actor: ActorDep,
    registry: RegistryDep,
    settings: SettingsDep,
    format: Annotated[str, Query(max_length=16)] = "json",
) -> Response:
    """One case as JSON, CSV, E2B(R3) XML, FHIR R5/R4 or a CIOMS-I PDF."""
    seen: list[tuple[str, int | None]] = []
    data, fmt = casework.export(registry, actor, [case_id], format, settings, seen)
    record_read(request, actor.username, seen, "export", format)
    return _download(data, fmt, case_id)


def _download(data: bytes, fmt: Any, stem: str) -> Response:
    return Response(
        content=data,
        media_type=fmt.media_type,
        headers={"Content-Disposition": f'attachment; filename="{stem}{fmt.suffix}"'},
    )


__all__ = ["router"]
