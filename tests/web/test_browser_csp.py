"""Every page under the strict CSP in real Chromium: the policy is sent, and loading the
page (scripts, styles, charts, the Swagger UI) logs no Content-Security-Policy violation.

A canary first proves the console listener sees a violation when there is one (inline
script injected into a served page), so a clean run is not a deaf listener.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webtools import PASSWORD, served

from dermavigil.demo.full import load_demo
from dermavigil.demo.seed import load_seed
from dermavigil.registry import UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Iterator[tuple]:
    """(base URL, seed case id) of the demo: seed case, CAERS, VAERS, a signal run."""
    home = tmp_path_factory.mktemp("csp-home")
    settings = load_settings(
        {
            "DERMAVIGIL_HOME": str(home),
            "DERMAVIGIL_SHARED_DATA": str(shared_data),
            "DERMAVIGIL_REQUIRE_2FA": "0",
        }
    )
    registry = open_registry(settings.database_url)
    load_demo(settings, registry)  # what `dermavigil serve --demo` shows
    case_id = load_seed(registry).case_id
    with registry.transaction() as session:
        UserService(session).create("boss", "admin", PASSWORD, must_change_password=False)
    with served(create_app(settings, registry)) as url:
        yield url, case_id
    registry.close()


@pytest.fixture
def page_and_violations(chromium_path: str) -> Iterator[tuple]:  # type: ignore[type-arg]
    """A Chromium page and the list its console listener fills with CSP violations."""
    from playwright.sync_api import sync_playwright

    violations: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        page = browser.new_page()

        def on_console(message) -> None:  # type: ignore[no-untyped-def]
            if "Content Security Policy" in message.text:
                violations.append(f"{page.url}: {message.text}")

        page.on("console", on_console)
        page.on("pageerror", lambda error: violations.append(f"{page.url}: {error}"))
        yield page, violations
        browser.close()


def _visit(page, url: str) -> None:  # type: ignore[no-untyped-def]
    response = page.goto(url)
    assert response is not None and response.ok, url
    csp = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp and "style-src 'self'" in csp, url
    assert "frame-ancestors 'none'" in csp, url
    page.wait_for_load_state("load")


def test_the_listener_catches_a_violation(site, page_and_violations) -> None:  # type: ignore[no-untyped-def]
    base_url, _ = site
    page, violations = page_and_violations
    _visit(page, f"{base_url}/about")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected") is None
    assert any("Content Security Policy" in v for v in violations)


def test_no_page_violates_the_csp(site, page_and_violations) -> None:  # type: ignore[no-untyped-def]
    base_url, case_id = site
    page, violations = page_and_violations
    for path in ("/about", "/login"):
        _visit(page, base_url + path)
    page.fill("input[name=username]", "boss")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/cases")
    pages = [
        "/cases",
        "/cases/new",
        f"/cases/{case_id}",
        f"/cases/{case_id}/edit",
        "/drafts",
        "/series",
        "/duplicates",
        "/signals",
        "/imports",
        "/users",
        "/account",
        "/account/password",
        "/account/2fa",
        "/admin/access-log",
        "/api/docs",
        "/no-such-page",
    ]
    for path in pages:
        if path == "/no-such-page":
            response = page.goto(base_url + path)
            assert response is not None and response.status == 404
            continue
        _visit(page, base_url + path)
    page.goto(f"{base_url}/api/docs")
    page.wait_for_selector(".swagger-ui", timeout=15000)
    page.goto(f"{base_url}/cases/new")
    page.click('[data-add-row="products"]')  # the form's own script still runs
    assert page.locator('[id="f-products.1.name"]').count() == 1
    assert violations == []
