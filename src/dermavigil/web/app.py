"""The FastAPI application: JSON API under ``/api``, server-rendered pages, local assets.

:func:`create_app` wires the parts, each in its own module: the session
middleware (:mod:`~dermavigil.web.session`), CSRF (:mod:`~dermavigil.web.csrf`,
a dependency on every route), roles (:mod:`~dermavigil.web.permissions`),
login throttling (:mod:`~dermavigil.web.ratelimit`), the API routers
(:mod:`~dermavigil.web.api`), the pages (:mod:`~dermavigil.web.pages`) and the
security headers on every response (:mod:`~dermavigil.web.headers`).

One error handler turns every :class:`~dermavigil.errors.DermavigilError` into
an RFC 9457 problem document for ``/api`` paths, and into an HTML error page
(or a redirect to the login page when unauthenticated, to the password form while the
password must be changed) for pages.
"""

from __future__ import annotations

import gc
import importlib.util
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

import dermavigil
from dermavigil.errors import DermavigilError, InputError, Problem
from dermavigil.registry.secondfactor import SecondFactorKeys
from dermavigil.settings import Settings
from dermavigil.web.api import ROUTERS as API_ROUTERS
from dermavigil.web.auth import AuthenticationRequired, Signer, load_secret
from dermavigil.web.bodylimit import BodyLimitMiddleware
from dermavigil.web.csrf import check_csrf
from dermavigil.web.deps import (
    CHANGE_PASSWORD_PAGE,
    ENROL_PAGE,
    PasswordChangeRequired,
    SecondFactorRequired,
)
from dermavigil.web.headers import SecurityHeadersMiddleware
from dermavigil.web.jobs import ImportJobs
from dermavigil.web.pages import ROUTERS as PAGE_ROUTERS
from dermavigil.web.pages.render import TEMPLATES, render
from dermavigil.web.ratelimit import LoginLimiter, LoginPolicy, TooManyAttempts
from dermavigil.web.session import SessionMiddleware

STATIC_DIR = Path(__file__).parent / "pages" / "static"


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _problem_response(request: Request, error: DermavigilError) -> Response:
    status = error.status_code
    if _is_api(request):
        headers: dict[str, str] = {}
        if isinstance(error, TooManyAttempts):
            headers["Retry-After"] = str(error.retry_after)
        if isinstance(error, AuthenticationRequired):
            headers["WWW-Authenticate"] = "Bearer"
        return JSONResponse(
            error.to_problem_json(),
            status_code=status,
            headers=headers,
            media_type="application/problem+json",
        )
    if isinstance(error, PasswordChangeRequired):
        return RedirectResponse(CHANGE_PASSWORD_PAGE, status_code=303)
    if isinstance(error, SecondFactorRequired) and request.method == "GET":
        return RedirectResponse(ENROL_PAGE, status_code=303)
    if isinstance(error, AuthenticationRequired) and request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)
    return render(request, "error.html", {"error": error}, status_code=status)


def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    """FastAPI's own validation errors in the same problem shape, located by field path."""
    problems = []
    for item in exc.errors():
        loc = [str(p) for p in item.get("loc", ()) if p not in ("body", "query", "path")]
        problems.append(Problem(".".join(loc) or "(request)", str(item.get("msg", "invalid"))))
    error = InputError(f"{len(problems)} problem(s) in the request", problems)
    return _problem_response(request, error)


def swagger_assets() -> Path:
    """The Swagger UI 5 distribution shipped in ``swagger-ui-py`` (its ``static`` folder;
    Swagger UI 5 reads OpenAPI 3.1, which FastAPI writes), found without importing the
    package (whose web-framework adapters the app does not use)."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("swagger-ui-py is not installed: pip install swagger-ui-py")
    return Path(list(spec.submodule_search_locations)[0]) / "static"


def _api_docs(request: Request) -> Response:
    """Swagger UI for the OpenAPI document, from the assets of ``swagger-ui-py``,
    started by a static script (FastAPI's own docs page has an inline one, which the CSP
    of :mod:`dermavigil.web.headers` refuses)."""
    return TEMPLATES.TemplateResponse(request, "api_docs.html", {})


def create_app(settings: Settings, registry: Any = None) -> FastAPI:
    """Build the app over ``registry`` (opened from ``settings.database_url`` when not given)."""
    settings.ensure_dirs()
    if registry is None:
        from dermavigil.registry import open_registry

        registry = open_registry(settings.database_url)
    app = FastAPI(
        title="dermavigil",
        version=getattr(dermavigil, "__version__", "0.1.0"),
        description="Vigilance for adverse reactions to injected aesthetic and "
        "dermatologic products. Authenticate with POST /api/token, then send "
        "`Authorization: Bearer <token>`; cookie sessions must send `X-CSRF-Token`.",
        docs_url=None,  # served below with local assets (FastAPI's default loads a CDN)
        redoc_url=None,
        openapi_url="/api/openapi.json",
        dependencies=[Depends(check_csrf)],
    )
    app.state.settings = settings
    app.state.registry = registry
    app.state.signer = Signer(load_secret(settings.home))
    app.state.login_limiter = LoginLimiter(LoginPolicy(storage=settings.login_limit_storage))
    app.state.second_factor_limiter = LoginLimiter(
        LoginPolicy(storage=settings.login_limit_storage), namespace="2fa"
    )
    app.state.second_factor_keys = SecondFactorKeys.load(settings.home)
    app.state.jobs = ImportJobs(settings)
    app.add_middleware(  # inside the session middleware: it reads who is signed in
        BodyLimitMiddleware,
        max_body=settings.max_body_bytes,
        max_upload=settings.max_upload_bytes,
    )
    app.state.jobs.registry = registry
    if settings.access_log_days:  # retention of the read-access log
        from dermavigil.registry.access_log import prune_expired

        registry.queue_write(lambda session: prune_expired(session, settings.access_log_days))
    app.add_middleware(SessionMiddleware, signer=app.state.signer)
    if settings.trusted_proxies:  # client address and scheme from the proxy's headers
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    app.add_middleware(SecurityHeadersMiddleware)  # outermost: also on error responses
    app.add_exception_handler(DermavigilError, _problem_response)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.mount("/static/swagger", StaticFiles(directory=swagger_assets()), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_api_route("/api/docs", _api_docs, include_in_schema=False)
    for router in (*API_ROUTERS, *PAGE_ROUTERS):
        app.include_router(router)
    return app


def app_from_env() -> FastAPI:
    """The app over the settings in the environment (for ``uvicorn --factory``), in a
    process tuned for serving (:func:`tune_gc_for_serving`)."""
    from dermavigil.settings import load_settings

    app = create_app(load_settings())
    tune_gc_for_serving()
    return app


GC_YOUNG_THRESHOLD = 10_000
"""Allocations between two young-generation collections in a serving process (CPython's
default is 700)."""


def tune_gc_for_serving() -> None:
    """Set the cyclic garbage collector of a server process up for many short requests:
    everything alive once the app is built (modules, the app, SQLAlchemy's and pydantic's
    tables: some 230,000 objects) is moved out of the collector's reach (``gc.freeze``),
    and the young generation is collected every :data:`GC_YOUNG_THRESHOLD` allocations
    instead of 700. Measured on 2,000 case creations in one process: collections took
    0.09 ms of CPU per creation, 60-70 of them with pauses of up to 10-17 ms (each one a
    stall of every request in flight), and take 0.002 ms, 3 collections of at most 2 ms.
    Garbage without reference cycles is freed at once by reference counting, as before."""
    gc.collect()
    gc.freeze()
    _, *older = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *older)
