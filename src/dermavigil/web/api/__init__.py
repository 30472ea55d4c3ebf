"""The JSON API: one router per resource, mounted under ``/api`` by the app."""

from dermavigil.web.api import (
    access_log,
    cases,
    demo,
    drafts,
    duplicates,
    imports,
    products,
    series,
    session,
    signal_records,
    signals,
    terms,
    twofactor,
    users,
    workflow,
)

ROUTERS = (
    session.router,
    twofactor.router,
    cases.router,
    drafts.router,
    signals.router,
    signal_records.router,
    signal_records.alerts_router,
    series.router,
    duplicates.router,
    imports.router,
    products.router,
    users.router,
    terms.router,
    workflow.router,
    demo.router,
    access_log.router,
)

__all__ = ["ROUTERS"]
