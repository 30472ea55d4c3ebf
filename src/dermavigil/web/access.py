"""Recording reads of case data in the read-access log (:mod:`dermavigil.registry.access_log`).

Every route that sends case content to a signed-in user calls :func:`record_read` (or wraps
a streamed listing in :func:`recorded_listing`) once it has the data: the case page, the
draft page and edit form, ``GET /api/cases/{id}`` (also its history and assessment), every
export (JSON, CSV, E2B, FHIR, CIOMS-I, line listings, case series). Case *summaries* (the
case list and its JSON) are not logged: they name cases, products and reactions but carry
no patient, narrative or assessment.

The record is queued on the registry's group-commit writer (:meth:`Registry.queue_write`):
the request does not wait for a write transaction, and under load the rows of many reads
(and case creations) share one commit. The price: a crash loses the reads of the last
moments not yet committed (``bench/access_log.py`` measures what waiting would cost).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request

from dermavigil.web.login import client_address


def record_read(
    request: Request,
    username: str,
    cases: Iterable[tuple[str, int | None]],
    how: str,
    fmt: str,
    detail: str | None = None,
) -> None:
    """Log that ``username`` read ``cases`` (``(case_id, version)``) ``how`` in ``fmt``."""
    from dermavigil.registry.access_log import AccessRead, record

    read = AccessRead(
        at=datetime.now(UTC),
        username=username,
        how=how,
        format=fmt,
        address=client_address(request),
        cases=list(cases),
        detail=detail,
    )
    request.app.state.registry.queue_write(lambda session: record(session, read))


def stored_read(request: Request, username: str, stored: Any, how: str, fmt: str) -> Any:
    """Log the read of one stored case (its id and version); returns ``stored``."""
    record_read(request, username, [(stored.case_id, stored.version)], how, fmt)
    return stored


def filter_text(criteria: Mapping[str, Any]) -> str:
    """The filters of a listing as a query string (empty values left out)."""
    return urlencode({k: v for k, v in criteria.items() if v not in (None, "")})


def recorded_listing(
    request: Request,
    username: str,
    batches: Iterable[list[Any]],
    seen: list[tuple[str, int | None]],
    fmt: str,
    detail: str,
) -> Iterator[list[Any]]:
    """``batches`` passed through; once they are exhausted (or the download is abandoned)
    the cases read so far (``seen``, filled by the reader) are logged as one listing."""
    try:
        yield from batches
    finally:
        record_read(request, username, seen, "listing", fmt, detail)
