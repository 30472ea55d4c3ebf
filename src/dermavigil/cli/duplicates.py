"""``dermavigil duplicates``: pairs of registry cases that are probably one case.

Thin: compares the current versions of the registry's active cases in one
read-only transaction (:func:`dermavigil.duplicates.registry_duplicates`),
then prints each pair with its evidence fact by fact (or JSON with ``--json``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from dermavigil.duplicates import DuplicatePair

console = Console()


def _value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, dict):
        return "\n".join(f"{key}: {_value(item)}" for key, item in value.items())
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _show(pair: DuplicatePair) -> None:
    table = Table(
        title=(
            f"{pair.case_a} ({pair.source_a}) ~ {pair.case_b} ({pair.source_b}): "
            f"probability {pair.match_probability:.4f}, weight {pair.match_weight:.1f} "
            f"(prior {pair.prior_weight:.1f})"
        ),
        title_justify="left",
        expand=True,
    )
    table.add_column("fact", no_wrap=True)
    table.add_column("level", ratio=2, overflow="fold")
    table.add_column("weight", justify="right", no_wrap=True)
    table.add_column(pair.case_a, ratio=3, overflow="fold")
    table.add_column(pair.case_b, ratio=3, overflow="fold")
    for item in pair.explanation:
        table.add_row(
            item.field,
            item.level,
            f"{item.match_weight:+.2f}",
            _value(item.value_a),
            _value(item.value_b),
        )
    console.print(table)


def duplicates(
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="least match probability of a pair shown")
    ] = 0.9,
    as_json: Annotated[bool, typer.Option("--json", help="print the pairs as JSON")] = False,
) -> None:
    """List pairs of active cases that are probably the same case (splink, Fellegi-Sunter)."""
    from dermavigil.duplicates import registry_duplicates
    from dermavigil.registry import open_registry
    from dermavigil.settings import load_settings

    settings = load_settings()
    settings.ensure_dirs()
    registry = open_registry(settings.database_url)
    try:
        with registry.transaction(readonly=True) as session:
            report = registry_duplicates(session, threshold)
    finally:
        registry.close()
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    if not report.pairs:
        console.print(f"no pair of the {report.cases} active cases reaches {threshold:g}")
        return
    for pair in report.pairs:
        _show(pair)
    console.print(
        f"{len(report.pairs)} probable duplicate pair(s) among {report.cases} active cases"
    )


def register(app: typer.Typer) -> None:
    """Mount ``dermavigil duplicates``."""
    app.command("duplicates")(duplicates)
