"""The case model, its vocabularies and its assessment rules: pure, no I/O."""

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

__all__ = [
    "Age",
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
