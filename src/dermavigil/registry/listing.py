"""Every case matching a filter, read batch by batch: the service behind the line
listings of the web (``/api/cases/export``) and the CLI (``dermavigil case export``
without a case id).

:func:`listing_batches` counts the matches once, then yields (case, assessment)
batches by case id, each read in its own short read-only transaction, so a long
export holds no lock and no connection between batches; cases added meanwhile
after the last id read are included.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dermavigil.registry.models import CaseFilter
from dermavigil.registry.service import CaseService

Batch = list[tuple[Any, Any]]


def listing_batches(
    registry: Any,
    case_filter: CaseFilter,
    batch: int = 200,
    seen: list[tuple[str, int | None]] | None = None,
) -> tuple[int, Iterator[Batch]]:
    """How many cases match ``case_filter`` now, and every one of them as
    (case, assessment) batches by case id. ``seen`` receives each (case id, version)
    read, for the access log."""
    with registry.transaction(readonly=True) as session:
        total = CaseService(session).list(case_filter, offset=0, limit=1).total

    def batches() -> Iterator[Batch]:
        after = ""
        while True:
            with registry.transaction(readonly=True) as session:
                stored = CaseService(session).batch_after(case_filter, after, batch)
            if stored:
                if seen is not None:
                    seen.extend((s.case_id, s.version) for s in stored)
                yield [(s.case, s.assessment) for s in stored]
            if len(stored) < batch:
                return
            after = stored[-1].case_id

    return total, batches()
