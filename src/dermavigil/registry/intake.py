"""A new case's version 1 worked out before the write transaction that stores it.

Storing a new case is mostly computation that needs no lock: the assessment
(:func:`~dermavigil.domain.assessment.assess`), the search facts and the JSON
of the document and the assessment. Under load every write transaction runs in
one writer thread per server process, and on SQLite one writer at a time for
the whole database (across processes), so whatever a write does inside its
transaction is done one case at a time. :func:`prepare` does that computation
in the request's own thread, in parallel with other requests and processes;
:meth:`~dermavigil.registry.service.CaseService.create` given the result only
numbers the case and inserts its rows. The stored rows are the same as when
``create`` works everything out itself, which it still does when not given one.

The JSON columns receive already-encoded text (:class:`~dermavigil.registry.db.EncodedJSON`,
from pydantic-core's serialiser): the same JSON values as ``json.dumps`` of
``model_dump(mode="json")``, keys in the same order, written compactly. The
document is encoded without its case id, which the writer splices in front
(``case_id`` is the first field of :class:`~dermavigil.domain.case.Case`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from dermavigil.domain.assessment import Assessment, assess
from dermavigil.domain.case import Case
from dermavigil.domain.off_label import LabelledRoutes
from dermavigil.registry.db import EncodedJSON
from dermavigil.registry.facets import SearchFacts, search_facts
from dermavigil.registry.overrides import effective_overrides


@dataclass(frozen=True)
class PreparedCase:
    """A case as assessed for its first version, with its search facts and encoded JSON."""

    assessment: Assessment
    facts: SearchFacts
    document_tail: str
    """The document's JSON without ``case_id``, from its second key on (``"report":...}``)."""
    assessment_json: EncodedJSON

    def document(self, case_id: str) -> EncodedJSON:
        """The document's JSON for the case numbered ``case_id``."""
        return EncodedJSON('{"case_id":' + json.dumps(case_id) + "," + self.document_tail)


def prepare(case: Case, labelled: dict[int, LabelledRoutes]) -> PreparedCase:
    """Assess ``case`` as a new case (no overrides yet) with the catalogue's labelled routes
    ``labelled`` (see :meth:`CaseService.labelled`) and encode its JSON."""
    assessment = assess(case, effective_overrides([]), labelled)
    body = case.model_dump_json(exclude_none=True, exclude={"case_id"})
    return PreparedCase(
        assessment=assessment,
        facts=search_facts(case, assessment),
        document_tail=body[1:],
        assessment_json=EncodedJSON(assessment.model_dump_json()),
    )


def needs_catalogue(case: Case) -> bool:
    """Whether assessing ``case`` reads the catalogue: a product's report records no
    labelled route (see :meth:`CaseService.labelled`)."""
    return not all(product.approved_routes for product in case.products)


def prepare_new(registry: Any, case: Case) -> PreparedCase:
    """:func:`prepare` for ``case`` about to be created in ``registry``: the catalogue's
    labelled routes, when a product's report records none, are read in a read-only
    transaction of their own (the catalogue as it stands a moment before the write)."""
    if not needs_catalogue(case):
        return prepare(case, {})
    from dermavigil.registry.service import CaseService

    with registry.transaction(readonly=True) as session:
        return prepare(case, CaseService(session).labelled(case))
