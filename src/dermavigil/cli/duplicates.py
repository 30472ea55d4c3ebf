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
    from dermavigil.duplicates import DuplicateModel, DuplicatePair

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


def model_summary(model: DuplicateModel) -> str:
    """One line: what the model was trained on and how."""
    if not model.trained:
        return f"model: stated priors (fewer than the records needed to train; {model.records})"
    used = [s for s in model.em_sessions if s.used]
    m_text = (
        f"m by EM in {len(used)} of {len(model.em_sessions)} session(s)"
        if used
        else "m: priors (EM found no match cluster)"
    )
    return (
        f"model: trained on {model.records} cases; u from {model.u_pairs} random pairs; "
        f"{m_text}; prior weight {model.prior_weight:.2f}"
    )


def show_model(model: DuplicateModel) -> None:
    """Every level's m, u, weight and where they came from."""
    console.print(model_summary(model))
    table = Table(title="parameters (log2(m/u) per level)", title_justify="left", expand=True)
    for name in ("fact", "level", "m", "u", "weight", "from", "constraint"):
        table.add_column(name, overflow="fold")
    for fact in model.facts:
        for level in fact.levels:
            table.add_row(
                fact.name,
                level.label + (f" (tf: {level.tf_column})" if level.tf_column else ""),
                f"{level.m:.4g}",
                f"{level.u:.4g}",
                f"{level.weight:+.2f}",
                f"m {level.m_from}, u {level.u_from}",
                level.constrained or "",
            )
    console.print(table)
    for session in model.em_sessions:
        console.print(
            f"EM on {session.block}: {'used' if session.used else 'not used'} ({session.why})"
        )


def duplicates(
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="least match probability of a pair shown")
    ] = 0.9,
    as_json: Annotated[bool, typer.Option("--json", help="print the pairs as JSON")] = False,
    model: Annotated[
        bool, typer.Option("--model", help="also print the trained model's parameters")
    ] = False,
) -> None:
    """List pairs of active cases that are probably the same case (splink, Fellegi-Sunter).

    The model is trained on the cases compared; ``--model`` prints its parameters."""
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
    if model and report.model is not None:
        show_model(report.model)
    if not report.pairs:
        console.print(f"no pair of the {report.cases} active cases reaches {threshold:g}")
        return
    for pair in report.pairs:
        _show(pair)
    console.print(
        f"{len(report.pairs)} probable duplicate pair(s) among {report.cases} active cases"
    )
    if report.model is not None and not model:
        console.print(model_summary(report.model) + " (--model for every parameter)")


def register(app: typer.Typer) -> None:
    """Mount ``dermavigil duplicates``."""
    app.command("duplicates")(duplicates)
