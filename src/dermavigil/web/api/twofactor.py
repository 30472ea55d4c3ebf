"""``/api/me/2fa``: your TOTP two-factor authentication through the API: status, enrol
(the secret and its ``otpauth://`` URI, returned once), confirm with a first code (the
recovery codes, returned once), new recovery codes, turn off (password and code)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from dermavigil.web import secondfactor
from dermavigil.web.deps import PendingActorDep

router = APIRouter(prefix="/api/me/2fa", tags=["session"])


class SecondFactorOut(BaseModel):
    enabled: bool
    pending: bool = Field(description="an enrolment waits for its first code")
    enabled_at: datetime | None
    recovery_codes_left: int
    required: bool = Field(description="your role must sign in with a second factor")


class EnrolmentOut(BaseModel):
    secret: str = Field(description="base32 TOTP secret (SHA-1, 6 digits, 30 s); shown once")
    uri: str = Field(description="otpauth:// URI for an authenticator app (QR code)")


class CodeIn(BaseModel):
    code: str = Field(min_length=6, max_length=64, description="6 digits, or a recovery code")


class DisableIn(CodeIn):
    password: str = Field(min_length=1, max_length=1024)


class RecoveryCodesOut(BaseModel):
    recovery_codes: list[str] = Field(description="single-use; shown only this once")


@router.get("", response_model=SecondFactorOut)
def get_status(actor: PendingActorDep, request: Request) -> SecondFactorOut:
    return SecondFactorOut(**secondfactor.status(request, actor))


@router.post("/enrol", response_model=EnrolmentOut)
def enrol(actor: PendingActorDep, request: Request) -> EnrolmentOut:
    """Start (or restart) an enrolment: a new secret, in force once confirmed (409 when a
    second factor is already on)."""
    enrolment = secondfactor.begin(request, actor)
    return EnrolmentOut(secret=enrolment.secret, uri=enrolment.uri)


@router.post("/confirm", response_model=RecoveryCodesOut)
def confirm(body: CodeIn, actor: PendingActorDep, request: Request) -> RecoveryCodesOut:
    """Turn the second factor on with the app's current code (422 when wrong)."""
    return RecoveryCodesOut(recovery_codes=secondfactor.confirm(request, actor, body.code))


@router.post("/recovery-codes", response_model=RecoveryCodesOut)
def recovery_codes(body: CodeIn, actor: PendingActorDep, request: Request) -> RecoveryCodesOut:
    """New recovery codes; the old ones stop working."""
    codes = secondfactor.new_recovery_codes(request, actor, body.code)
    return RecoveryCodesOut(recovery_codes=codes)


@router.post("/disable", response_model=SecondFactorOut)
def disable(body: DisableIn, actor: PendingActorDep, request: Request) -> SecondFactorOut:
    """Turn the second factor off: your password and a code (422 when either is wrong)."""
    secondfactor.disable(request, actor, body.password, body.code)
    return SecondFactorOut(**secondfactor.status(request, actor))
