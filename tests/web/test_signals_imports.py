"""The signals API and dashboard over a real store (CAERS subset + VAERS 1990), and imports
uploaded through the API and followed by job id."""

from __future__ import annotations

import time
from pathlib import Path

import pyarrow.compute as pc
import pytest
from webtools import bearer

from dermavigil.ingest.runner import run_import
from dermavigil.settings import load_settings
from dermavigil.signals import runs as signal_runs
from dermavigil.store.layout import read_table
from dermavigil.web.app import create_app

CAERS = "caers_openebgm_subset/caers.csv"
VAERS_1990 = "vaers_1990_2006_official_zips/1990VAERSData.zip"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    """A store with CAERS and VAERS 1990 imported and a signal run saved."""
    home = tmp_path_factory.mktemp("signals-home")
    settings = load_settings({"DERMAVIGIL_HOME": str(home)})
    run_import(settings=settings, source="caers", paths=[shared_data / CAERS])
    run_import(settings=settings, source="vaers", paths=[shared_data / VAERS_1990])
    signal_runs.run_and_save(settings)
    return settings.store_dir


@pytest.fixture
def signals_client(web_settings, registry, store_dir):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    settings = load_settings(
        {
            "DERMAVIGIL_HOME": str(web_settings.home),
            "DERMAVIGIL_STORE_DIR": str(store_dir),
            "DERMAVIGIL_REQUIRE_2FA": "0",
        }
    )
    return TestClient(create_app(settings, registry))


