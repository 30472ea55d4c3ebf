"""Loading the seed case into a registry, once.

:func:`load_seed` stores :func:`dermavigil.demo.load_seed_case` as a new
case unless a case with the seed's literature reference (its DOI) is already
in the registry, whatever that case's status: running the demo twice never
creates a second copy, and a retracted seed stays retracted. The check and
the insert share one write transaction, so two demos started together still
store one case.
"""

from __future__ import annotations

from dermavigil.demo import load_seed_case
from dermavigil.domain.case import Case
from dermavigil.registry import CaseFilter, CaseService, Registry, StoredCase


def _same_publication(a: Case, b: Case) -> bool:
    ref_a, ref_b = a.report.literature, b.report.literature
    if ref_a is None or ref_b is None:
        return False
    if ref_a.doi and ref_b.doi:
        return ref_a.doi.lower() == ref_b.doi.lower()
    return ref_a.citation == ref_b.citation


def load_seed(registry: Registry, by: str = "demo") -> StoredCase:
    """The seed case as stored: the existing one, or a new one stored now."""
    seed = load_seed_case()
    with registry.transaction() as session:
        service = CaseService(session)
        criteria = CaseFilter(status=None, source=seed.report.source.value)
        for stored in service.all_current(criteria):
            if _same_publication(stored.case, seed):
                return stored
        return service.create(seed, by=by)
