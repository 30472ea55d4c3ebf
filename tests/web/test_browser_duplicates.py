"""Browser test of duplicate management (issue 16, section 4) in Chromium at 1280 px.

A registry holding the seed case three times (the publication twice, the clinician's
report once) and an unrelated filler case: the assessor starts a run from the page,
follows its progress to the end, reads a pair side by side (plain table, shared values
marked, the score explained), merges it (nothing is chosen until they choose), is
told what was done, sees the pair of the merged case set aside with the master to
compare with, and finds the decision in the audit trail and on the case page. No page
logs a console error. Screenshots go to ``test-artifacts/duplicates-*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_series_duplicates import clinician_copy, filler_case
from webtools import ARTIFACTS, PASSWORD, chromium, served

from dermavigil.demo import load_seed_case
from dermavigil.registry import CaseService, UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.web.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def served_app(tmp_path_factory: pytest.TempPathFactory, shared_data) -> Iterator[tuple]:  # type: ignore[no-untyped-def]
    home = tmp_path_factory.mktemp("duplicates-browser")
    settings = load_settings({"DERMAVIGIL_HOME": str(home), "DERMAVIGIL_REQUIRE_2FA": "0"})
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        UserService(session).create("assessor1", "assessor", PASSWORD, must_change_password=False)
        service = CaseService(session)
        ids = [
            service.create(case, by="assessor1").case_id
            for case in (load_seed_case(), clinician_copy(), load_seed_case(), filler_case())
        ]
    with served(create_app(settings, registry)) as url:
        yield url, ids
    registry.close()


@pytest.fixture
def page(chromium_path: str):  # type: ignore[no-untyped-def]
    with chromium(chromium_path) as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.errors = []  # type: ignore[attr-defined]
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        yield page


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.screenshot(path=str(ARTIFACTS / f"duplicates-{name}.png"), full_page=True)


def test_run_read_merge_and_audit_a_pair(page, served_app) -> None:  # type: ignore[no-untyped-def]
    url, (a, b, c, _filler) = served_app
    page.goto(f"{url}/login")
    page.fill("input[name=username]", "assessor1")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{url}/duplicates")
    page.fill("#duplicate-run input[name=threshold]", "0.5")
    page.click("#duplicate-run button[type=submit]")
    page.wait_for_selector("#job-status")
    _shot(page, "1-job")
    for _ in range(120):  # the page refreshes itself every 2 s until the run ends
        if page.inner_text("#job-status") in ("done", "failed"):
            break
        page.wait_for_timeout(1000)
    assert page.inner_text("#job-status") == "done", page.inner_text("main")
    assert "3 candidate pair(s) among 4 active cases" in page.inner_text("#duplicate-summary")
    page.click("text=Review the pairs")

    pair = page.locator(f"#pair-{a}-{c}")
    table = pair.locator("table.pair-evidence")
    style = table.evaluate(
        "t => [getComputedStyle(t).display, getComputedStyle(t).borderLeftWidth]"
    )
    assert style == ["table", "0px"]  # a table, not a quoted-evidence block
    assert pair.locator(".shared").count() > 3
    assert "plus the facts' weights" in pair.locator(".pair-score").inner_text()
    assert pair.locator("select[name=decision]").input_value() == ""  # nothing chosen
    _shot(page, "2-pairs")

    pair.locator("select[name=decision]").select_option("same")
    pair.locator("select[name=master]").select_option(a)
    pair.locator("input[name=reason]").fill("the publication entered twice")
    pair.locator("button[type=submit]").click()
    notice = page.locator("#decision-notice").inner_text()
    assert f"{c} merged into {a}" in notice
    aside = page.locator("#superseded-pairs")
    aside.locator("summary").click()
    assert f"{c} was merged into {a}" in aside.inner_text()
    assert page.locator(f"#pair-{b}-{c}").count() == 0
    _shot(page, "3-merged")

    page.click("text=All decisions (audit trail)")
    row = page.locator("#decisions tr.decision").first.inner_text()
    assert f"{c} merged into {a}" in row and "the publication entered twice" in row
    _shot(page, "4-audit")
    page.goto(f"{url}/cases/{c}")
    assert f"Merged into {a}" in page.locator("#case-duplicates").inner_text()
    _shot(page, "5-merged-case")
    assert page.errors == []  # type: ignore[attr-defined]