def test_query_filters_thresholds_and_order(signals_client, store_dir):  # type: ignore[no-untyped-def]
    headers = bearer(signals_client, "reporter")
    body = signals_client.get(
        "/api/signals", params={"scope": "all", "limit": 50}, headers=headers
    ).json()
    assert body["keys"] == ["category", "product", "reaction"]
    eb05 = [r["eb05"] for r in body["items"]]
    assert eb05 == sorted(eb05, reverse=True)  # strongest first
    full = signal_runs.load(load_settings({"DERMAVIGIL_STORE_DIR": str(store_dir)}))
    assert body["total"] == full.num_rows
    params = {"scope": "all", "product": "PREVAGEN", "min_n": 2, "limit": 1000}
    found = signals_client.get("/api/signals", params=params, headers=headers).json()
    expected = full.filter(
        pc.and_(
            pc.match_substring(full["product"], "prevagen", ignore_case=True),
            pc.greater_equal(full["n"], 2),
        )
    )
    assert found["total"] == expected.num_rows > 0
    assert all("prevagen" in r["product"] and r["n"] >= 2 for r in found["items"])
    flagged = signals_client.get(
        "/api/signals", params={"scope": "all", "signal": "ebgm", "limit": 1000}, headers=headers
    ).json()
    assert flagged["total"] == pc.sum(full["signal_ebgm"]).as_py()
    by_n = signals_client.get(
        "/api/signals", params={"scope": "all", "sort": "n", "descending": "false"}, headers=headers
    ).json()
    assert [r["n"] for r in by_n["items"]] == sorted(r["n"] for r in by_n["items"])
    bad = signals_client.get("/api/signals", params={"sort": "nonsense"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["problems"][0]["location"] == "sort"


def test_levels_by_product_and_by_route(signals_client):  # type: ignore[no-untyped-def]
    headers = bearer(signals_client, "reporter")
    caers = signals_client.get(
        "/api/signals", params={"scope": "all", "category": "other", "limit": 5}, headers=headers
    ).json()
    assert caers["total"] > 0  # CAERS lines have no route: counted by product only
    routed = signals_client.get(
        "/api/signals", params={"scope": "all", "level": "route", "limit": 1000}, headers=headers
    ).json()
    assert routed["keys"] == ["category", "product", "route", "reaction"]
    assert all(r["route"] and r["category"] == "vaccine" for r in routed["items"])


def test_pair_detail_matches_an_independent_count(signals_client, store_dir):  # type: ignore[no-untyped-def]
    headers = bearer(signals_client, "assessor")
    top = signals_client.get(
        "/api/signals",
        params={"scope": "all", "level": "route", "category": "vaccine", "limit": 1},
        headers=headers,
    ).json()["items"][0]
    pair = {k: top[k] for k in ("product", "route", "reaction") if top[k] is not None}
    detail = signals_client.get("/api/signals/pair", params=pair, headers=headers).json()
    # independent: Python sets over the store's Parquet tables
    products = read_table(store_dir, "report_products").to_pylist()
    reactions = read_table(store_dir, "report_reactions").to_pylist()
    with_product = {
        (p["source"], p["report_id"])
        for p in products
        if p["product_key"] == pair["product"]
        and p["route"] == pair.get("route", p["route"])
        and p["role"] in ("suspect", "interacting")
    }
    with_both = {
        (x["source"], x["report_id"])
        for x in reactions
        if x["term_key"] == pair["reaction"] and (x["source"], x["report_id"]) in with_product
    }
    assert sum(y["reports"] for y in detail["per_year"]) == len(with_both) == top["n"]
    with_onset = {
        (x["source"], x["report_id"])
        for x in reactions
        if x["term_key"] == pair["reaction"] and x["onset_days"] is not None
    }
    assert len(detail["onset_days"]) == len(with_both & with_onset) > 0


def test_dashboard_draws_the_charts(signals_client):  # type: ignore[no-untyped-def]
    from webtools import Browser

    browser = Browser(signals_client)
    assert browser.login("reporter").status_code == 303
    empty_form = {k: "" for k in ("product", "route", "signal", "min_n", "min_eb05", "sort")}
    page = browser.client.get(
        "/signals", params={**empty_form, "scope": "all", "category": "vaccine", "limit": 20}
    ).text
    forest = page.split('id="forest-plot">', 1)[1]
    assert forest.lstrip().startswith("<svg")
    links = [x.split('"', 1)[0] for x in page.split('<a href="/signals?')[1:]]
    link = next(x for x in links if "pair_" in x).replace("&amp;", "&")  # a row's detail
    detail = browser.client.get("/signals?" + link.split("#")[0]).text
    assert 'id="pair-over-time"><svg' in detail.replace("\n", "")
    assert 'id="pair-onset"><svg' in detail.replace("\n", "")
    bad = browser.client.get("/signals", params={"min_eb05": "lots"})
    assert bad.status_code == 422 and "min_eb05" in bad.text


def test_no_signal_run_yet(client, as_reporter):  # type: ignore[no-untyped-def]
    assert client.get("/api/signals", headers=bearer(client, "reporter")).status_code == 404
    assert "No signal run yet" in as_reporter.client.get("/signals").text


def _wait(client, headers, job_id: str) -> dict:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job = client.get(f"/api/imports/{job_id}", headers=headers).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"import {job_id} did not finish")


def test_upload_import_and_follow_it(client, shared_data, web_settings):  # type: ignore[no-untyped-def]
    admin = bearer(client, "admin")
    raw = (shared_data / "caers_openebgm_subset/caers_raw.csv").read_bytes()
    files = [("files", ("../../caers_raw.csv", raw, "text/csv"))]
    response = client.post("/api/imports", data={"source": "caers"}, files=files, headers=admin)
    assert response.status_code == 202, response.text
    job = _wait(client, admin, response.json()["job_id"])
    assert job["status"] == "done", job
    assert job["files"] == ["caers_raw.csv"]  # no directory escapes the upload folder
    assert (
        job["summary"]["reports_kept"] == read_table(web_settings.store_dir, "reports").num_rows > 0
    )
    assert (
        "caers_raw.csv: no racaerscreateddate column: received dates will be unknown "
        "(RA_CAERS Created Date)" in job["summary"]["warnings"]
    )
    assert [j["job_id"] for j in client.get("/api/imports", headers=admin).json()] == [
        job["job_id"]
    ]
    reporter = bearer(client, "reporter")
    refused = client.post("/api/imports", data={"source": "caers"}, files=files, headers=reporter)
    assert refused.status_code == 403
    empty = client.post("/api/imports", data={"source": "vaers"}, headers=admin)
    assert empty.status_code == 422


def test_import_page_shows_progress_then_summary(as_admin, shared_data):  # type: ignore[no-untyped-def]
    raw = (shared_data / "caers_openebgm_subset/caers_raw.csv").read_bytes()
    response = as_admin.client.post(
        "/imports",
        data={"source": "caers", "csrf_token": as_admin.csrf},
        files=[("files", ("caers_raw.csv", raw, "text/csv"))],
        follow_redirects=False,
    )
    assert response.status_code == 303
    job_url = response.headers["location"]
    for _ in range(300):
        page = as_admin.client.get(job_url).text
        if 'id="import-summary"' in page:
            break
        assert 'http-equiv="refresh"' in page or "failed" in page
        time.sleep(0.2)
    assert 'id="import-summary"' in page and "Reports kept" in page
    assert 'id="import-warnings"' in page and "seriousness and outcome will be unknown" in page


def test_signal_run_is_a_job(signals_client):  # type: ignore[no-untyped-def]
    admin = bearer(signals_client, "admin")
    before = signals_client.get(
        "/api/signals", params={"scope": "all", "limit": 1}, headers=admin
    ).json()
    response = signals_client.post("/api/signals/run", headers=admin)
    assert response.status_code == 202
    job = _wait(signals_client, admin, response.json()["job_id"])
    assert job["status"] == "done", job
    runs = job["summary"]["signals"]
    assert runs["product"]["pairs"] == before["total"]
    assert runs["route"]["by"] == ["category", "product", "route", "reaction"]


def test_oral_supplements_of_caers_are_not_fillers_in_the_dashboard(signals_client, store_dir):  # type: ignore[no-untyped-def]
    """Real CAERS rows: an oral glucosamine tablet with hyaluronic acid, soy lecithin
    softgels (phosphatidylcholine), a calcium hydroxyapatite supplement: the catalogue's
    assignment (route, formulation, the source's remit) files none of them as a filler or
    mesotherapy, in the store and in the dashboard's category column."""
    products = read_table(store_dir, "report_products").to_pylist()
    by_name = {p["product_verbatim"]: p for p in products if p["source"] == "caers"}
    glocos = next(v for k, v in by_name.items() if k.startswith("GLOCOS CHONDROITIN WITH HLA"))
    assert "HYALURONIC ACID 1.65 MG" in glocos["product_verbatim"]
    assert (glocos["category"], glocos["regulatory_class"]) == ("other", "dietary_supplement")
    for name in (
        "PURITAN'S PRIDE SOY LECITHIN 1200 MG (168MG PHOSPHATIDYLCHOLINE) RAPID RELEASE SOFTGEL",
        "CALCIUM HYDROXYAPATITE",
    ):
        assert by_name[name]["category"] == "other", name
    headers = bearer(signals_client, "reporter")
    rows = signals_client.get(
        "/api/signals", params={"scope": "all", "product": "glocos", "limit": 1000}, headers=headers
    ).json()["items"]
    assert rows and {r["category"] for r in rows} == {"other"}
    ours = signals_client.get(
        "/api/signals", params={"product": "glocos"}, headers=headers
    ).json()  # the default scope (our product categories) leaves supplements out
    assert ours["scope"] == "ours" and ours["total"] == 0


def test_vaers_codes_shown_by_vaccine_name(signals_client):  # type: ignore[no-untyped-def]
    headers = bearer(signals_client, "reporter")
    body = signals_client.get(
        "/api/signals",
        params={"scope": "all", "product": "Measles + mumps + rubella", "size": 5},
        headers=headers,
    ).json()
    assert body["total"] > 0
    assert {(r["product"], r["product_name"]) for r in body["items"]} == {
        ("mmr", "Measles + mumps + rubella")
    }


def test_server_sorts_the_whole_result_then_pages(signals_client, store_dir):  # type: ignore[no-untyped-def]
    headers = bearer(signals_client, "reporter")
    full = signal_runs.load(load_settings({"DERMAVIGIL_STORE_DIR": str(store_dir)}))
    every_n = sorted(full["n"].to_pylist())
    pages = [
        signals_client.get(
            "/api/signals",
            params={"scope": "all", "sort": "n", "order": "asc", "page": p, "size": 200},
            headers=headers,
        ).json()
        for p in (1, 2, 3)
    ]
    assert [x["page"] for x in pages] == [1, 2, 3] and pages[0]["order"] == "asc"
    got = [r["n"] for x in pages for r in x["items"]]
    assert got == every_n[:600]  # pages of the whole sorted table, not a sorted page
    last = -(-full.num_rows // 200)
    tail = signals_client.get(
        "/api/signals",
        params={"scope": "all", "sort": "n", "order": "asc", "page": last, "size": 200},
        headers=headers,
    ).json()
    assert [r["n"] for r in tail["items"]] == every_n[(last - 1) * 200 :]


def test_download_every_matching_pair_with_a_header_block(signals_client):  # type: ignore[no-untyped-def]
    import csv
    import io

    from openpyxl import load_workbook

    headers = bearer(signals_client, "reporter")
    params = {"scope": "all", "category": "vaccine", "sort": "ebgm", "size": 5}
    total = signals_client.get("/api/signals", params=params, headers=headers).json()["total"]
    response = signals_client.get(
        "/api/signals/export", params={**params, "format": "csv"}, headers=headers
    )
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["dermavigil signal table"]
    blank = rows.index([])
    block = {r[0]: r[1] for r in rows[1:blank]}
    assert block["Expected counts"].startswith("none") and block["Pairs"] == str(total)
    assert "category = vaccine" in block["Scope and filters"]
    assert "ebgm descending" in block["Scope and filters"]
    columns = rows[blank + 1]
    assert {"product", "product_name", "ror", "ror_haldane", "ebgm"} <= set(columns)
    assert len(rows) - blank - 2 == total > 5  # every pair, not one page
    ebgm = [float(r[columns.index("ebgm")]) for r in rows[blank + 2 :]]
    assert ebgm == sorted(ebgm, reverse=True)
    xlsx = signals_client.get(
        "/api/signals/export", params={**params, "format": "xlsx"}, headers=headers
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "dermavigil signal table"
    assert sum(1 for v in values if v and v[0] == "vaccine") == total
    bad = signals_client.get("/api/signals/export", params={"format": "pdf"}, headers=headers)
    assert bad.status_code == 422


def test_stratification_is_selectable_and_explained(signals_client):  # type: ignore[no-untyped-def]
    from webtools import Browser

    headers = bearer(signals_client, "reporter")
    pooled = signals_client.get("/api/signals", params={"scope": "all"}, headers=headers).json()
    by_source = signals_client.get(
        "/api/signals", params={"scope": "all", "strata": "source"}, headers=headers
    ).json()
    assert pooled["strata"] == "pooled" and by_source["strata"] == "source"
    assert pooled["items"][0]["expected"] != by_source["items"][0]["expected"] or (
        pooled["items"][0]["product"] != by_source["items"][0]["product"]
    )
    browser = Browser(signals_client)
    assert browser.login("reporter").status_code == 303
    page = browser.client.get("/signals").text
    assert 'id="strata-in-force"' in page and "registry against the public background" in page
    assert "can hardly signal" in page  # why stratifying by source silences our cases
    page = browser.client.get("/signals", params={"strata": "source_year"}).text
    assert "by source x year received</strong>" in page
