"""The case model, its vocabularies and its assessment rules: pure, no I/O.

The names below are loaded on first use (PEP 562 module ``__getattr__``): importing one
submodule, e.g. :mod:`dermavigil.domain.literature_screening`, does not load the case model
and its pydantic validators, so that commands which do not use them start quickly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dermavigil.domain.assessment import (
        Assessment,
        CriterionAnswer,
        NaranjoItem,
        NaranjoResult,
        OffLabelProduct,
        OffLabelResult,
        Override,
        SeriousnessResult,
        SueResult,
        WhoUmcResult,
        assess,
    )
    from dermavigil.domain.case import (
        Age,
        Case,
        CodedTerm,
        Dechallenge,
        Dose,
        Finding,
        LiteratureReference,
        Patient,
        Product,
        Reaction,
        Rechallenge,
        Reporter,
        ReportInfo,
        Treatment,
    )
    from dermavigil.domain.dates import Duration, PartialDate, TimeUnit
    from dermavigil.domain.rules import case_problems, parse_case

_HOME = {
    "Assessment": "dermavigil.domain.assessment",
    "CriterionAnswer": "dermavigil.domain.assessment",
    "NaranjoItem": "dermavigil.domain.assessment",
    "NaranjoResult": "dermavigil.domain.assessment",
    "OffLabelProduct": "dermavigil.domain.assessment",
    "OffLabelResult": "dermavigil.domain.assessment",
    "Override": "dermavigil.domain.assessment",
    "SeriousnessResult": "dermavigil.domain.assessment",
    "SueResult": "dermavigil.domain.assessment",
    "WhoUmcResult": "dermavigil.domain.assessment",
    "assess": "dermavigil.domain.assessment",
    "Age": "dermavigil.domain.case",
    "Case": "dermavigil.domain.case",
    "CodedTerm": "dermavigil.domain.case",
    "Dechallenge": "dermavigil.domain.case",
    "Dose": "dermavigil.domain.case",
    "Finding": "dermavigil.domain.case",
    "LiteratureReference": "dermavigil.domain.case",
    "Patient": "dermavigil.domain.case",
    "Product": "dermavigil.domain.case",
    "Reaction": "dermavigil.domain.case",
    "Rechallenge": "dermavigil.domain.case",
    "Reporter": "dermavigil.domain.case",
    "ReportInfo": "dermavigil.domain.case",
    "Treatment": "dermavigil.domain.case",
    "Duration": "dermavigil.domain.dates",
    "PartialDate": "dermavigil.domain.dates",
    "TimeUnit": "dermavigil.domain.dates",
    "case_problems": "dermavigil.domain.rules",
    "parse_case": "dermavigil.domain.rules",
}
"""Where each exported name is defined."""

__all__ = [
    "Age",
    "Assessment",
    "CriterionAnswer",
    "NaranjoItem",
    "NaranjoResult",
    "OffLabelProduct",
    "OffLabelResult",
    "Override",
    "SeriousnessResult",
    "SueResult",
    "WhoUmcResult",
    "assess",
    "Case",
    "CodedTerm",
    "Dechallenge",
    "Dose",
    "Duration",
    "Finding",
    "LiteratureReference",
    "PartialDate",
    "Patient",
    "Product",
    "Reaction",
    "Rechallenge",
    "ReportInfo",
    "Reporter",
    "TimeUnit",
    "Treatment",
    "case_problems",
    "parse_case",
]


def __getattr__(name: str) -> Any:
    """Load an exported name from its module on first use (PEP 562)."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
