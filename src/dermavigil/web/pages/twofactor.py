"""``/account/2fa``: the signed-in user's TOTP two-factor authentication: set it up (the
secret shown once as text, as an ``otpauth://`` URI and as a QR code image, confirmed by a
first code), the recovery codes (shown once), new recovery codes, turning it off."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from dermavigil.errors import DermavigilError
from dermavigil.web import secondfactor
from dermavigil.web.deps import PendingActorDep
from dermavigil.web.pages.render import render

router = APIRouter(include_in_schema=False)
Code = Annotated[str, Form(max_length=64)]


def _page(request: Request, actor: Any, status_code: int = 200, **extra: Any) -> Response:
    context = {"actor": actor, "status": secondfactor.status(request, actor), **extra}
    return render(request, "twofactor.html", context, status_code)


def _error(request: Request, actor: Any, error: DermavigilError, **extra: Any) -> Response:
    return _page(request, actor, error.status_code, error=error, **extra)


@router.get("/account/2fa")
def twofactor_page(request: Request, actor: PendingActorDep) -> Response:
    return _page(request, actor)


@router.post("/account/2fa/start")
def start(request: Request, actor: PendingActorDep) -> Response:
    """A new secret, shown on this answer only (with its QR code), to confirm with a code."""
    return _page(request, actor, enrolment=secondfactor.begin(request, actor))


@router.get("/account/2fa/qr.svg")
def qr_code(request: Request, actor: PendingActorDep) -> Response:
    """The QR code of the enrolment in progress (404 once it is confirmed)."""
    enrolment = secondfactor.pending(request, actor)
    return Response(secondfactor.qr_svg(enrolment.uri), media_type="image/svg+xml")


@router.post("/account/2fa/confirm")
def confirm(request: Request, actor: PendingActorDep, code: Code) -> Response:
    """Enable with a first code; the recovery codes are shown on this answer only."""
    try:
        codes = secondfactor.confirm(request, actor, code)
    except DermavigilError as error:
        return _error(request, actor, error, enrolment=secondfactor.pending(request, actor))
    return _page(request, actor, recovery_codes=codes)


@router.post("/account/2fa/recovery-codes")
def recovery_codes(request: Request, actor: PendingActorDep, code: Code) -> Response:
    try:
        codes = secondfactor.new_recovery_codes(request, actor, code)
    except DermavigilError as error:
        return _error(request, actor, error)
    return _page(request, actor, recovery_codes=codes)


@router.post("/account/2fa/disable")
def disable(
    request: Request,
    actor: PendingActorDep,
    password: Annotated[str, Form(max_length=1024)],
    code: Code,
) -> Response:
    try:
        secondfactor.disable(request, actor, password, code)
    except DermavigilError as error:
        return _error(request, actor, error)
    return _page(request, actor, disabled=True)
