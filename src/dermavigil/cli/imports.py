"""``dermavigil import SOURCE PATH...``: load public adverse-event data into the store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dermavigil.settings import load_settings

if TYPE_CHECKING:
    from dermavigil.ingest.summary import ImportSummary

console = Console()


class SourceName(StrEnum):
    faers = "faers"
    vaers = "vaers"
    caers = "caers"
    openfda = "openfda"
    maude = "maude"
    registry = "registry"


def import_command(
    source: Annotated[SourceName, typer.Argument(help="Which source the files are.")],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders: FAERS quarterly zips or extracted folders, VAERS yearly "
            "zips, CAERS CSV files, openFDA JSON pages (.json or .json.gz), MAUDE files (mdrfoi, "
            "foidev/DEVICE, patient, patientproblemcode, foitext; yearly/thru/add/change) or "
            "openFDA device/event JSON. Not for registry."
        ),
    ] = None,
    problems: Annotated[
        int, typer.Option("--problems", help="How many rejected/repaired rows to list.")
    ] = 10,
) -> None:
    """Import files into the analytic store (idempotent; atomic per source)."""
    from dermavigil.ingest.runner import run_import

    settings = load_settings()
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(f"importing {source.value}", total=None)

        def progress(description: str, completed: int, total: int) -> None:
            bar.update(task, description=description, completed=completed, total=total)

        summary = run_import(settings, source.value, list(paths or []), progress)
    print_summary(summary, problems)


def print_summary(summary: ImportSummary, problems: int) -> None:
    """The end-of-import summary: inputs, counts, problems by reason, a few problems."""
    table = Table(title=f"import {summary.source}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row(
        "inputs (new / already staged)", f"{summary.inputs_added} / {summary.inputs_reused}"
    )
    table.add_row("rows read", f"{sum(summary.rows_read.values()):,}")
    table.add_row("reports read", f"{summary.reports_read:,}")
    table.add_row("reports kept", f"{summary.reports_kept:,}")
    table.add_row("versions superseded", f"{summary.versions_superseded:,}")
    table.add_row("deleted (FDA deletion lists)", f"{summary.deleted:,}")
    table.add_row("product rows", f"{summary.product_rows:,}")
    table.add_row("reaction rows", f"{summary.reaction_rows:,}")
    for what, n in sorted(summary.duplicates_collapsed.items()):
        table.add_row(f"duplicate {what} collapsed", f"{n:,}")
    for what, n in sorted(summary.not_stored.items()):
        table.add_row(f"not stored: {what}", f"{n:,}")
    table.add_row("rows rejected", f"{summary.rows_rejected:,}")
    for reason, n in sorted(summary.rejected.items()):
        table.add_row(f"  rejected: {reason}", f"{n:,}")
    table.add_row("values repaired", f"{summary.rows_repaired:,}")
    for reason, n in sorted(summary.repaired.items()):
        table.add_row(f"  repaired: {reason}", f"{n:,}")
    console.print(table)
    if summary.rows_read:
        files = Table(title="rows read per file")
        files.add_column("file")
        files.add_column("rows", justify="right")
        for name, n in sorted(summary.rows_read.items()):
            files.add_row(name, f"{n:,}")
        console.print(files)
    for problem in summary.problems[:problems]:
        console.print(f"  {problem}", markup=False, highlight=False)
    for warning in summary.grouped_warnings():
        console.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
