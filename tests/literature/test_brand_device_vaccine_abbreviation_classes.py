"""Product classes of the s0xx round (docs/annotation.md, ``products``), pinned on texts we
wrote: a drug named with the autoinjector that holds it ("the EpiPen® autoinjector"),
injected by accident (approved false), with phentolamine its treatment; a
drug name the text calls a vaccine ("Shingrix vaccine") names a vaccine everywhere; an
abbreviation the text defines for a drug ("DMPA") is that drug, not a second product."""

from __future__ import annotations

from pathlib import Path

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.realscore import draft_view

DATA = Path(__file__).resolve().parents[1] / "data" / "literature"


def _own(name: str) -> dict:
    return draft_view(extract_draft((DATA / f"{name}.txt").read_text(encoding="utf-8")))


def test_an_autoinjector_brand_injected_by_accident():
    view = _own("dx05_autoinjector_brand_thumb")
    assert view["products"] == [("EpiPen", "drug")]
    assert view["route_approval"] is False
    assert [t.lower() for t in view["treatments"]] == ["phentolamine"]


def test_a_drug_name_the_text_calls_a_vaccine():
    view = _own("dx06_vaccine_brand_called_a_vaccine")
    assert view["products"] == [("Shingrix", "vaccine")]


def test_a_defined_drug_abbreviation_is_the_same_drug():
    view = _own("dx07_drug_abbreviation_is_a_drug")
    assert view["products"] == [("medroxyprogesterone acetate", "drug")]
    assert view["route"] == "intramuscular" and view["route_approval"] is True
