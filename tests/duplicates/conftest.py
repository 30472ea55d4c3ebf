"""The seed case as three reporters would send it, and cases that are clearly other cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case
from dermavigil.domain.rules import parse_case
from dermavigil.duplicates.engine import PairEngine
from dermavigil.ingest.runner import run_import
from dermavigil.settings import load_settings


def clinician_report() -> dict[str, Any]:
    """The seed case as the treating dermatologist reported it, before publication:
    an exact age, a reworded product name, reactions and sites in the clinician's
    words, the treatment with its strength, and no literature reference."""
    return {
        "report": {
            "source": "clinician",
            "reporter": {"qualification": "physician", "country": "TH"},
        },
        "treatments": [{"drug": "Prednisolone 20 mg tablets", "route": "oral"}],
        "patient": {"sex": "male", "age": {"value": 52, "unit": "year"}},
        "products": [
            {
                "name": "Exosome (lyophilised) for skin booster",
                "category": "exosome",
                "approved_routes": ["topical"],
                "route": "intradermal",
                "body_sites": ["cheeks"],
            }
        ],
        "reactions": [
            {"verbatim": "Skin necrosis", "body_sites": ["face"]},
            {"verbatim": "Pain", "onset_text": "right after the injections"},
            {
                "verbatim": "purplish papules and nodules with crusted erosions",
                "onset_latency": {"value": 3, "unit": "day"},
            },
        ],
    }


def other_cases() -> list[dict[str, Any]]:
    """Reports that share little with the seed case (different patient, product, reaction)."""
    return [
        {
            "report": {
                "source": "clinician",
                "reporter": {"qualification": "physician", "country": "KR"},
            },
            "patient": {"sex": "female", "age": {"value": 34, "unit": "year"}},
            "products": [
                {"name": "Juvederm Voluma", "category": "ha_filler", "route": "subcutaneous"}
            ],
            "reactions": [{"verbatim": "vascular occlusion"}, {"verbatim": "livedo"}],
        },
        {
            "report": {
                "source": "consumer",
                "reporter": {"qualification": "consumer", "country": "US"},
            },
            "patient": {"sex": "female", "age": {"value": 61, "unit": "year"}},
            "products": [{"name": "Botox Cosmetic", "category": "botulinum_toxin"}],
            "reactions": [{"verbatim": "eyelid ptosis"}],
        },
        {
            "report": {
                "source": "clinician",
                "reporter": {"qualification": "physician", "country": "BR"},
            },
            "patient": {"sex": "female", "age_group": "adult"},
            "products": [{"name": "Sculptra", "category": "plla"}],
            "reactions": [{"verbatim": "subcutaneous nodules"}],
        },
    ]


def as_case(document: dict[str, Any], case_id: str) -> Case:
    return parse_case({**document, "case_id": case_id}, record=case_id)


@pytest.fixture
def literature_case() -> Case:
    return load_seed_case().model_copy(update={"case_id": "LIT"})


@pytest.fixture
def clinician_case() -> Case:
    return as_case(clinician_report(), "CLIN")


@pytest.fixture
def different_cases() -> list[Case]:
    return [as_case(doc, f"OTHER{i}") for i, doc in enumerate(other_cases(), start=1)]


def vaers_year_store(shared_data: Path, home: Path, year: int) -> Path:
    """The store of one year of the shared VAERS 1990-2006 files, imported into ``home``."""
    settings = load_settings({"DERMAVIGIL_HOME": str(home)})
    settings.ensure_dirs()
    zipped = shared_data / f"vaers_1990_2006_official_zips/{year}VAERSData.zip"
    run_import(settings, "vaers", [zipped])
    return settings.store_dir


def on_duckdb(con: Any) -> PairEngine:
    """A duplicate run's engine on the DuckDB connection ``con``."""
    from splink import DuckDBAPI

    return PairEngine(DuckDBAPI(connection=con), "duckdb")
