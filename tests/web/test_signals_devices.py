"""A signal run over MAUDE (hand-made filler reports), FAERS 2025Q4, CAERS and the registry,
by product category x reaction, on the dashboard and its API."""

from __future__ import annotations

from pathlib import Path

import pytest
from webtools import bearer

from dermavigil.demo.seed import load_seed
from dermavigil.ingest.runner import run_import
from dermavigil.registry import open_registry
from dermavigil.settings import load_settings
from dermavigil.signals import runs as signal_runs
from dermavigil.web.app import create_app

MAUDE = Path(__file__).parents[1] / "data" / "ingest" / "maude"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    home = tmp_path_factory.mktemp("devices-home")
    settings = load_settings({"DERMAVIGIL_HOME": str(home)})
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    try:
        load_seed(registry)
    finally:
        registry.close()
    run_import(settings, "maude", [MAUDE])
    run_import(settings, "faers", [shared_data / "faers_2025q4_sample"])
    run_import(settings, "caers", [shared_data / "caers_openebgm_subset" / "caers.csv"])
    run_import(settings, "registry", [])
    runs = signal_runs.run_and_save(settings)
    assert runs["category"]["by"] == ["category", "reaction"]
    return settings.store_dir


@pytest.fixture
def devices_client(web_settings, registry, store_dir):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    settings = load_settings(
        {
            "DERMAVIGIL_HOME": str(web_settings.home),
            "DERMAVIGIL_STORE_DIR": str(store_dir),
            "DERMAVIGIL_REQUIRE_2FA": "0",
        }
    )
    return TestClient(create_app(settings, registry))


def test_category_by_reaction_run_pools_maude_faers_caers_and_registry(devices_client, store_dir):  # type: ignore[no-untyped-def]
    table = signal_runs.load(load_settings({"DERMAVIGIL_STORE_DIR": str(store_dir)}), "category")
    assert table.column_names[:2] == ["category", "reaction"]
    categories = set(table["category"].to_pylist())
    # MAUDE fillers (HA, CaHA, PLLA), FAERS toxins and drugs, CAERS foods, the registry's exosome
    assert {
        "ha_filler",
        "caha",
        "plla",
        "botulinum_toxin",
        "drug",
        "other",
        "exosome",
    } <= categories
    headers = bearer(devices_client, "reporter")
    body = devices_client.get(
        "/api/signals",
        params={"level": "category", "category": "ha_filler", "limit": 100},
        headers=headers,
    ).json()
    assert body["keys"] == ["category", "reaction"]
    reactions = {r["reaction"] for r in body["items"]}
    assert {"edema", "ecchymosis", "skin nodule"} & reactions
    page = devices_client.get(
        "/signals", params={"level": "category", "category": "ha_filler"}, headers=headers
    )
    assert page.status_code == 200
    assert "product category" in page.text and "ha_filler" in page.text


def test_products_api_lists_resolves_and_shows(devices_client):  # type: ignore[no-untyped-def]
    headers = bearer(devices_client, "reporter")
    devices = devices_client.get(
        "/api/products", params={"regulatory_class": "device"}, headers=headers
    ).json()
    assert devices["total"] > 5 and all(i["regulatory_class"] == "device" for i in devices["items"])
    oral = devices_client.get(
        "/api/products/resolve",
        params={"name": "sodium hyaluronate 200 mg capsules"},
        headers=headers,
    ).json()
    assert oral["entry"]["id"] == "ha-oral-supplement" and oral["decided_by"] == "name words"
    assert "ha-filler" in oral["candidates"] and oral["verbatim"].startswith("sodium")
    ambiguous = devices_client.get(
        "/api/products/resolve", params={"name": "hyaluronic acid"}, headers=headers
    ).json()
    assert ambiguous["entry"] is None and ambiguous["category"] is None
    voluma = devices_client.get("/api/products/juvederm-voluma-xc", headers=headers).json()
    assert voluma["layers"] == ["subcutaneous", "supraperiosteal"]
    assert "P110033" in voluma["sources"]["routes"]["citation"]
    assert devices_client.get("/api/products/nope", headers=headers).status_code == 404
    assert devices_client.get("/api/products").status_code == 401


def test_signals_by_entry_and_regulatory_class(store_dir):  # type: ignore[no-untyped-def]
    from dermavigil.signals.detect import SignalRequest, detect_store

    by_class = detect_store(store_dir, SignalRequest(by=("regulatory_class", "reaction")))
    classes = set(by_class.table["regulatory_class"].to_pylist())
    assert {"device", "biologic", "dietary_supplement"} <= classes
    by_entry = detect_store(store_dir, SignalRequest(by=("entry", "reaction")))
    entries = set(by_entry.table["entry"].to_pylist())
    assert {"juvederm-voluma-xc", "radiesse", "botox", "exosome-product"} <= entries
