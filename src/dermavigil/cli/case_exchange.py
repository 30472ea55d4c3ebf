"""``dermavigil case export|submit|ack|submissions``: a case or a line listing in an
exchange format, and the E2B(R3) submission round trip (batch sent, acknowledgement read).

The same services as the web's export links and submission panel
(:mod:`dermavigil.exchange.formats`, :mod:`dermavigil.registry.submissions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dermavigil.cli import render
from dermavigil.cli.case import By, _cases, _default_by, _read, registry, with_case_filters
from dermavigil.errors import DermavigilError, InputError, Problem, StorageError

if TYPE_CHECKING:  # the models, SQLAlchemy and the formats load when a command runs
    from dermavigil.domain.assessment import Assessment
    from dermavigil.domain.case import Case
    from dermavigil.registry import CaseFilter


@with_case_filters
def export(
    case_id: Annotated[
        str | None,
        typer.Argument(help="a case (e.g. DV-000001); none: a line listing of every match"),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", help="one case: json, csv, e2b, fhir, fhir-r4 or cioms; all: csv or xlsx"
        ),
    ] = "json",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="write to this file (default: stdout)")
    ] = None,
    *,
    criteria: CaseFilter,
) -> None:
    """Export a case's current version in an exchange format; without a case id, a line
    listing (CSV or Excel) of every case matching the filters, under a header block."""
    if case_id is None:
        _export_listing(criteria, fmt, out)
        return
    with registry().transaction(readonly=True) as session:
        stored = _cases(session).get(case_id)
    data = export_bytes([stored.case], fmt, [stored.assessment], [stored.version])
    if out is None:
        typer.echo(data, nl=False)
        return
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    render.console.print(f"wrote {out} ({len(data)} bytes, {fmt})")


def _export_listing(criteria: CaseFilter, fmt: str, out: Path | None) -> None:
    """Every matching case as a line listing, through the service the web export uses
    (:func:`dermavigil.registry.listing.listing_batches`), written to ``out`` atomically."""
    import sys
    from datetime import UTC, datetime

    from dermavigil.exchange.line_listing import ListingHeader, csv_chunks, write_xlsx
    from dermavigil.registry.listing import listing_batches

    if fmt not in ("csv", "xlsx"):
        raise InputError(
            f"a line listing is csv or xlsx, not {fmt!r}",
            [Problem("--format", "use csv or xlsx (or name one case for other formats)", fmt)],
        )
    if fmt == "xlsx" and out is None:
        raise InputError("an Excel listing needs a file", [Problem("--out", "give -o FILE.xlsx")])
    total, batches = listing_batches(registry(), criteria)
    shown = criteria.model_dump(exclude_none=True, exclude={"owner"})
    header = ListingHeader(filters=shown, generated=datetime.now(UTC), count=total)
    if out is None:
        for chunk in csv_chunks(header, batches):
            sys.stdout.buffer.write(chunk)
        return
    tmp = out.with_name(out.name + ".tmp")
    try:
        with tmp.open("wb") as handle:
            if fmt == "csv":
                for chunk in csv_chunks(header, batches):
                    handle.write(chunk)
            else:
                write_xlsx(header, batches, handle)
        tmp.replace(out)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"cannot write {out}: {error.strerror}; nothing written") from error
    render.console.print(f"wrote {out}: {total} case(s), {fmt} line listing")


def submit(
    case_id: str,
    out: Annotated[Path, typer.Option(help="write the E2B(R3) batch to this file")],
    by: By = "",
) -> None:
    """Write a case's current version as an E2B(R3) batch for the settings' receiver
    (DERMAVIGIL_E2B_RECEIVER, e.g. ZZFDA) and record the submission (status 'sent').
    A batch the receiver's business rules would reject is refused, element by element."""
    from dermavigil.exchange.e2b.ack import sent_ids
    from dermavigil.registry.submissions import SubmissionService
    from dermavigil.settings import load_settings

    reg = registry()
    with reg.transaction(readonly=True) as session:
        stored = _cases(session).get(case_id)
    data = export_bytes([stored.case], "e2b", [stored.assessment], [stored.version])
    batch_id, [report_id] = sent_ids(data)
    receiver = load_settings().e2b_receiver_id
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    with reg.transaction() as session:
        SubmissionService(session).record_sent(
            stored.case_id, stored.version, receiver, batch_id, report_id, by or _default_by()
        )
    tmp.replace(out)
    render.console.print(
        f"wrote {out}: {stored.case_id} version {stored.version} to {receiver} "
        f"(batch {batch_id}, C.1.1 {report_id}), status sent"
    )


def ack(
    file: Annotated[Path, typer.Argument(help="an E2B(R3) acknowledgement (MCCI_IN200101UV01)")],
) -> None:
    """Record a receiver's acknowledgement of a submitted batch (status per case)."""
    from dermavigil.exchange.e2b.ack import read_ack
    from dermavigil.registry.submissions import SubmissionService

    answer = read_ack(_read(file), record=file.name)
    messages = [(m.report_id, m.code, m.text) for m in answer.messages]
    with registry().transaction() as session:
        updated = SubmissionService(session).record_ack(
            answer.batch_id, answer.code, messages, answer.text
        )
    for s in updated:
        render.console.print(
            f"{s.case_id} version {s.version} ({s.report_id}): {s.status} ({s.ack_code})"
            + (f": {s.ack_text}" if s.ack_text else ""),
            markup=False,
            highlight=False,
        )


def submissions(case_id: str) -> None:
    """The E2B(R3) submissions of a case and their acknowledgement status."""
    from dermavigil.registry.submissions import SubmissionService

    with registry().transaction(readonly=True) as session:
        _cases(session).get(case_id)  # a clear error for an unknown case
        sent = SubmissionService(session).for_case(case_id.strip().upper())
    if not sent:
        render.console.print(f"{case_id}: no submission recorded")
    for s in sent:
        render.console.print(
            f"version {s.version} to {s.receiver} on {s.sent_at:%Y-%m-%d %H:%M} by {s.sent_by}: "
            f"{s.status}" + (f" ({s.ack_code})" if s.ack_code else ""),
            markup=False,
            highlight=False,
        )


def export_bytes(
    cases: Sequence[Case],
    fmt: str,
    assessments: Sequence[Assessment | None] | None = None,
    versions: Sequence[int] | None = None,
) -> bytes:
    """The cases in ``fmt`` (with their assessments and the settings' E2B sender/receiver ids);
    a format whose writer is not installed is a clear error."""
    from dermavigil.exchange.formats import export_cases
    from dermavigil.settings import load_settings

    settings = load_settings()
    try:
        return export_cases(
            cases,
            fmt,
            assessments=assessments,
            sender=settings.e2b_sender_id,
            receiver=settings.e2b_receiver_id,
            versions=versions,
        )
    except ImportError as exc:
        raise DermavigilError(
            f"export format {fmt!r} is not available in this build ({exc.name} is missing)"
        ) from None


def add_to(case_app: typer.Typer) -> None:
    """Add the exchange commands to ``dermavigil case``."""
    for name, function in (
        ("export", export),
        ("submit", submit),
        ("ack", ack),
        ("submissions", submissions),
    ):
        case_app.command(name)(function)
