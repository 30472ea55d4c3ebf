"""``dermavigil store``: what the analytic store holds, and removing a source."""

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


def register(app: typer.Typer) -> None:
    app.add_typer(store_app, name="store")
