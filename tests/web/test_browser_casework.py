"""Browser tests of the assessor's day in Chromium: a case is received (on the overdue
board), the assessor takes it into review, judges it, overrides an answer with the form
(a refused value shown inline, the reason kept), marks it assessed within its clock and
closes it; the case page read whole and its print view. Every page is checked for console
errors; screenshots go to ``test-artifacts/`` (look at them)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from webtools import ARTIFACTS, PASSWORD, chromium
from webtools import served as served_app

from dermavigil.demo import load_seed_case
from dermavigil.domain.dates import PartialDate
from dermavigil.registry import CaseService, UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The app over a registry holding the seed case, an assessor and a clinician."""
    home = tmp_path_factory.mktemp("casework-home")
    settings = load_settings({"DERMAVIGIL_HOME": str(home), "DERMAVIGIL_REQUIRE_2FA": "0"})
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        users = UserService(session)
        users.create("assessor1", "assessor", PASSWORD, must_change_password=False)
        users.create("clinician", "reporter", PASSWORD, must_change_password=False)
        users.create("lead", "admin", PASSWORD, must_change_password=False)
        stored = CaseService(session).create(load_seed_case(), by="clinician")
        seed = load_seed_case()
        received = PartialDate.model_validate(
            (datetime.now(UTC).date() - timedelta(days=2)).isoformat()
        )
        report = seed.report.model_copy(update={"received_date": received})
        incoming = CaseService(session).create(
            seed.model_copy(update={"report": report}), by="clinician"
        )
    with served_app(create_app(settings, registry)) as url:
        yield {"url": url, "case_id": stored.case_id, "incoming": incoming.case_id}
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


def test_assessor_receives_assesses_within_the_clock_and_closes(browser, served):  # type: ignore[no-untyped-def]
    base, case_id = served["url"], served["incoming"]
    page = _open(browser)
    _login(page, base, "assessor1")
    page.goto(f"{base}/workflow")
    assert page.locator("#unassigned-table").inner_text().count(case_id) == 1
    page.screenshot(path=str(ARTIFACTS / "workflow-board.png"), full_page=True)
    page.click(f"#unassigned-table >> text={case_id}")
    page.wait_for_selector("#workflow-panel")
    assert "Day 2 of 15" in page.inner_text("#case-clock")
    page.click("#move-in_review")
    page.wait_for_selector(".notice")
    assert page.inner_text("#workflow-stage") == "In review"
    assert page.inner_text("#case-assignee") == "assessor1"
    page.select_option("#expectedness-select", "unexpected")
    page.click("#assign-submit")
    page.wait_for_selector(".notice")
    page.fill("#comment-text", "asked the clinic for the biopsy report")
    page.click("#comment-submit")
    page.wait_for_selector("#comments")
    page.goto(f"{base}/inbox")
    assert case_id in page.inner_text("#inbox-table")
    page.screenshot(path=str(ARTIFACTS / "inbox.png"), full_page=True)
    page.goto(f"{base}/cases/{case_id}")
    page.select_option("#override-target", "naranjo.items.6")
    choice = page.locator('#override-value optgroup:not([hidden]) option[value="no"]')
    assert choice.count() == 1  # the values of the chosen answer only
    page.select_option("#override-value", element=choice.element_handle())
    page.fill("#override-reason", "no placebo was given")
    page.click("#override-submit")
    page.wait_for_selector(".notice")
    assert "1 answer overridden" in page.inner_text("#summary")
    page.click("#move-assessed")
    page.wait_for_selector(".notice")
    clock_text = page.inner_text("#case-clock")
    assert "clock met" in clock_text and "day 2 of 15" in clock_text
    page.screenshot(path=str(ARTIFACTS / "case-assessed.png"))
    page.click("#move-closed")
    page.wait_for_selector(".notice")
    assert page.inner_text("#workflow-stage") == "Closed"
    history = page.inner_text("#history")
    assert "Workflow status" in history and "assessed" in history and "closed" in history
    page.screenshot(path=str(ARTIFACTS / "case-closed-full.png"), full_page=True)
    assert page.errors == []


