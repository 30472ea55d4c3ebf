"""The literature review in Chromium, as an assessor runs it: upload a search's RIS export
on the drafts page, read every record's outcome and reason, open the case report's draft,
see each value's evidence, correct a value, save and accept, and see the case.

Records are our own texts (tests/data/literature/biblio/screening.ris). Screenshots go to
``test-artifacts/``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webtools import ARTIFACTS, PASSWORD, served

from dermavigil.registry import UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RIS = Path(__file__).resolve().parents[1] / "data" / "literature" / "biblio" / "screening.ris"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("literature-browser-home")
    settings = load_settings({"DERMAVIGIL_HOME": str(home), "DERMAVIGIL_REQUIRE_2FA": "0"})
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        UserService(session).create("reviewer", "assessor", PASSWORD, must_change_password=False)
    with served(create_app(settings, registry)) as url:
        yield url
    registry.close()


def test_a_literature_search_from_upload_to_case(page, base_url):  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}/login")
    page.fill("input[name=username]", "reviewer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/cases")
    page.click("nav >> text=Drafts")
    page.set_input_files("#literature-import-form input[type=file]", str(RIS))
    page.click("#literature-import-form button[type=submit]")
    page.wait_for_selector("#screened-records", timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "literature-screened.png"), full_page=True)
    rows = page.locator("#screened-records tbody tr")
    assert rows.count() == 6
    spanish = page.locator("#screened-records tr[data-outcome=to_read] .reason").inner_text()
    assert "Spanish" in spanish  # the reason a record is to read, whole
    page.click("#screened-records tr[data-outcome=draft] a")
    page.wait_for_selector("#source-text mark")
    quoted = page.locator('[data-evidence-for="products.0.name"]').inner_text()
    assert "phosphatidylcholine" in quoted.lower()  # the value's evidence beside it
    page.screenshot(path=str(ARTIFACTS / "literature-draft-review.png"), full_page=True)
    page.fill('[id="f-products.0.lot"]', "B-2024-7")
    page.click("#accept-draft")
    page.wait_for_selector("#who-umc")
    assert "B-2024-7" in page.inner_text("main")  # the correction made before accepting
    assert "active" in page.inner_text("main")
    page.screenshot(path=str(ARTIFACTS / "literature-accepted-case.png"), full_page=True)
    # the screening log keeps every record of the search; a screened-out one reopens from it
    page.goto(f"{base_url}/literature/screenings")
    assert page.locator("#screenings tbody tr").count() == 6
    page.select_option("#screening-filters select[name=outcome]", "skipped")
    page.click("#screening-filters button[type=submit]")
    page.wait_for_url("**outcome=skipped**")
    assert page.locator("#screenings tbody tr").count() == 3
    page.screenshot(path=str(ARTIFACTS / "literature-screening-log.png"), full_page=True)
    # the next week's search returns the same records: each is listed and logged as seen,
    # none drafted twice, the partial one still offered for completion
    page.click("nav >> text=Drafts")
    page.set_input_files("#literature-import-form input[type=file]", str(RIS))
    page.click("#literature-import-form button[type=submit]")
    page.wait_for_selector("#screened-records", timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "literature-second-search.png"), full_page=True)
    assert page.locator("#screened-records tr[data-outcome=seen]").count() == 6
    partial = page.locator("#screened-records tbody tr").nth(4)
    assert "Open to complete" in partial.inner_text()
    page.goto(f"{base_url}/literature/screenings?outcome=seen")
    assert page.locator("#screenings tbody tr").count() == 6
    page.screenshot(path=str(ARTIFACTS / "literature-screening-log-seen.png"), full_page=True)


def test_a_pasted_text_whose_reaction_is_not_coded_keeps_its_stated_admission(page, base_url):  # type: ignore[no-untyped-def]
    """Our text ds01: a gel that migrated (no vocabulary term) and an admission. The
    completion page offers the admission in the first reaction row, highlighted in the text,
    so the assessor writes only the reaction."""
    text = (RIS.parents[1] / "ds01_serious_without_a_reaction.txt").read_text(encoding="utf-8")
    page.goto(f"{base_url}/login")
    page.fill("input[name=username]", "reviewer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/cases")
    page.goto(f"{base_url}/drafts")
    page.fill("#extract-form textarea[name=text]", text)
    page.click("#extract-form button[type=submit]")
    page.wait_for_selector("#source-text mark")
    chosen = page.locator('[name="reactions.0.seriousness"] option:checked').all_inner_texts()
    assert any("hospital" in option.lower() for option in chosen)
    assert page.locator('[name="reactions.0.verbatim"]').input_value() == ""
    page.screenshot(path=str(ARTIFACTS / "draft-completion-stated-facts.png"), full_page=True)
