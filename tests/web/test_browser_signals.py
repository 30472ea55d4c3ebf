"""Browser test of the signals view (issue 14, step 7) in Chromium at 1280 px.

A store of real public data (CAERS subset, VAERS 1990, the FAERS 2025Q4 sample) with the
registry's seed case: the dashboard opens on our product categories with pooled expected
counts (and says so), the table fits the page, a header click sorts the whole result on
the server and the pager walks it, the stratification can be switched, the table is
downloaded with its header block, and no page logs a console error. Screenshots go to
``test-artifacts/signals-*.png``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from webtools import ARTIFACTS, PASSWORD, chromium, served

from dermavigil.demo.seed import load_seed
from dermavigil.ingest.runner import run_import
from dermavigil.registry import UserService, open_registry
from dermavigil.settings import load_settings
from dermavigil.signals import runs as signal_runs
from dermavigil.signals import scope
from dermavigil.web.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def served_app(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Iterator[tuple]:
    home = tmp_path_factory.mktemp("signals-browser")
    settings = load_settings({"DERMAVIGIL_HOME": str(home), "DERMAVIGIL_REQUIRE_2FA": "0"})
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    load_seed(registry)
    with registry.transaction() as session:
        UserService(session).create("assessor1", "assessor", PASSWORD, must_change_password=False)
    run_import(settings, "caers", [shared_data / "caers_openebgm_subset" / "caers.csv"])
    run_import(settings, "vaers", [shared_data / "vaers_1990_2006_official_zips/1990VAERSData.zip"])
    run_import(settings, "faers", [shared_data / "faers_2025q4_sample"])
    run_import(settings, "registry", [])
    signal_runs.run_and_save(settings)
    with served(create_app(settings, registry)) as url:
        yield url, settings
    registry.close()


@pytest.fixture
def page(chromium_path: str):  # type: ignore[no-untyped-def]
    with chromium(chromium_path) as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page.errors = []  # type: ignore[attr-defined]
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        yield page


def _login(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{url}/login")
    page.fill("input[name=username]", "assessor1")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _column(page, index: int) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator(f"#signal-table tbody tr td:nth-child({index})").all_inner_texts()


def test_signals_view_scope_sort_page_download(page, served_app):  # type: ignore[no-untyped-def]
    url, settings = served_app
    _login(page, url)
    page.goto(f"{url}/signals")
    page.wait_for_selector("#forest-plot svg")
    in_force = page.inner_text("#strata-in-force")
    assert "our product categories" in in_force and "registry against the public" in in_force
    assert page.input_value("#scope-select") == "ours"
    assert page.input_value("#strata-select") == signal_runs.DEFAULT_STRATIFICATION
    # the table fits the page at 1280 px: no horizontal scroll
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    box = page.locator("#signal-table").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1280
    categories = set(_column(page, 1))
    assert categories and "Vaccine" not in categories and "Other" not in categories
    # the registry's exosome case is in scope and signals against the public background
    assert "lyophilized exosomes" in page.inner_text("#signal-table")
    # forest plot: every row labelled by product and reaction, no two labels alike
    texts = page.locator("#forest-plot svg text").evaluate_all("ts => ts.map(t => t.textContent)")
    labels = [t for t in texts if " · " in t]
    assert len(labels) >= 5 and len(set(labels)) == len(labels)
    page.screenshot(path=str(ARTIFACTS / "signals-default.png"))
    page.screenshot(path=str(ARTIFACTS / "signals-default-full.png"), full_page=True)

    # all products, 20 rows a page, then sort by n: the server sorts the whole result
    page.goto(f"{url}/signals?scope=all&size=20")
    page.click("#signal-table thead th.col-n a")
    page.wait_for_load_state()
    state = parse_qs(urlparse(page.url).query)
    assert state["sort"] == ["n"] and state["order"] == ["desc"] and state["scope"] == ["all"]
    table = signal_runs.load(settings)
    top = sorted(table["n"].to_pylist(), reverse=True)
    keys = signal_runs.LEVELS["product"]
    n_index = len(keys) + 1
    assert [int(v) for v in _column(page, n_index)] == top[:20]
    assert page.locator("#signal-table thead th.col-n").get_attribute("aria-sort") == "descending"
    page.click("#page-next")
    page.wait_for_load_state()
    assert parse_qs(urlparse(page.url).query)["page"] == ["2"]
    assert [int(v) for v in _column(page, n_index)] == top[20:40]
    assert f"Rows 21–40 of {table.num_rows:,}" in page.inner_text("#page-info")
    page.screenshot(path=str(ARTIFACTS / "signals-sorted-page2.png"))
    page.click("#signal-table thead th.col-n a")  # again: ascending, from page 1
    page.wait_for_load_state()
    assert [int(v) for v in _column(page, n_index)] == sorted(top)[:20]

    # the CSV download holds every matching pair under its header block
    with page.expect_download() as download:
        page.click("#download-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["dermavigil signal table"]
    blank = rows.index([])
    assert len(rows) - blank - 2 == table.num_rows

    # stratification switched on the page: the explanation follows
    page.goto(f"{url}/signals")
    page.select_option("#strata-select", "source")
    page.click("#signal-scope button[type=submit]")
    page.wait_for_selector("#strata-in-force")
    assert "by source" in page.inner_text("#strata-in-force")
    assert "can hardly signal" in page.inner_text("#strata-in-force")
    assert parse_qs(urlparse(page.url).query)["strata"] == ["source"]
    page.screenshot(path=str(ARTIFACTS / "signals-by-source.png"))

    # VAERS vaccine codes read as names
    page.goto(f"{url}/signals?scope=all&category=vaccine&size=10")
    products = set(_column(page, 2))
    assert products and not products & {"small", "anth", "flun3", "mmr", "dtp"}
    assert page.errors == []
    assert set(scope.OUR_CATEGORIES) >= {"exosome", "ha_filler", "botulinum_toxin"}
