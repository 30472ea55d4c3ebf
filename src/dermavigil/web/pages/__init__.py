"""Server-rendered pages (Jinja2 templates and static assets shipped in this package)."""

from dermavigil.web.pages import (
    about,
    access_log,
    account,
    auth,
    cases,
    drafts,
    duplicates,
    imports,
    literature,
    series,
    signal_records,
    signals,
    twofactor,
    users,
    workflow,
)

ROUTERS = (
    auth.router,
    account.router,
    twofactor.router,
    cases.router,
    literature.router,
    drafts.router,
    signals.router,
    signal_records.router,
    series.router,
    duplicates.router,
    imports.router,
    users.router,
    workflow.router,
    access_log.router,
    about.router,
)

__all__ = ["ROUTERS"]
