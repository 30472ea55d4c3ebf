"""The About page: what the application is, the terminology release it codes with
(the HPO licence asks for the release to be cited), the data sources in the store,
and the methods behind the assessments and signals."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

import dermavigil
from dermavigil.store.layout import sources
from dermavigil.web.deps import MaybeActorDep, SettingsDep
from dermavigil.web.pages.render import render

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)


def terminology() -> dict[str, Any] | None:
    """Citation facts of the packaged HPO release, or ``None`` if it cannot be read."""
    try:
        from dermavigil.terminology.hpo import about

        return about()
    except Exception:  # the About page must render even if the ontology is missing
        log.exception("HPO release could not be read for the About page")
        return None


@router.get("/about")
def about_page(request: Request, actor: MaybeActorDep, settings: SettingsDep) -> Response:
    context = {
        "actor": actor,
        "version": getattr(dermavigil, "__version__", "0.1.0"),
        "hpo": terminology(),
        "sources": sources(settings.store_dir),
    }
    return render(request, "about.html", context)
