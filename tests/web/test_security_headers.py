"""Security headers on every response and templates that a strict CSP does not refuse
(issue 12, probe 3: no CSP, no frame-ancestors / X-Frame-Options, no nosniff, no
Referrer-Policy, no ``Cache-Control: no-store`` on pages showing patient data)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "src/dermavigil/web/pages/templates"

# What a CSP without 'unsafe-inline' refuses in markup: inline script code, <style> blocks,
# style attributes, on* event-handler attributes and javascript: URLs.
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I)
_STYLE_BLOCK = re.compile(r"<style\b", re.I)
_STYLE_ATTR = re.compile(r"\sstyle\s*=", re.I)
_HANDLER_ATTR = re.compile(r"\son[a-z]+\s*=", re.I)
_JS_URL = re.compile(r"javascript:", re.I)


def _inline_code(text: str) -> list[str]:
    found = []
    for name, pattern in (
        ("inline <script>", _INLINE_SCRIPT),
        ("<style> block", _STYLE_BLOCK),
        ("style attribute", _STYLE_ATTR),
        ("on* handler", _HANDLER_ATTR),
        ("javascript: URL", _JS_URL),
    ):
        found += [f"{name}: {m.group(0).strip()}" for m in pattern.finditer(text)]
    return found


def test_the_scanner_finds_each_kind_of_inline_code() -> None:
    sample = (
        '<script>x()</script><style>p{}</style><p style="x"><a onclick="y()" '
        'href="javascript:z()"><script src="/ok.js"></script>'
    )
    assert len(_inline_code(sample)) == 5


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_templates_have_no_inline_script_or_style(template: str) -> None:
    assert _inline_code((TEMPLATES / template).read_text()) == []


def _assert_security_headers(response, *, no_store: bool = True) -> None:  # type: ignore[no-untyped-def]
    headers = response.headers
    csp = headers.get("content-security-policy", "")
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, response.url
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers.get("x-frame-options") == "DENY"
    assert headers.get("x-content-type-options") == "nosniff"
    assert headers.get("referrer-policy") == "no-referrer"
    if no_store:
        assert "no-store" in headers.get("cache-control", ""), response.url


ANONYMOUS_PAGES = ["/login", "/about", "/api/docs", "/api/openapi.json", "/no-such-page"]
CASE_DATA_PAGES = [
    "/cases",
    "/cases/new",
    "/series",
    "/series.csv",
    "/signals",
    "/drafts",
    "/duplicates",
    "/users",
    "/imports",
    "/api/cases",
    "/api/series",
]


def test_headers_on_anonymous_pages_and_errors(client) -> None:  # type: ignore[no-untyped-def]
    for path in ANONYMOUS_PAGES:
        _assert_security_headers(client.get(path))
    _assert_security_headers(client.get("/cases", follow_redirects=False))  # 303 to login
    _assert_security_headers(client.get("/api/cases"))  # 401 problem document
    _assert_security_headers(client.post("/api/token", json={}))  # 422


def test_no_store_on_every_page_and_api_answer_with_case_data(  # type: ignore[no-untyped-def]
    as_admin, seed_json
) -> None:
    c = as_admin.client
    created = c.post("/api/cases", json=seed_json, headers={"X-CSRF-Token": as_admin.csrf})
    assert created.status_code == 201, created.text
    case_id = created.json()["case_id"]
    paths = [
        *CASE_DATA_PAGES,
        f"/cases/{case_id}",
        f"/cases/{case_id}/edit",
        f"/api/cases/{case_id}",
        f"/api/cases/{case_id}/export?format=csv",
    ]
    for path in paths:
        response = c.get(path)
        assert response.status_code == 200, (path, response.status_code)
        _assert_security_headers(response)


def test_static_assets_stay_cacheable_but_get_the_other_headers(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/static/dermavigil.css", "/static/dermavigil.js", "/static/swagger-init.js"):
        response = client.get(path)
        assert response.status_code == 200
        _assert_security_headers(response, no_store=False)
        assert "no-store" not in response.headers.get("cache-control", "")


def test_api_docs_page_runs_no_inline_script(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert _inline_code(page.text) == []
    assert '<script src="/static/swagger-init.js">' in page.text


def test_policy_names_every_fetch_directive_it_relies_on() -> None:
    from dermavigil.web.headers import CSP

    directives = {d.split()[0] for d in CSP.split("; ")}
    assert {"script-src", "style-src", "object-src", "base-uri", "frame-ancestors"} <= directives
