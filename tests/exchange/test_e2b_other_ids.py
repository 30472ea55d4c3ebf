"""C.1.9.1.r read back: the regulatory authority's case number among the other case
identifiers of a received ICSR becomes ``report.authority_number`` (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermavigil.domain import Case
from dermavigil.domain.authorities import names_an_authority
from dermavigil.exchange.formats import export_cases, import_document


@pytest.mark.parametrize(
    "number", ["GB-MHRA-ADR 22444313", "IT-MINISAL02-123456", "US-TEVA-2017-1", "784731"]
)
def test_the_authoritys_number_survives_a_regulators_e2b_without_the_supplement(
    fda_examples: list[Path], coded_case: Case, number: str
) -> None:
    """A regulator gets the E2B elements alone: the number must come back from C.1.9.1.r
    itself (before, it came back only through dermavigil's supplement), whatever its
    issuer: one the number names (MHRA, a firm's prefix in FAERS auth_num) or none."""
    scenario1 = next(p for p in fda_examples if p.name == "FAERS2022Scenario1.xml")
    [received] = import_document(scenario1.read_bytes()).cases
    case = _numbered(received, number)  # FDA's business rules hold for FDA's own example
    [back] = import_document(export_cases([case], "e2b", receiver="ZZFDA")).cases
    assert back.report.authority_number == number
    assert not any("controlActEvent/id" in key for key in back.unmapped)
    for sent in (case, _numbered(coded_case, number)):  # with the supplement: whole
        [ours] = import_document(export_cases([sent], "e2b")).cases
        assert ours == sent


def _numbered(case: Case, number: str) -> Case:
    report = case.report.model_copy(update={"authority_number": number})
    return case.model_copy(update={"report": report})


def test_fda_scenario6_the_agencys_number_is_read_and_the_firms_kept_verbatim(
    fda_examples: list[Path],
) -> None:
    """FAERS2022Scenario6 lists two other case identifiers: a firm's (Reporting Ltd
    Corporation, FR-RPTLTD-15998) and the European Medicines Agency's (EU-EMA-999999).
    The agency's is the authority's number; the firm's stays in ``unmapped``."""
    scenario6 = next(p for p in fda_examples if p.name == "FAERS2022Scenario6.xml")
    [case] = import_document(scenario6.read_bytes()).cases
    assert case.report.authority_number == "EU-EMA-999999"
    assert case.unmapped["subjectOf1[2]/controlActEvent/id"] == "FR-RPTLTD-15998"
    assert "EU-EMA-999999" not in case.unmapped.values()
    assert "true" not in {v for k, v in case.unmapped.items() if "otherCaseIds" in k}


def test_fda_examples_without_other_case_ids_have_no_authority_number(
    fda_examples: list[Path],
) -> None:
    """The other nine examples send C.1.9.1 'no information' (Scenario4's report numbers
    are C.1.10.r linked reports, not other identifiers of this case)."""
    for path in fda_examples:
        if path.name == "FAERS2022Scenario6.xml":
            continue
        for case in import_document(path.read_bytes()).cases:
            assert case.report.authority_number is None, path.name


@pytest.mark.parametrize(
    ("source", "authority"),
    [
        ("European Medicines Agency", True),
        ("MHRA", True),
        ("minisal02", True),
        ("Medicines and Healthcare products Regulatory Agency", True),
        ("regulatory authority", True),
        ("Reporting Ltd Corporation", False),
        ("TEVA", False),
        ("", False),
        (None, False),
    ],
)
def test_a_source_names_an_authority_by_acronym_or_name(
    source: str | None, authority: bool
) -> None:
    assert names_an_authority(source) is authority
