"""The registry's active cases become the store's ``registry`` source."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pyarrow as pa
import pytest

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case, CodedTerm, Dose, Product
from dermavigil.domain.dates import PartialDate
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import ProductCategory, ProductRole, Sex
from dermavigil.ingest.registry_export import export_registry
from dermavigil.ingest.runner import run_import
from dermavigil.registry import CaseService, open_registry
from dermavigil.settings import Settings

Tables = Callable[[Settings, str], dict[str, pa.Table]]


def _dated_filler(seed: Case) -> Case:
    """An on-label filler case with day-exact dates, a coded term and a concomitant drug."""
    case = seed.model_copy(deep=True)
    case.patient.sex = Sex.female
    filler = {
        "name": "Juvederm Voluma 20 mg/mL",
        "category": ProductCategory.ha_filler,
        "approved_routes": [Route.subcutaneous],
        "route": Route.subcutaneous,
        "rechallenge": None,
        "start_date": PartialDate.model_validate("2024-03-01"),
        "dose": Dose(value=1.0, unit="ml"),
    }
    case.products = [
        case.products[0].model_copy(update=filler),
        Product(name="Ibuprofen 400 mg tablets", role=ProductRole.concomitant),
    ]
    reaction = case.reactions[0].model_copy(
        update={
            "verbatim": "Swelling of lips",
            "onset_date": PartialDate.model_validate("2024-03-04"),
            "onset_latency": None,
            "codes": [CodedTerm(system="HPO", code="HP:0000969", label="Edema")],
        }
    )
    case.reactions = [reaction]
    case.report.received_date = PartialDate.model_validate("2024-05")
    case.report.authority_number = "FR-AFSSAPS-AM2024000750"
    return case


@pytest.fixture
def stored_ids(settings: Settings) -> dict[str, str]:
    seed = load_seed_case()
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        service = CaseService(session)
        ids = {
            "seed": service.create(seed, by="a").case_id,
            "filler": service.create(_dated_filler(seed), by="a").case_id,
            "retracted": service.create(seed, by="a").case_id,
            "draft": service.create(seed, by="a", status="draft").case_id,
        }
        service.retract(ids["retracted"], by="a", reason="duplicate")
    registry.close()
    return ids


def test_active_cases_are_exported(
    settings: Settings, stored_ids: dict[str, str], tables: Tables
) -> None:
    progress: list[tuple[int, int]] = []
    summary = export_registry(settings, lambda _d, done, total: progress.append((done, total)))
    assert (summary.reports_read, summary.product_rows, summary.reaction_rows) == (2, 3, 6)
    assert progress[-1] == (2, 2)
    live = tables(settings, "registry")
    reports = {r["report_id"]: r for r in live["reports"].to_pylist()}
    assert set(reports) == {stored_ids["seed"], stored_ids["filler"]}
    seed_report = reports[stored_ids["seed"]]
    assert seed_report["serious"] is True and seed_report["outcome"] == "disability"
    assert seed_report["sex"] == "M" and seed_report["country"] == "TH"
    # the seed case gives an age group, no age: the group is kept (duplicates compare its span)
    assert (seed_report["age_years"], seed_report["age_unit"]) == (None, None)
    assert seed_report["age_group"] == "middle_aged"
    assert seed_report["literature"].endswith("doi:10.1111/jocd.16206")
    assert reports[stored_ids["filler"]]["received_date"] == date(2024, 5, 1)
    assert reports[stored_ids["filler"]]["sex"] == "F"
    # E2B C.1.9.1.r.2 and G.k.4.r.1a/b, as FAERS auth_num and dose_amt + dose_unit
    assert reports[stored_ids["filler"]]["authority_number"] == "FR-AFSSAPS-AM2024000750"
    assert seed_report["authority_number"] is None

    products = {(p["report_id"], p["seq"]): p for p in live["report_products"].to_pylist()}
    exosome = products[(stored_ids["seed"], 1)]
    assert (exosome["route"], exosome["route_approved"], exosome["category"]) == (
        "intradermal",
        False,
        "exosome",
    )
    filler = products[(stored_ids["filler"], 1)]
    assert (filler["product_key"], filler["route_approved"]) == ("juvederm voluma", True)
    assert filler["dose"] == "1 ML" and products[(stored_ids["filler"], 2)]["dose"] is None
    concomitant = products[(stored_ids["filler"], 2)]
    assert concomitant["role"] == "concomitant" and concomitant["product_key"] == "ibuprofen"
    assert concomitant["route_approved"] is None

    reactions = live["report_reactions"].to_pylist()
    filler_reaction = next(r for r in reactions if r["report_id"] == stored_ids["filler"])
    assert filler_reaction["term_verbatim"] == "Swelling of lips"
    assert (filler_reaction["term_key"], filler_reaction["code"]) == ("edema", "HP:0000969")
    assert filler_reaction["onset_days"] == 3.0
    latencies = {
        r["term_verbatim"]: r["onset_days"]
        for r in reactions
        if r["report_id"] == stored_ids["seed"]
    }
    seed = load_seed_case()
    expected = {
        r.verbatim: (r.onset_latency.days() if r.onset_latency else None) for r in seed.reactions
    }
    assert latencies == expected


def test_export_follows_changes_and_overrides(
    settings: Settings, stored_ids: dict[str, str], tables: Tables
) -> None:
    export_registry(settings)
    registry = open_registry(settings.database_url)
    with registry.transaction() as session:
        service = CaseService(session)
        service.override(stored_ids["seed"], "off_label_route", "false", by="a", reason="label")
        service.retract(stored_ids["filler"], by="a", reason="duplicate")
        service.accept_draft(stored_ids["draft"], by="a")
    registry.close()
    summary = run_import(settings, "registry", [])
    assert summary.reports_kept == 2
    live = tables(settings, "registry")
    assert sorted(live["reports"].column("report_id").to_pylist()) == sorted(
        [stored_ids["seed"], stored_ids["draft"]]
    )
    approved = {p["report_id"]: p["route_approved"] for p in live["report_products"].to_pylist()}
    assert approved == {stored_ids["seed"]: True, stored_ids["draft"]: False}


def test_empty_registry_gives_empty_tables(settings: Settings, tables: Tables) -> None:
    summary = export_registry(settings)
    assert summary.reports_read == 0
    assert all(t.num_rows == 0 for t in tables(settings, "registry").values())
