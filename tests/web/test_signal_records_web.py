"""Signal records on the web: the JSON API, the pages' forms, and a walk in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webtools import ARTIFACTS, PASSWORD, bearer, chromium, served

from dermavigil.domain.signal import CHECKLIST
from dermavigil.ingest.runner import run_import
from dermavigil.registry import UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.signals.runs import run_and_save
from dermavigil.web.app import create_app

PAIR = {"category": "exosome", "reaction": "skin necrosis"}


def test_api_walks_a_signal_and_refuses_reporters(client) -> None:  # type: ignore[no-untyped-def]
    headers = bearer(client, "assessor")
    created = client.post(
        "/api/signal-records",
        json={"title": "Exosomes and necrosis", "pair": PAIR},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    sid = created.json()["signal_id"]
    refused = client.post(
        f"/api/signal-records/{sid}/status",
        json={"status": "validated", "reason": "x"},
        headers=headers,
    )
    assert refused.status_code == 422
    assert {p["location"] for p in refused.json()["problems"]} == {
        f"checklist.{k}" for k in CHECKLIST
    }
    answers = {k: {"answer": "yes", "note": "ok"} for k in CHECKLIST}
    patched = client.patch(
        f"/api/signal-records/{sid}",
        json={"changes": {"checklist": answers}, "reason": "checked"},
        headers=headers,
    )
    assert patched.status_code == 200 and patched.json()["version"] == 2
    for status, extra in (("validated", {}), ("closed", {"outcome": "monitoring"})):
        moved = client.post(
            f"/api/signal-records/{sid}/status",
            json={"status": status, "reason": f"to {status}", **extra},
            headers=headers,
        )
        assert moved.status_code == 200, moved.text
    detail = client.get(f"/api/signal-records/{sid}", headers=headers).json()
    assert detail["signal"]["record"]["outcome"] == "monitoring"
    assert [h["action"] for h in detail["history"]] == ["create", "update", "status", "status"]
    pdf = client.get(f"/api/signal-records/{sid}/report.pdf", headers=headers)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf.headers["content-disposition"]
    reporter = bearer(client, "reporter")
    assert client.get("/api/signal-records", headers=reporter).status_code == 403
    assert client.get(f"/api/signal-records/{sid}", headers=reporter).status_code == 403
    assert client.get("/api/signal-alerts", headers=reporter).status_code == 200


def test_page_forms_keep_input_on_error(as_assessor) -> None:  # type: ignore[no-untyped-def]
    client = as_assessor.client
    empty = client.post(
        "/signal-records", data={"title": "", "pair": "exosome", "csrf_token": as_assessor.csrf}
    )
    assert empty.status_code == 422 and "give the signal a title" in empty.text
    assert 'value="exosome"' in empty.text
    made = client.post(
        "/signal-records",
        data={
            "title": "Exosomes and necrosis",
            "pair": "category=exosome,reaction=skin necrosis",
            "csrf_token": as_assessor.csrf,
        },
        follow_redirects=False,
    )
    assert made.status_code == 303
    url = made.headers["location"].split("?")[0]
    bad = client.post(
        f"{url}/status",
        data={"status": "not_validated", "reason": "", "csrf_token": as_assessor.csrf},
    )
    assert bad.status_code == 422 and "say why" in bad.text
    ok = client.post(
        f"{url}/status",
        data={"status": "not_validated", "reason": "one case only", "csrf_token": as_assessor.csrf},
        follow_redirects=False,
    )
    assert ok.status_code == 303
    page = client.get(url).text
    assert "Not validated (closed)" in page and "one case only" in page


@pytest.fixture(scope="module")
def vaers_app(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Iterator[str]:
    home = tmp_path_factory.mktemp("signal-browser")
    settings = load_settings({"DERMAVIGIL_HOME": str(home), "DERMAVIGIL_REQUIRE_2FA": "0"})
    zips = shared_data / "vaers_1990_2006_official_zips"
    run_import(settings, "vaers", [zips / "1998VAERSData.zip"])
    run_and_save(settings)
    run_import(settings, "vaers", [zips / "1998VAERSData.zip", zips / "1999VAERSData.zip"])
    run_and_save(settings)  # the second run alerts on RotaShield x intussusception
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        UserService(session).create("analyst", "assessor", PASSWORD, must_change_password=False)
    with served(create_app(settings, registry)) as url:
        yield url
    registry.close()


@pytest.mark.browser
@pytest.mark.slow
def test_a_signal_walked_through_its_statuses_in_chromium(  # type: ignore[no-untyped-def]
    vaers_app: str, chromium_path: str
) -> None:
    with chromium(chromium_path) as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{vaers_app}/login")
        page.fill("input[name=username]", "analyst")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{vaers_app}/cases")
        page.goto(f"{vaers_app}/signals")
        banner = page.inner_text("#new-signals")
        assert "newly meeting a criterion" in banner and "intussusception" in banner
        page.click("#new-signals a")
        page.wait_for_url(f"{vaers_app}/signal-records#alerts")
        row = page.locator("#alert-list tr", has_text="intussusception").first
        row.locator("button", has_text="Record as signal").click()
        page.wait_for_selector("#signal-status")
        assert page.locator("#trend-chart svg").count() == 1
        page.screenshot(path=str(ARTIFACTS / "signal-new.png"), full_page=True)
        for key in CHECKLIST:
            page.select_option(f'select[name="{key}.answer"]', "yes")
        page.click("#checklist-form button[type=submit]")
        page.wait_for_selector("text=Saved.")
        steps = [("validated", "checklist complete"), ("prioritised", "infants")]
        for status, reason in steps:
            if status == "prioritised":
                page.select_option("#priority-select", "high")
                page.click("#edit-form button[type=submit]")
                page.wait_for_selector("text=Saved.")
            page.select_option("#status-select", status)
            page.fill("#status-reason", reason)
            page.click("#status-form button[type=submit]")
            page.wait_for_selector("text=Saved.")
        page.select_option("#status-select", "under_assessment")
        page.fill("#status-reason", "assessment")
        page.click("#status-form button[type=submit]")
        page.wait_for_selector("text=Saved.")
        assert errors == [], errors
        page.select_option("#status-select", "closed")
        page.fill("#status-reason", "risk confirmed by case review")
        page.click("#status-form button[type=submit]")  # no outcome: refused, input kept
        assert "needs its outcome" in page.inner_text("#status-form")
        assert page.input_value("#status-reason") == "risk confirmed by case review"
        assert len(errors) == 1 and "422" in errors[0]  # the refused form's own answer
        errors.clear()
        page.select_option("#outcome-select", "confirmed_risk")
        page.click("#status-form button[type=submit]")
        page.wait_for_selector("#signal-outcome")
        assert page.inner_text("#signal-status") == "Closed"
        history = page.inner_text("#history")
        assert "risk confirmed by case review" in history and "analyst" in history
        page.screenshot(path=str(ARTIFACTS / "signal-closed.png"), full_page=True)
        with page.expect_download() as download:
            page.click("#report-pdf")
        assert download.value.suggested_filename.endswith("assessment-report.pdf")
        assert errors == [], errors
