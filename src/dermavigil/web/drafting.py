"""Case-report text -> a stored draft case (assessors), shared by the API and the draft pages.

:func:`dermavigil.literature.extract.extract_draft` finds the facts and the
character spans that support each one; when the draft is a valid case it is
stored with status ``draft``, its evidence and its source text, for an
assessor to review and accept (:meth:`CaseService.accept_draft`). A draft
that is not yet a valid case is returned with its problems so a person can
complete it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dermavigil.errors import InputError, Problem
from dermavigil.web.auth import Actor
from dermavigil.web.permissions import require

MAX_TEXT = 200_000


@dataclass
class DraftOutcome:
    """The extraction, and either the stored draft or the problems that kept it out."""

    draft: Any
    stored: Any | None
    problems: list[Problem]


def extract_and_store(registry: Any, actor: Actor, text: str) -> DraftOutcome:
    """Extract a draft from ``text``; store it when it is a valid case."""
    from dermavigil.literature.extract import extract_draft
    from dermavigil.registry import CaseService

    require(actor, "draft.review")
    if not text.strip():
        raise InputError("no text given", [Problem("text", "paste a case report")])
    if len(text) > MAX_TEXT:
        raise InputError("text too long", [Problem("text", f"at most {MAX_TEXT} characters")])
    draft = extract_draft(text)
    try:
        case = draft.to_case()
    except InputError as error:
        return DraftOutcome(draft, None, error.problems)
    with registry.transaction() as session:
        stored = CaseService(session).create(
            case,
            by=actor.username,
            status="draft",
            evidence={k: [tuple(s) for s in v] for k, v in draft.evidence.items()},
            source_text=draft.text,
        )
    return DraftOutcome(draft, stored, [])
