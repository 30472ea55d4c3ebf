"""Browser tests of the assessor's day in Chromium: open a received case, read it whole,
override an answer with the form (a refused value shown inline, the reason kept), and
the case page's print view. Every page is checked for console errors; screenshots go to
``test-artifacts/`` (look at them)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from webtools import ARTIFACTS, PASSWORD, chromium
from webtools import served as served_app

from dermavigil.demo import load_seed_case
from dermavigil.registry import CaseService, UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The app over a registry holding the seed case, an assessor and a clinician."""
    home = tmp_path_factory.mktemp("casework-home")
    settings = load_settings({"DERMAVIGIL_HOME": str(home)})
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        users = UserService(session)
        users.create("assessor1", "assessor", PASSWORD)
        users.create("clinician", "reporter", PASSWORD)
        users.create("lead", "admin", PASSWORD)
        stored = CaseService(session).create(load_seed_case(), by="clinician")
    with served_app(create_app(settings, registry)) as url:
        yield {"url": url, "case_id": stored.case_id}
    registry.close()


@pytest.fixture
def browser(chromium_path: str):  # type: ignore[no-untyped-def]
    with chromium(chromium_path) as launched:
        yield launched


def _open(browser, width: int = 1280, height: int = 900):  # type: ignore[no-untyped-def]
    """A page whose console errors (CSP refusals included) are collected in ``page.errors``."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.errors = []  # type: ignore[attr-defined]

    def console(message) -> None:  # type: ignore[no-untyped-def]
        # a form shown again with its problems is answered 422, which Chromium logs
        if message.type == "error" and "status of 422" not in message.text:
            page.errors.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


def _login(page, base: str, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_assessor_reads_the_case_and_overrides_with_the_form(browser, served):  # type: ignore[no-untyped-def]
    base, case_id = served["url"], served["case_id"]
    page = _open(browser)
    _login(page, base, "assessor1")
    page.goto(f"{base}/cases/{case_id}")
    page.wait_for_selector("#override-form")
    main_text = page.inner_text(".case-main")
    for heading in ("Summary", "Patient", "Products", "Reactions", "Narrative", "Assessment"):
        assert heading in main_text
    assert "reactions.0." not in main_text and "products.0." not in main_text
    aside = page.locator(".case-actions").bounding_box()
    main = page.locator(".case-main").bounding_box()
    assert aside and main and aside["x"] > main["x"] + main["width"] - 5  # side panel
    page.screenshot(path=str(ARTIFACTS / "case-page-assessor.png"), full_page=False)
    page.screenshot(path=str(ARTIFACTS / "case-page-assessor-full.png"), full_page=True)

    # the value list follows the chosen answer
    page.select_option("#override-target", "who_umc.category")
    visible = page.locator("#override-value optgroup:not([hidden]) option").all_inner_texts()
    assert visible == ["Certain", "Probable", "Possible", "Unlikely", "Conditional", "Unassessable"]
    page.select_option("#override-value", "possible")
    page.click("#override-submit")  # no reason: refused beside the field, choices kept
    page.wait_for_selector("#override-errors")
    assert "say why" in page.inner_text("#override-form")
    assert page.input_value("#override-target") == "who_umc.category"
    assert page.input_value("#override-value") == "possible"
    page.screenshot(path=str(ARTIFACTS / "override-error.png"))
    page.fill("#override-reason", "an alternative cause is as likely")
    page.click("#override-submit")
    page.wait_for_selector(".notice")
    assert page.inner_text("#who-umc").strip() == "Possible"
    assert "overridden" in page.inner_text("#summary")
    page.screenshot(path=str(ARTIFACTS / "override-done.png"))
    page.emulate_media(media="print")
    assert not page.locator(".case-actions").is_visible()
    page.screenshot(path=str(ARTIFACTS / "case-page-print.png"), full_page=True)
    assert page.errors == []
