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


def _run_with_progress(
    threshold: float, by: str, engine: str | None, spark_conf: list[str] | None
) -> Any:
    """Compare the active cases with a progress bar and save the run
    (:func:`dermavigil.duplicates.background.run_shared`: a run under way elsewhere, the
    web job, is waited for, said on stderr and counted on the bar, and its result used
    when the registry has not changed since)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from dermavigil.cli.case import registry as current_registry
    from dermavigil.duplicates.background import run_shared, shared_text
    from dermavigil.settings import load_settings, parse_spark_conf

    settings = load_settings()
    extra = parse_spark_conf(spark_conf or [])
    if extra and (engine or settings.engine) != "spark":
        from dermavigil.errors import InputError

        raise InputError("--spark-conf applies to --engine spark only")
    registry = current_registry()
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    told = False
    try:
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("reading cases", total=3)

            def step(text: str, done: int, total: int) -> None:
                nonlocal told
                if text.startswith("waiting for") and not told:
                    typer.echo(text, err=True)
                    told = True
                bar.update(task, description=text, completed=done, total=total or None)

            shared = run_shared(
                registry, settings, by, threshold, step, engine=engine, spark_conf=extra
            )
    finally:
        registry.close()
    if shared.reused:
        typer.echo(shared_text(shared), err=True)
    return shared.run


def duplicates(
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="least match probability of a pair shown")
    ] = 0.9,
    as_json: Annotated[bool, typer.Option("--json", help="print the pairs as JSON")] = False,
    model: Annotated[
        bool, typer.Option("--model", help="also print the trained model's parameters")
    ] = False,
    by: Annotated[str, typer.Option("--by", help="who runs it (default: your OS user)")] = "",
    engine: Annotated[
        str | None, typer.Option(help="duckdb (default: DERMAVIGIL_ENGINE) or spark")
    ] = None,
    spark_conf: Annotated[
        list[str] | None,
        typer.Option(
            "--spark-conf",
            help="With --engine spark: a Spark setting KEY=VALUE (repeatable), e.g. "
            "spark.driver.memory=8g; over the DERMAVIGIL_SPARK_* settings",
        ),
    ] = None,
) -> None:
    """List pairs of active cases that are probably the same case (splink, Fellegi-Sunter).

    The model is trained on the cases compared; ``--model`` prints its parameters. The run
    is saved with its model; pairs decided with ``dermavigil duplicate decide`` are left out.
    The comparison runs on DuckDB, or on Spark (``--engine spark``), as signal runs do."""
    import getpass

    report = _run_with_progress(threshold, by or getpass.getuser(), engine, spark_conf)
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
        if (pair.case_a, pair.case_b) in report.undecided:
            console.print("  (marked undecided)")
    console.print(
        f"{len(report.pairs)} probable duplicate pair(s) among {report.cases} active cases "
        f"(run {report.run_id}); decide: dermavigil duplicate decide A B same|different|undecided"
    )
    if report.model is not None and not model:
        console.print(model_summary(report.model) + " (--model for every parameter)")


decisions = typer.Typer(help="Decide on a pair of cases (same case, not a duplicate, undecided).")


@decisions.command("decide")
def decide_command(
    case_a: Annotated[str, typer.Argument(help="one case of the pair")],
    case_b: Annotated[str, typer.Argument(help="the other case")],
    decision: Annotated[str, typer.Argument(help="same | different | undecided")],
    master: Annotated[
        str | None, typer.Option(help="for 'same': the case kept active (default: the first)")
    ] = None,
    reason: Annotated[str | None, typer.Option(help="why (kept in the audit trail)")] = None,
    run: Annotated[int | None, typer.Option(help="the duplicate run the pair came from")] = None,
    by: Annotated[str, typer.Option("--by", help="who decides (default: your OS user)")] = "",
) -> None:
    """Record a decision; 'same' merges (the other case is retracted as a linked version
    of the master, nothing deleted), 'different' hides the pair from later runs."""
    import getpass

    from dermavigil.cli.case import registry as current_registry
    from dermavigil.duplicates.manage import decide

    registry = current_registry()
    try:
        with registry.transaction() as session:
            info = decide(
                session, case_a, case_b, decision,  # type: ignore[arg-type]
                by=by or getpass.getuser(), reason=reason, master=master, run_id=run,
            )  # fmt: skip
    finally:
        registry.close()
    merged = f", master {info.master}" if info.master else ""
    console.print(
        f"decision {info.decision_id}: {info.case_a} ~ {info.case_b} {info.decision}{merged}"
    )


@decisions.command("history")
def history_command(
    case_id: Annotated[str | None, typer.Argument(help="only pairs holding this case")] = None,
) -> None:
    """Every decision on pairs, newest first: who, when, what, why."""
    from dermavigil.cli.case import registry as current_registry
    from dermavigil.duplicates.manage import history

    registry = current_registry()
    try:
        with registry.transaction(readonly=True) as session:
            rows = history(session, case_id)
    finally:
        registry.close()
    table = Table(title="duplicate decisions", title_justify="left")
    for name in ("#", "pair", "decision", "master", "by", "when", "reason"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(
            str(row.decision_id), f"{row.case_a} ~ {row.case_b}", row.decision,
            row.master or "", row.decided_by, f"{row.decided_at:%Y-%m-%d %H:%M}", row.reason or "",
        )  # fmt: skip
    console.print(table)


def register(app: typer.Typer) -> None:
    """Mount ``dermavigil duplicates`` and ``dermavigil duplicate``."""
    app.command("duplicates")(duplicates)
    app.add_typer(decisions, name="duplicate")
