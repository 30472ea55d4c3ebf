"""Rendering the Jinja2 templates shipped in this package (no CDN: assets under /static)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import Response

from dermavigil.domain import vocab
from dermavigil.domain.routes import Route
from dermavigil.web.labels import compact_number, target_label, value_label, words

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")
VOCABULARIES: dict[str, type[StrEnum]] = {
    "sources": vocab.ReportSource,
    "qualifications": vocab.ReporterQualification,
    "sexes": vocab.Sex,
    "age_groups": vocab.AgeGroup,
    "categories": vocab.ProductCategory,
    "formulations": vocab.Formulation,
    "roles": vocab.ProductRole,
    "routes": Route,
    "actions": vocab.ActionTaken,
    "dechallenge_results": vocab.DechallengeResult,
    "rechallenge_results": vocab.RechallengeResult,
    "outcomes": vocab.Outcome,
    "seriousness": vocab.SeriousnessCriterion,
    "finding_kinds": vocab.FindingKind,
    "additional_information": vocab.AdditionalInformation,
}
"""The case model's vocabularies offered by the forms, by the name templates use."""
TEMPLATES.env.globals["vocab"] = {
    **{name: [e.value for e in values] for name, values in VOCABULARIES.items()},
    "time_units": ["minute", "hour", "day", "week", "month", "year"],
    "age_units": ["year", "month", "week", "day", "hour", "decade"],
}

TEMPLATES.env.filters["words"] = words
TEMPLATES.env.filters["compact"] = compact_number
OUR_ROUTES = (
    "intradermal", "subcutaneous", "subdermal", "intralesional", "intramuscular",
    "intra_arterial", "intravenous", "periarticular", "perineural",
)  # fmt: skip
"""Routes by which our products (fillers, toxins, exosomes, polynucleotides, PLLA/CaHA,
mesotherapy) are given or wrongly given, listed first in every route choice."""
SKIN_ROUTES = ("topical", "cutaneous", "transdermal")
TEMPLATES.env.globals["route_groups"] = [
    ("Injection routes of aesthetic and dermatologic products", OUR_ROUTES),
    ("Applied to the skin", SKIN_ROUTES),
    (
        "Other routes (A-Z)",
        tuple(sorted(r.value for r in Route if r.value not in OUR_ROUTES + SKIN_ROUTES)),
    ),
]
TEMPLATES.env.globals.update(
    words=words,
    target_label=target_label,
    value_label=value_label,
    category_label=lambda c: vocab.CATEGORY_LABELS.get(c, words(c)),
)


def _demo_loading(request: Request) -> dict[str, Any] | None:
    """The demo load's progress while ``serve --demo`` is loading it, else None."""
    from dermavigil.demo.full import read_status

    settings = getattr(request.app.state, "settings", None)
    doc = read_status(settings) if settings is not None else None
    return doc if doc is not None and doc["loading"] else None


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> Response:
    """Render ``name`` with the actor and the session's CSRF token available to it."""
    from dermavigil.web.deps import lookup_actor

    ctx = dict(context or {})
    if "actor" not in ctx:
        try:
            ctx["actor"] = lookup_actor(request)
        except Exception:  # the error page must render even when the registry is down
            ctx["actor"] = None
    session = getattr(request.state, "session", None)
    ctx["csrf_token"] = session.csrf if session is not None else ""
    ctx["demo_loading"] = _demo_loading(request)
    return TEMPLATES.TemplateResponse(request, name, ctx, status_code=status_code)
