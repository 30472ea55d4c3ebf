"""The account page in real Chromium (issue 12): a user whose first password was set by an
admin is sent to the password form, chooses their own, signs in from a second browser,
ends the first browser's session from the second's account page, then logs out
everywhere; no console error or CSP violation on the way."""

from __future__ import annotations

import pytest
from webtools import ARTIFACTS, chromium, served

from dermavigil.registry import UserService

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIRST = "first pass from the admin"
OWN = "plum kettle orbit 9"
PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1"
)


def _log_in(page, base_url: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}/login")
    page.fill("input[name=username]", "nurse")
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def test_first_password_then_sessions_from_two_browsers(app, registry, chromium_path) -> None:  # type: ignore[no-untyped-def]
    with registry.transaction() as session:
        UserService(session).create("nurse", "reporter", FIRST, by="admin")
    errors: list[str] = []
    with served(app) as base_url, chromium(chromium_path) as browser:
        laptop = browser.new_context().new_page()
        phone = browser.new_context(user_agent=PHONE, viewport={"width": 390, "height": 844})
        phone_page = phone.new_page()
        for page in (laptop, phone_page):
            page.on(
                "console",
                lambda m: errors.append(f"{m.type}: {m.text}") if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: errors.append(str(e)))

        _log_in(laptop, base_url, FIRST)
        laptop.wait_for_url(f"{base_url}/account/password")
        assert laptop.locator("#must-change-password").is_visible()
        laptop.goto(f"{base_url}/cases")  # every page sends them back
        laptop.wait_for_url(f"{base_url}/account/password")
        laptop.fill("input[name=current_password]", FIRST)
        laptop.fill("input[name=new_password]", OWN)
        laptop.click("#change-password")
        assert laptop.locator("#password-changed").is_visible()
        laptop.click("header .who a")  # the user's name: the account page
        laptop.wait_for_url(f"{base_url}/account")
        assert laptop.locator("#sessions tbody tr").count() == 1
        assert "(this session)" in laptop.locator("tr.current-session").inner_text()

        _log_in(phone_page, base_url, OWN)
        phone_page.wait_for_url(f"{base_url}/cases")
        phone_page.goto(f"{base_url}/account")
        rows = phone_page.locator("#sessions tbody tr")
        assert rows.count() == 2
        current = phone_page.locator("tr.current-session")
        assert "Mobile Safari 17 on iOS" in current.inner_text()
        other = phone_page.locator("#sessions tbody tr:not(.current-session)")
        assert "Chrome" in other.inner_text()  # the laptop's (headless) Chromium
        phone_page.screenshot(path=str(ARTIFACTS / "account-sessions-390.png"), full_page=True)
        other.locator("button").click()
        phone_page.wait_for_selector("#session-ended")
        assert phone_page.locator("#sessions tbody tr").count() == 1

        laptop.reload()  # its session was ended from the phone
        assert laptop.url.startswith(f"{base_url}/login")

        phone_page.click("#log-out-everywhere")
        phone_page.wait_for_url(f"{base_url}/login")
        phone_page.goto(f"{base_url}/cases")
        assert phone_page.url.startswith(f"{base_url}/login")
        phone.close()
    assert errors == []
