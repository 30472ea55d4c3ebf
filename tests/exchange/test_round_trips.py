"""The packaged seed case through every format that reads back, and into every format."""

from __future__ import annotations

import pytest

from dermavigil.domain import Case
from dermavigil.exchange.formats import EXPORT_FORMATS, export_cases, import_document


@pytest.mark.parametrize("fmt", ["json", "e2b", "fhir"])
def test_seed_case_round_trip(seed_case: Case, fmt: str) -> None:
    result = import_document(export_cases([seed_case], fmt), f"seed{EXPORT_FORMATS[fmt].suffix}")
    assert result.problems == []
    assert result.cases == [seed_case]


@pytest.mark.parametrize("fmt", ["json", "e2b", "fhir"])
def test_many_cases_round_trip(seed_case: Case, coded_case: Case, fmt: str) -> None:
    cases = [seed_case, coded_case]
    assert import_document(export_cases(cases, fmt)).cases == cases


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_every_format_writes_the_seed_case(seed_case: Case, fmt: str) -> None:
    data = export_cases([seed_case], fmt)
    assert len(data) > 500
    if fmt != "cioms":
        assert "lyophilized exosomes" in data.decode("utf-8")
