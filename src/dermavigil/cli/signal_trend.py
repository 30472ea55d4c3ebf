"""``dermavigil signals trend``: when each pair first met each signal criterion."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer

from dermavigil.cli import rich_console


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(s.strip() for s in (text or "").split(",") if s.strip())


def _fmt(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return "inf" if math.isinf(value) else ("NaN" if math.isnan(value) else f"{value:.3g}")
    return str(value)


def trend(
    by: Annotated[str, typer.Option(help="Dimensions, e.g. product,reaction")] = (
        "product,reaction"
    ),
    period: Annotated[str, typer.Option(help="month, quarter or year of receipt")] = "month",
    pair: Annotated[
        str | None,
        typer.Option(help="Follow one pair (or a few): e.g. product=rv,reaction=intussusception"),
    ] = None,
    method: Annotated[str, typer.Option(help="Measures: prr,ror,ic,ebgm")] = "prr,ror,ic,ebgm",
    prior: Annotated[
        str, typer.Option(help="MGPS prior: refit at each period, or held from the last")
    ] = "refit",
    min_count: Annotated[int, typer.Option(help="Pairs with at least N reports at the end")] = 1,
    out: Annotated[
        Path | None, typer.Option(help="First crossings to FILE.csv/.parquet (series beside)")
    ] = None,
    top: Annotated[int, typer.Option(help="Rows printed")] = 15,
) -> None:
    """Cumulative PRR/ROR/IC/EBGM by period; the first period each criterion was met.

    The registry's active cases are re-exported first when the store holds them and the
    registry changed since its last export, so that a duplicate merged since counts once."""
    console = rich_console()
    from dermavigil.settings import load_settings
    from dermavigil.signals.output import write_signals
    from dermavigil.signals.trend import TrendRequest, parse_pair, trend_store

    request = TrendRequest(
        by=_split(by),
        period=period,
        methods=_split(method),
        prior=prior,
        only=parse_pair(pair),
        min_count=min_count,
    )
    settings = load_settings()
    from dermavigil.cli.signals import registry_step
    from dermavigil.signals.runs import refresh_registry_export, refreshed_text

    # a duplicate merged since counts once
    registry = refresh_registry_export(settings, registry_step(lambda text: None))
    if registry is not None:
        console.print(refreshed_text(registry))
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    with Progress(
        TextColumn("periods"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("periods", total=None)
        result = trend_store(
            settings.store_dir,
            request,
            settings.engine,
            lambda done, total: bar.update(task, completed=done, total=total),
        )
    keys = list(request.by)
    view = Table(
        title=f"first period each criterion was met ({result.periods[0]} to "
        f"{result.periods[-1]}, {len(result.periods)} {period}s)"
    )
    columns = [*keys, "n"] + [f"first_{m}" for m in request.methods]
    for column in columns:
        view.add_column(column.removeprefix("first_"))
    for row in result.first.slice(0, top).to_pylist():
        cells = [_fmt(row[c]) for c in [*keys, "n"]]
        cells += [
            f"{row[f'first_{m}']} (n={row[f'n_at_{m}']})" if row[f"first_{m}"] else "never"
            for m in request.methods
        ]
        view.add_row(*cells)
    console.print(view)
    if result.series.num_rows and request.only:
        series = Table(title="cumulative by period")
        shown = ["period", "n", "prr", "chi2", "ror_lower", "ic025", "eb05"]
        for column in shown:
            series.add_column(column, justify="right")
        for row in result.series.to_pylist():
            series.add_row(*(_fmt(row[c]) for c in shown))
        console.print(series)
    if result.n_undated:
        console.print(f"[yellow]{result.n_undated} report(s) without a received date left out[/]")
    console.print(
        f"MGPS prior: {'refitted at each period' if prior == 'refit' else 'held from the last'}"
        f"; {result.first.num_rows} pair(s)"
    )
    if out is not None:
        write_signals(result.first, out, None, 0)
        written = [str(out)]
        if result.series.num_rows:
            series_out = out.with_name(f"{out.stem}.series{out.suffix}")
            write_signals(result.series, series_out, None, 0)
            written.append(str(series_out))
        console.print(f"wrote {' and '.join(written)}")


def add_to(group: typer.Typer) -> None:
    """Add ``trend`` to the ``signals`` group."""
    group.command("trend")(trend)
