"""Chromium, with the 2FA policy on (the default): an admin signs in with the password, is
sent to enrolment instead of the cases, scans nothing but reads the secret from the page,
turns 2FA on with the app's code, reads a case, signs out, signs in again with a recovery
code, and finds their own page view in the access log. No console error and no CSP
violation on the way (the QR code is an SVG image, not inline script)."""

from __future__ import annotations

from collections.abc import Iterator

import pyotp
import pytest
from webtools import ARTIFACTS, PASSWORD, chromium, served

from dermavigil.demo.seed import load_seed
from dermavigil.registry import UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    home = tmp_path_factory.mktemp("2fa-home")
    settings = load_settings({"DERMAVIGIL_HOME": str(home)})  # policy on by default
    registry = open_registry(settings.database_url)
    case_id = load_seed(registry).case_id
    with registry.transaction() as session:
        UserService(session).create("chief", "admin", PASSWORD, must_change_password=False)
    with served(create_app(settings, registry)) as url:
        yield url, case_id
    registry.close()


def test_admin_enrols_then_signs_in_with_a_recovery_code(site, chromium_path: str) -> None:  # type: ignore[no-untyped-def]
    base_url, case_id = site
    problems: list[str] = []
    with chromium(chromium_path) as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))

        def sign_in() -> None:
            page.goto(f"{base_url}/login?next=/cases/{case_id}")
            page.fill("input[name=username]", "chief")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")

        sign_in()
        page.wait_for_url(f"{base_url}/account/2fa")  # not the case: enrolment first
        assert page.locator("#twofactor-required").is_visible()
        page.goto(f"{base_url}/cases/{case_id}")
        page.wait_for_url(f"{base_url}/account/2fa")
        page.click("text=Set up two-factor authentication")
        secret = page.locator("#totp-secret").inner_text()
        assert page.locator("#totp-uri").inner_text().startswith("otpauth://totp/")
        page.wait_for_function(  # the QR code is an image of its own: wait until it is drawn
            "() => { const img = document.querySelector('#enrolment img');"
            " return img !== null && img.complete && img.naturalWidth > 100; }",
            timeout=15_000,
        )
        page.fill("input[name=code]", pyotp.TOTP(secret).now())
        page.click("text=Turn on")
        codes = page.locator("#recovery-codes code").all_inner_texts()
        assert len(codes) == 10
        page.screenshot(path=str(ARTIFACTS / "2fa-recovery-codes-390.png"), full_page=True)
        page.goto(f"{base_url}/cases/{case_id}")
        assert page.url == f"{base_url}/cases/{case_id}"
        page.click("text=Log out")
        page.wait_for_url(f"{base_url}/login")

        sign_in()
        page.wait_for_url(f"{base_url}/login/2fa**")
        page.fill("input[name=code]", codes[0])
        page.click("button[type=submit]")
        page.wait_for_url(f"{base_url}/cases/{case_id}")

        page.goto(f"{base_url}/admin/access-log?case={case_id}")
        rows = page.locator("#access-log tbody tr")
        assert rows.count() == 2  # the two page views of the case, both by chief
        assert "chief" in rows.first.inner_text() and "page (html)" in rows.first.inner_text()
    assert problems == []
