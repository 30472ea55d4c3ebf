"""The server-rendered pages: intake form (errors beside fields, input kept), case list and
case page (timeline, assessment, history), edit as a new version, override, retract."""

from __future__ import annotations

import re

from webtools import bearer

from dermavigil.demo import load_seed_case
from dermavigil.web.forms import flatten


def _seed_form() -> dict:
    return flatten(load_seed_case().model_dump(mode="json", exclude_none=True))


def _submit(browser, form: dict, path: str = "/cases/new"):  # type: ignore[no-untyped-def]
    return browser.client.post(
        path, data={**form, "csrf_token": browser.csrf}, follow_redirects=False
    )


def test_seed_case_through_the_form(as_reporter):  # type: ignore[no-untyped-def]
    response = _submit(as_reporter, _seed_form())
    assert response.status_code == 303, response.text[:2000]
    case_url = response.headers["location"].split("?")[0]
    page = as_reporter.client.get(case_url).text
    assert "Off-label route" in page
    who = re.search(r'id="who-umc">([A-Za-z]+)<', page)
    assert who and who.group(1).lower() in {"certain", "probable", "possible"}
    assert 'id="naranjo-items"' in page and page.count("<tr><td>") >= 10
    assert "upper arm" in page  # rechallenge site, on the timeline and products table
    assert 'id="timeline"' in page and "exposure" in page and "treatment" in page
    stored = load_seed_case()
    assert stored.products[0].name in page


def test_form_errors_sit_beside_fields_and_input_is_kept(as_reporter):  # type: ignore[no-untyped-def]
    form = _seed_form()
    form["products.0.route"] = "intradermall"
    form["reactions.0.onset_date"] = "2023-02-30"
    form["patient.initials"] = "J. Q. 7"
    response = _submit(as_reporter, form)
    assert response.status_code == 422
    html = response.text
    assert 'id="err-products.0.route"' in html
    assert 'id="err-reactions.0.onset_date"' in html
    assert 'id="err-patient.initials"' in html
    assert 'value="2023-02-30"' in html  # the typed input is kept
    assert 'value="J. Q. 7"' in html
    assert as_reporter.client.get("/api/cases").json()["total"] == 0


def test_rows_added_in_the_form_become_list_items(as_reporter):  # type: ignore[no-untyped-def]
    form = _seed_form()
    form["products.1.name"] = "Lidocaine cream"
    form["products.1.role"] = "concomitant"
    form["products.1.route"] = "topical"
    form["reactions.5.verbatim"] = "pruritus"  # a gap in the numbering is fine
    form["findings.3.kind"] = "histopathology"  # a blank row: only defaulted selects
    response = _submit(as_reporter, form)
    assert response.status_code == 303, response.text[:2000]
    case_id = response.headers["location"].split("/")[2].split("?")[0]
    case = as_reporter.client.get(f"/api/cases/{case_id}").json()["case"]
    assert [p["name"] for p in case["products"]][-1] == "Lidocaine cream"
    assert case["reactions"][-1]["verbatim"] == "pruritus"
    assert len(case["findings"]) == len(load_seed_case().findings)


def test_form_post_without_csrf_is_refused(as_reporter):  # type: ignore[no-untyped-def]
    response = as_reporter.client.post("/cases/new", data=_seed_form())
    assert response.status_code == 403 and "CSRF" in response.text


def test_list_filters_and_case_page_for_roles(as_reporter, as_assessor):  # type: ignore[no-untyped-def]
    case_url = _submit(as_reporter, _seed_form()).headers["location"].split("?")[0]
    case_id = case_url.rsplit("/", 1)[1]
    listing = as_assessor.client.get("/cases", params={"off_label": "true"}).text
    assert case_id in listing
    bad_status = as_assessor.client.get("/cases", params={"status": "deleted"})
    assert bad_status.status_code == 422 and "status" in bad_status.text
    empty = as_assessor.client.get("/cases", params={"category": "ha_filler"}).text
    assert case_id not in empty and "No case matches" in empty
    reporter_page = as_reporter.client.get(case_url).text
    assert 'id="override-form"' not in reporter_page
    assessor_page = as_assessor.client.get(case_url).text
    assert 'id="override-form"' in assessor_page and 'id="code-terms"' in assessor_page
    assert 'id="code-terms"' not in reporter_page
    assert as_reporter.client.get(f"{case_url}/edit").status_code == 403


def test_override_edit_and_history_through_pages(as_reporter, as_assessor):  # type: ignore[no-untyped-def]
    case_url = _submit(as_reporter, _seed_form()).headers["location"].split("?")[0]
    override = as_assessor.client.post(
        f"{case_url}/override",
        data={
            "target": "naranjo.items.1",
            "value": "yes",
            "reason": "published similar reports",
            "csrf_token": as_assessor.csrf,
        },
        follow_redirects=False,
    )
    assert override.status_code == 303
    edit_page = as_assessor.client.get(f"{case_url}/edit").text
    version = re.search(r'name="expected_version" value="(\d+)"', edit_page).group(1)
    form = _seed_form()
    form["patient.weight_kg"] = "80"
    saved = _submit(as_assessor, {**form, "expected_version": version}, f"{case_url}/edit")
    assert saved.status_code == 303
    stale = _submit(as_assessor, {**form, "expected_version": version}, f"{case_url}/edit")
    assert stale.status_code == 409 and "reload" in stale.text
    page = as_assessor.client.get(case_url).text
    assert "published similar reports" in page
    assert "Patient · weight (kg)" in page  # the difference shown in the history, in words
    assert "patient.weight_kg" not in page
    assert "Naranjo question 1:" in page  # the override, named in words too
    assert page.count("<td>assessor</td>") >= 2


