"""Duplicate case detection: the same patient's reaction reported more than once.

Public API::

    from dermavigil.duplicates import find_duplicates, registry_duplicates
    pairs = find_duplicates(cases, threshold=0.9)   # Case or StoredCase
    with registry.transaction(readonly=True) as session:
        report = registry_duplicates(session)        # every active case

A clinician's report, the patient's own report and the later publication of
the same case must be recognised as one case before they inflate a signal
(Norén et al. 2007, vigiMatch). The linkage is splink 5's Fellegi-Sunter
model on DuckDB or Spark (:mod:`dermavigil.duplicates.engine`), trained on the cases it
compares (:mod:`dermavigil.duplicates.training`); see :mod:`dermavigil.duplicates.model`
for the facts, levels, priors and blocking rules.
"""

from __future__ import annotations

from dermavigil.duplicates.detect import (
    Detection,
    DuplicatePair,
    FieldEvidence,
    detect,
    feature_table,
    find_duplicates,
)
from dermavigil.duplicates.parameters import DuplicateModel
from dermavigil.duplicates.service import DuplicateReport, registry_duplicates

__all__ = [
    "Detection",
    "DuplicateModel",
    "DuplicatePair",
    "DuplicateReport",
    "FieldEvidence",
    "detect",
    "feature_table",
    "find_duplicates",
    "registry_duplicates",
]
