"""Server-rendered pages (Jinja2 templates and static assets shipped in this package)."""

from dermavigil.web.pages import about, auth, cases, drafts, imports, signals, users

ROUTERS = (
    auth.router,
    cases.router,
    drafts.router,
    signals.router,
    imports.router,
    users.router,
    about.router,
)

__all__ = ["ROUTERS"]