def test_other_pages_render(as_admin):  # type: ignore[no-untyped-def]
    client = as_admin.client
    for path in ("/cases/new", "/drafts", "/signals", "/imports", "/users", "/about"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        assert "/static/dermavigil.css" in response.text
    about = client.get("/about").text
    assert "Human Phenotype Ontology" in about and 'id="hpo-release"' in about
    assert client.get("/static/dermavigil.js").status_code == 200
    missing = client.get("/cases/DV-999999")
    assert missing.status_code == 404 and "no case" in missing.text.lower()


def test_users_page_creates_accounts(as_admin, as_reporter):  # type: ignore[no-untyped-def]
    data = {
        "username": "derm1",
        "role": "assessor",
        "password": "a long password",
        "csrf_token": as_admin.csrf,
    }
    created = as_admin.client.post("/users", data=data, follow_redirects=False)
    assert created.status_code == 303
    assert "derm1" in as_admin.client.get("/users").text
    refused = as_reporter.client.post("/users", data={**data, "csrf_token": as_reporter.csrf})
    assert refused.status_code == 403
    bad = as_admin.client.post("/users", data={**data, "username": "derm2", "password": "short"})
    assert bad.status_code == 422 and "password" in bad.text


def test_no_asset_comes_from_the_network(as_admin):  # type: ignore[no-untyped-def]
    client = as_admin.client
    docs = client.get("/api/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    for path in ("/api/docs", "/cases/new", "/signals", "/about", "/login"):
        html = client.get(path).text
        assert not re.search(r'(src|href)="(https?:)?//', html), path


def test_case_page_shows_every_fact_in_words(as_reporter):  # type: ignore[no-untyped-def]
    case_url = _submit(as_reporter, _seed_form()).headers["location"].split("?")[0]
    page = as_reporter.client.get(case_url).text
    seed = load_seed_case()
    order = [page.index(f'id="{s}"') for s in (
        "summary", "report-summary", "patient", "products", "reactions", "narrative",
        "assessment", "history-section",
    )]  # fmt: skip
    assert order == sorted(order)  # grouped as an assessor reads a case
    if seed.patient.sex:
        assert f"<dt>Sex</dt><dd>{seed.patient.sex.value.capitalize()}</dd>" in page
    if seed.report.received_date:
        assert f"<dt>Date received</dt><dd>{seed.report.received_date}</dd>" in page
    assert "Labelled route" in page and "Route used" in page
    assert not re.search(r"\b(reactions|products|findings|treatments)\.\d+\.[a-z_]+", page)
    assert 'class="badge met">met<' in page and 'class="badge warn">yes</span></td>' not in page
    assert 'style="' not in page and "<script>" not in page  # strict CSP


def _override(browser, case_url: str, target: str, value: str, reason: str):  # type: ignore[no-untyped-def]
    data = {"target": target, "value": value, "reason": reason, "csrf_token": browser.csrf}
    return browser.client.post(f"{case_url}/override", data=data, follow_redirects=False)


def test_override_form_keeps_input_and_shows_errors_inline(as_reporter, as_assessor):  # type: ignore[no-untyped-def]
    case_url = _submit(as_reporter, _seed_form()).headers["location"].split("?")[0]
    page = as_assessor.client.get(case_url).text
    assert '<option value="who_umc.category"' in page and '<option value="unlikely"' in page
    bad = _override(as_assessor, case_url, "who_umc.category", "maybe", "my typed reason")
    assert bad.status_code == 422
    assert "my typed reason</textarea>" in bad.text
    assert 'id="override-value-error">choose one of: Certain, Probable' in bad.text
    assert '<option value="who_umc.category" selected>' in bad.text
    no_reason = _override(as_assessor, case_url, "who_umc.category", "possible", " ")
    assert no_reason.status_code == 422 and "say why" in no_reason.text
    assert 'data-target="who_umc.category" selected>Possible' in no_reason.text
    good = _override(as_assessor, case_url, "who_umc.category", "possible", "alternative")
    assert good.status_code == 303
    after = as_assessor.client.get(case_url).text
    headline = after[after.index('id="summary"') : after.index('id="report-summary"')]
    assert 'WHO-UMC causality <span class="badge overridden"' in headline
    assert 'id="who-umc">Possible<' in headline


def test_intake_form_guides_and_looks_up_terms(client, as_reporter):  # type: ignore[no-untyped-def]
    page = as_reporter.client.get("/cases/new").text
    assert 'id="minimum-criteria"' in page and 'class="need required"' in page
    routes = page[page.index('id="f-products.0.route"') :]
    routes = routes[: routes.index("</select>")]
    assert (
        routes.index(">Intradermal<") < routes.index(">Subcutaneous<") < routes.index(">Auricular<")
    )
    assert "data-checklist" in page and 'id="dl-products"' in page
    empty = _submit(as_reporter, {})
    assert empty.status_code == 422
    assert "an identifiable patient is needed" in empty.text
    assert "Field required" not in empty.text
    headers = bearer(client, "reporter")
    terms = client.get("/api/terms", params={"q": "skin necrosis"}, headers=headers).json()
    assert terms and terms[0]["code"].startswith("HP:") and "necrosis" in terms[0]["label"].lower()
    form = _seed_form()
    form.update({"reactions.0.codes.0.system": "HPO", "reactions.0.codes.0.code": "HP:0033126",
                 "reactions.0.codes.0.label": "Cutaneous necrosis"})  # fmt: skip
    saved = _submit(as_reporter, form)
    assert saved.status_code == 303
    case = client.get(saved.headers["location"].split("?")[0].replace("/cases", "/api/cases"),
                      headers=headers).json()["case"]  # fmt: skip
    assert case["reactions"][0]["codes"][0]["code"] == "HP:0033126"
