"""``dermavigil signals``: disproportionality analysis over the store or a long-format file."""

from __future__ import annotations

import gc
import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dermavigil.cli import process_ends_after_command, rich_console, skip_teardown
from dermavigil.errors import InputError
from dermavigil.settings import load_settings
from dermavigil.signals import METHODS

if TYPE_CHECKING:
    import pyarrow as pa

    from dermavigil.signals.detect import SignalResult

_STAGES = {
    "counting": "counting 2x2 tables on the engine",
    "prior": "fitting the MGPS prior",
    "statistics": "computing PRR, ROR, IC, EBGM",
}


@contextmanager
def stage_spinner() -> Iterator[Callable[[str], None]]:
    """A transient spinner naming the stage on a terminal (a long stage, such as a wait
    for another run's export with its seconds at the end, folded over two lines);
    elsewhere (output to a file or a pipe, where it would not be drawn) nothing, and no
    refresh thread."""
    if not sys.stdout.isatty():
        yield lambda stage: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.table import Column

    # folded, not cut: a wait's seconds come at the end of its line
    text = TextColumn("{task.description}", table_column=Column(overflow="fold"))
    columns = (SpinnerColumn(), text, TimeElapsedColumn())
    with Progress(*columns, console=rich_console(), transient=True) as bar:
        task = bar.add_task("opening the engine", total=None)
        yield lambda stage: bar.update(task, description=_STAGES.get(stage, stage))


def registry_step(progress: Callable[[str], None]) -> Callable[[str, int, int], None]:
    """The progress of a run's registry export. A wait for another run's export is said
    on stderr when it begins (the spinner, drawn on a terminal only, then counts its
    seconds: the lock tells the wait again every second)."""
    told = False

    def step(text: str, done: int, total: int) -> None:
        nonlocal told
        if text.startswith("waiting for") and not told:
            typer.echo(text, err=True)
            told = True
        progress(text)

    return step


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(s.strip() for s in (text or "").split(",") if s.strip())


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return "inf" if math.isinf(value) else ("NaN" if math.isnan(value) else f"{value:.3g}")
    return str(value)


def _print_top(table: pa.Table, keys: list[str], top: int) -> None:
    from rich.table import Table

    shown = [c for c in [*keys, "n", "prr", "ror", "ic025", "eb05"] if c in table.column_names]
    flags = [c for c in table.column_names if c.startswith("signal_")]
    view = Table(title=f"top {min(top, table.num_rows)} of {table.num_rows} pairs")
    for column in shown:
        if column in keys:
            view.add_column(column, overflow="fold", min_width=12, ratio=2)
        else:
            view.add_column(column, justify="right", no_wrap=True)
    view.add_column("signals", overflow="fold", min_width=7, ratio=1)
    for row in table.slice(0, top).to_pylist():
        raised = ",".join(f.removeprefix("signal_") for f in flags if row[f]) or "-"
        view.add_row(*(_fmt(row[c]) for c in shown), raised)
    rich_console().print(view)


def _print_prior(result: SignalResult) -> None:
    if result.prior is None:
        return
    from dermavigil.signals.output import prior_document

    doc = prior_document(result.prior, result.n_total)
    ok = result.prior.converged
    typer.secho(f"MGPS prior ({doc['message']})", fg="green" if ok else "red", bold=not ok)
    for key in ("alpha1", "beta1", "alpha2", "beta2", "p", "log_likelihood"):
        typer.echo(f"  {key:>15} = {doc[key]:.6g}")


def signals(
    ctx: typer.Context,
    out: Annotated[
        Path | None, typer.Option("--out", help="Output FILE.csv or FILE.parquet")
    ] = None,
    by: Annotated[
        str,
        typer.Option(
            help="Dimensions, e.g. product,reaction or product,route,reaction or category,reaction"
        ),
    ] = "product,reaction",
    strata: Annotated[str | None, typer.Option(help="Strata, e.g. sex,age_band,year")] = None,
    method: Annotated[str, typer.Option(help="Measures: prr,ror,ic,ebgm")] = ",".join(METHODS),
    min_count: Annotated[int, typer.Option(help="Keep pairs with at least N reports")] = 1,
    engine: Annotated[str | None, typer.Option(help="duckdb (default) or spark")] = None,
    input_file: Annotated[
        Path | None, typer.Option("--input", help="Long-format CSV/Parquet instead of the store")
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option(help="With --input: report=id,product=var1,reaction=var2[,stratum=col]"),
    ] = None,
    all_roles: Annotated[
        bool, typer.Option(help="Count concomitant products too (default: suspect/interacting)")
    ] = False,
    top: Annotated[int, typer.Option(help="Rows of the table printed")] = 15,
    spark_conf: Annotated[
        list[str] | None,
        typer.Option(
            "--spark-conf",
            help="With --engine spark: a Spark setting KEY=VALUE (repeatable), e.g. "
            "spark.master=spark://host:7077, spark.driver.memory=8g, "
            "spark.sql.shuffle.partitions=64; over the DERMAVIGIL_SPARK_* settings",
        ),
    ] = None,
) -> None:
    """Disproportionality (PRR, ROR, IC, EBGM) for every combination of the --by dimensions.

    Over the store, the registry's active cases are re-exported first when the store
    holds them and the registry changed since its last export, so that a duplicate merged
    since counts once; a run that finds another's export under way waits for it.

    Sub-commands follow signals over time (``trend``) and watch for new ones (``watch``).
    """
    if ctx.invoked_subcommand is not None:
        return
    if out is None:
        raise InputError("--out FILE.csv or FILE.parquet is required for a signal run")
    in_process = (engine or load_settings().engine) != "spark"
    with _without_cyclic_gc(in_process):
        _run(out, by, strata, method, min_count, engine, input_file, columns, all_roles, top,
             spark_conf)  # fmt: skip


