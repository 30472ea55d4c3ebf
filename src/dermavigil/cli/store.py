"""``dermavigil store``: what the analytic store holds; check, clean, drop a source."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dermavigil.settings import load_settings

console = Console()
store_app = typer.Typer(help="Inspect the analytic store.", no_args_is_help=True)


@store_app.command("stats")
def stats() -> None:
    """Reports, product rows and reaction rows per source."""
    from dermavigil.ingest.summary import source_counts

    settings = load_settings()
    counts = source_counts(settings.store_dir)
    if not counts:
        console.print(f"the store at {settings.store_dir} is empty")
        return
    table = Table(title=f"store {settings.store_dir}")
    for name in ("source", "reports", "product rows", "reaction rows"):
        table.add_column(name, justify="left" if name == "source" else "right")
    for source, c in counts.items():
        table.add_row(
            source,
            f"{c['reports']:,}",
            f"{c['report_products']:,}",
            f"{c['report_reactions']:,}",
        )
    console.print(table)


@store_app.command("drop")
def drop_command(
    source: Annotated[str, typer.Argument(help="The source to remove, e.g. vaers.")],
) -> None:
    """Remove one source (its tables and staged inputs) from the store."""
    from dermavigil.ingest.runner import drop
    from dermavigil.store.layout import sources

    settings = load_settings()
    if source not in sources(settings.store_dir):
        console.print(f"{source} is not in the store")
        raise typer.Exit(1)
    drop(settings, source)
    console.print(f"dropped {source}")


@store_app.command("check")
def check_command() -> None:
    """Read every Parquet file of every live generation; compare rows with what was written."""
    from dermavigil.errors import StorageError
    from dermavigil.store.maintenance import check

    settings = load_settings()
    results = check(settings.store_dir)
    if not results:
        console.print(f"the store at {settings.store_dir} is empty")
        return
    table = Table(title=f"store check {settings.store_dir}")
    for name in ("source", "generation", "reports", "product rows", "reaction rows", "result"):
        table.add_column(name, justify="right" if "rows" in name or name == "reports" else "left")
    for r in results:
        rows = [f"{r.rows[t]:,}" if t in r.rows else "-" for t in _TABLES]
        verdict = "ok" if r.counts_from else "ok (no counts recorded)"
        table.add_row(r.source, r.generation or "-", *rows, verdict if r.ok else "DAMAGED")
    console.print(table)
    bad = [r for r in results if not r.ok]
    for r in bad:
        for problem in r.problems:
            console.print(f"  {r.source}: {problem}", markup=False, highlight=False)
    if bad:
        names = ", ".join(r.source for r in bad)
        raise StorageError(
            f"store check: {names} failed (problems above); import the source again, "
            "or drop it with 'dermavigil store drop'"
        )


@store_app.command("gc")
def gc_command() -> None:
    """Remove what failed or killed imports left (never a live generation or a running import)."""
    from dermavigil.ingest.housekeeping import collect
    from dermavigil.store.oserrors import translated

    settings = load_settings()
    with translated(
        "store gc", lambda: None, lambda: "the live generations are untouched", settings.store_dir
    ):
        result = collect(settings)
    for path, size, why in result.removed:
        console.print(f"removed {path} ({size:,} bytes): {why}", markup=False, highlight=False)
    for busy in result.busy:
        console.print(f"skipped: {busy}", markup=False, highlight=False)
    if not result.removed:
        console.print("nothing to remove")
    else:
        console.print(f"{len(result.removed)} removed, {result.bytes_freed:,} bytes freed")


_TABLES = ("reports", "report_products", "report_reactions")


def register(app: typer.Typer) -> None:
    app.add_typer(store_app, name="store")