def test_api_docs_render_the_openapi_31_operations(browser, served):  # type: ignore[no-untyped-def]
    """Swagger UI 5 (served locally from swagger-ui-py) reads FastAPI's OpenAPI 3.1."""
    page = _open(browser)
    page.goto(f"{served['url']}/api/docs")
    page.wait_for_selector(".opblock", timeout=20000)
    assert page.locator(".opblock").count() > 20
    text = page.inner_text("#swagger-ui")
    assert "Unable to render" not in text and "/api/cases/{case_id}/workflow" in text
    assert "OAS 3.1" in text
    page.screenshot(path=str(ARTIFACTS / "api-docs.png"))
    assert page.errors == []


def test_a_clinician_reports_from_a_phone(browser, served):  # type: ignore[no-untyped-def]
    """390 px wide: the minimum criteria are marked, an empty submit says what is missing in
    plain words, routes are searchable, the reaction look-up stores the HPO code, the draft
    survives a reload, and nothing is wider than the screen."""
    base = served["url"]
    page = _open(browser, width=390, height=844)
    _login(page, base, "clinician")
    page.goto(f"{base}/cases/new")
    page.wait_for_selector("#minimum-criteria")
    wide = "document.documentElement.scrollWidth"
    assert page.evaluate(wide) <= 390
    page.screenshot(path=str(ARTIFACTS / "intake-phone-top.png"))
    page.click("#submit-case")
    page.wait_for_selector("#form-errors")
    summary = page.inner_text("#form-errors")
    assert "identifiable patient is needed" in summary or "Patient" in summary
    assert "Field required" not in summary and "products.0" not in summary
    page.screenshot(path=str(ARTIFACTS / "intake-phone-errors.png"), full_page=True)
    page.select_option('[id="f-report.reporter.qualification"]', "physician")
    page.fill('[id="f-report.reporter.country"]', "TH")
    page.select_option('[id="f-patient.sex"]', "female")
    page.fill('[id="f-products.0.name"]', "Exosome serum")
    page.fill('[name="products.0.route"] >> xpath=preceding-sibling::input[1]', "intrader")
    assert page.input_value('[id="f-products.0.route"]') == "intradermal"
    page.fill('[id="f-reactions.0.verbatim"]', "skin necr")
    page.wait_for_selector('[id="dl-reactions.0.verbatim"] option', state="attached")
    label = page.eval_on_selector('[id="dl-reactions.0.verbatim"] option', "o => o.value")
    page.fill('[id="f-reactions.0.verbatim"]', label)
    page.dispatch_event('[id="f-reactions.0.verbatim"]', "change")
    code = page.input_value('[name="reactions.0.codes.0.code"]')
    assert code.startswith("HP:")
    page.fill('[id="f-reactions.0.onset_date"]', "2026-11")  # a partial date
    page.wait_for_timeout(600)  # the draft is saved after a pause in typing
    page.goto(f"{base}/cases/new")  # coming back later: the draft is offered
    page.wait_for_selector("#draft-notice:not([hidden])")
    page.click("[data-draft-restore]")
    assert page.input_value('[id="f-products.0.name"]') == "Exosome serum"
    assert page.input_value('[name="reactions.0.codes.0.code"]') == code
    assert page.evaluate(wide) <= 390
    page.screenshot(path=str(ARTIFACTS / "intake-phone-filled.png"), full_page=True)
    page.click("#submit-case")
    page.wait_for_selector("#who-umc")
    assert code in page.inner_text("#reaction-table")
    assert page.evaluate(wide) <= 390
    page.screenshot(path=str(ARTIFACTS / "case-page-phone.png"), full_page=True)
    assert page.errors == []