@contextmanager
def _without_cyclic_gc(pause: bool) -> Iterator[None]:
    """The cyclic garbage collector paused (when ``pause``) for one signal run in this
    process: its data live in numpy and Arrow buffers and make next to no reference
    cycles, while the collector would walk the objects that importing numpy, pyarrow
    and scipy creates again and again (about 190 collections, 60 ms of a FAERS
    quarter's run). Not for Spark, whose py4j driver runs for long. The collector stays
    off when the process ends right after the run (the program, once the run called
    ``skip_teardown``): turned back on, it would first collect every object made while
    it was off (some 110,000, 25 ms) just before the exit."""
    if not pause:
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled and not process_ends_after_command():
            gc.enable()


def _run(
    out: Path,
    by: str,
    strata: str | None,
    method: str,
    min_count: int,
    engine: str | None,
    input_file: Path | None,
    columns: str | None,
    all_roles: bool,
    top: int,
    spark_conf: list[str] | None,
) -> None:
    from dermavigil.store.readahead import read_ahead

    # a small .xz input is decompressed from here on, beside the imports that follow
    ahead = read_ahead(input_file) if input_file is not None else None
    from dermavigil.signals.detect import SignalRequest, detect_file, detect_store
    from dermavigil.signals.output import write_signals
    from dermavigil.store.longformat import parse_columns

    settings = load_settings()
    if columns is not None and input_file is None:
        raise InputError("--columns describes an --input file; give --input FILE too")
    spec = parse_columns(columns) if input_file is not None else None
    chosen_strata = _split(strata)
    if spec is not None and strata is None:
        chosen_strata = spec.strata  # mapped strata are used unless --strata says otherwise
    request = SignalRequest(
        by=_split(by),
        strata=chosen_strata,
        methods=_split(method),
        min_count=min_count,
        suspect_only=not all_roles,
    )
    engine_name = engine or settings.engine
    from dermavigil.settings import parse_spark_conf

    options: dict[str, object] = {}
    extra = parse_spark_conf(spark_conf or [])
    if engine_name == "spark":
        options["conf"] = {**dict(settings.spark_conf), **extra}
    elif extra:
        raise InputError("--spark-conf applies to --engine spark only")
    registry = None
    with stage_spinner() as progress:
        if input_file is not None and spec is not None:
            result = detect_file(input_file, spec, request, engine_name, progress, ahead, **options)
        else:
            from dermavigil.signals.runs import refresh_registry_export

            progress("registry cases into the store (merges and retractions since)")
            registry = refresh_registry_export(settings, registry_step(progress))
            result = detect_store(settings.store_dir, request, engine_name, progress, **options)
    if registry is not None:
        from dermavigil.signals.runs import refreshed_text

        typer.echo(refreshed_text(registry))
    prior_file = write_signals(result.table, out, result.prior, result.n_total)
    if top > 0:
        _print_top(result.table, result.table.column_names[: len(request.by)], top)
    _print_prior(result)
    timing = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
    typer.echo(f"{result.table.num_rows} pairs over {result.n_total} reports ({timing})")
    for column, count in result.undefined.items():
        typer.secho(f"{column}: undefined (NaN) for {count} pair(s)", fg="yellow")
    typer.echo(f"wrote {out}" + (f" and {prior_file}" if prior_file else ""))
    if engine_name != "spark":  # files written and closed; no engine left open
        skip_teardown()


def register(app: typer.Typer) -> None:
    """Add the ``signals`` group to the root app: a run by default, ``trend`` and ``watch``."""
    from dermavigil.cli import signal_trend, signal_watch

    group = typer.Typer(invoke_without_command=True, pretty_exceptions_enable=False)
    group.callback()(signals)
    signal_trend.add_to(group)
    signal_watch.add_to(group)
    app.add_typer(group, name="signals")
