"""What the registry hands back: stored cases, summaries, pages, history, users.

These are the public shapes shared by the CLI and the web API (see the
interface contract); they carry no database objects.
"""

from __future__ import annotations

from datetime import datetime
from difflib import get_close_matches
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from dermavigil.domain.assessment import Assessment
from dermavigil.domain.case import Case
from dermavigil.domain.naranjo import BANDS
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import ProductCategory, ReportSource
from dermavigil.domain.who_umc import CATEGORIES
from dermavigil.errors import Problem
from dermavigil.registry.changes import FieldChange

CaseStatus = Literal["draft", "active", "retracted"]
Action = Literal["create", "update", "override", "retract", "accept", "workflow"]
Role = Literal["reporter", "assessor", "admin"]

T = TypeVar("T")

_ALLOWED: dict[str, tuple[str, ...]] = {
    "category": tuple(c.value for c in ProductCategory),
    "route": tuple(r.value for r in Route),
    "who_umc": CATEGORIES,
    "naranjo_band": BANDS,
    "source": tuple(s.value for s in ReportSource),
    "workflow": ("received", "in_review", "assessed", "closed"),
}


class StoredCase(BaseModel):
    """One version of a case as stored, with its assessment."""

    case_id: str
    version: int
    status: CaseStatus
    case: Case
    assessment: Assessment
    evidence: dict[str, list[tuple[int, int]]] | None = None
    source_text: str | None = None
    created_at: datetime = Field(description="when this version was written")
    created_by: str = Field(description="who wrote this version")
    owner: str = Field(description="who created the case (version 1)")
    workflow: str = Field(default="received", description="received, in_review, assessed, closed")
    assignee: str | None = Field(default=None, description="the assessor the case is assigned to")
    expectedness: str | None = Field(default=None, description="expected, unexpected or unjudged")
    day0: str | None = Field(default=None, description="day 0 of the clock (ISO date)")
    assessed_on: str | None = Field(default=None, description="when it reached assessed")


class CaseSummary(BaseModel):
    """One line of a case list: the current version's searchable facts."""

    case_id: str
    version: int
    status: CaseStatus
    owner: str
    updated_at: datetime
    source: str
    products: list[str]
    categories: list[str]
    routes: list[str]
    reactions: list[str]
    serious: bool
    off_label: bool
    who_umc: str
    naranjo_band: str
    naranjo_score: int
    workflow: str = "received"
    assignee: str | None = None
    expectedness: str | None = None
    day0: str | None = None
    assessed_on: str | None = None


class Page(BaseModel, Generic[T]):
    """A slice of a longer result, with the total number of matches."""

    items: list[T]
    total: int
    offset: int = 0
    limit: int = 50


class VersionInfo(BaseModel):
    """One entry of a case's history: who did what, when, and why."""

    version: int
    at: datetime
    by: str
    action: Action
    reason: str | None = None
    changes: list[FieldChange] = Field(default_factory=list)


class CaseFilter(BaseModel):
    """Search criteria for the current version of cases (all optional, ANDed)."""

    category: str | None = None
    route: str | None = None
    off_label: bool | None = None
    reaction: str | None = Field(
        default=None, description="substring of a verbatim or coded reaction term"
    )
    serious: bool | None = None
    who_umc: str | None = None
    naranjo_band: str | None = None
    source: str | None = None
    status: CaseStatus | None = "active"
    owner: str | None = None
    text: str | None = Field(default=None, description="substring of names, terms, narrative")
    workflow: str | None = Field(default=None, description="received, in_review, assessed, closed")
    assignee: str | None = Field(default=None, description="assigned assessor")

    def problems(self) -> list[Problem]:
        """Criteria naming a value no case can have (a typo would silently match nothing)."""
        found = []
        for name, allowed in _ALLOWED.items():
            value = getattr(self, name)
            if value is None or value in allowed:
                continue
            close = get_close_matches(value, allowed, n=2)
            if close:
                hint = f"did you mean {' or '.join(close)}?"
            else:
                hint = f"expected one of {', '.join(allowed[:12])}" + (
                    ", ..." if len(allowed) > 12 else ""
                )
            found.append(Problem(name, f"unknown value {value!r}; {hint}", value))
        return found


class User(BaseModel):
    """A user as shown to other code (never the password hash)."""

    username: str
    role: Role
    created_at: datetime
    active: bool
    must_change_password: bool = False  # set by someone else: to be changed at sign-in
