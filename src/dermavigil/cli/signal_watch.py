"""``dermavigil signals watch`` and ``signals alerts``: scheduled runs and new signals.

``watch`` runs the dashboard's signal run (:func:`dermavigil.signals.runs.run_and_save`)
now and then every ``--every`` interval (or once with ``--once``, for cron), and prints
the pairs that newly meet a criterion since the previous run
(:mod:`dermavigil.signals.history`). ``alerts`` lists what the latest run raised.

A run that finds another run's registry export under way waits for it (up to
:data:`dermavigil.signals.runs.REGISTRY_LOCK_WAIT_S`): the wait is said on stderr when it
begins and counted on the spinner's line on a terminal; past the limit, ``--once`` ends
with the error line (exit 2) and a scheduled watch says so and waits for its next run.
"""

from __future__ import annotations

import re
import time
from typing import Annotated, Any

import typer

from dermavigil.cli import rich_console
from dermavigil.errors import DermavigilError, InputError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``90s``, ``30m``, ``6h``, ``1d`` -> seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", text)
    if not match or float(match.group(1)) <= 0:
        raise InputError(f"--every {text!r}: write a positive number and a unit, e.g. 30m, 6h, 1d")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _print_alerts(level: str, keys: list[str], alerts: list[dict[str, Any]], top: int) -> None:
    console = rich_console()
    from rich.table import Table

    if not alerts:
        console.print(f"by {level}: no new signal")
        return
    view = Table(title=f"by {level}: {len(alerts)} pair(s) newly meeting a criterion")
    for column in [*keys, "methods", "n", "n before"]:
        view.add_column(column)
    for alert in alerts[:top]:
        before = alert["n_before"]
        view.add_row(
            *(str(alert[k]) for k in keys),
            ", ".join(alert["methods"]),
            str(alert["n"]),
            "-" if before is None else str(before),
        )
    console.print(view)


def _run_once(top: int) -> None:
    console = rich_console()
    from dermavigil.cli.signals import registry_step, stage_spinner
    from dermavigil.settings import load_settings
    from dermavigil.signals import history
    from dermavigil.signals.runs import run_and_save, signals_path

    settings = load_settings()
    with stage_spinner() as show:  # says what it waits for, and how long, on a terminal
        runs = run_and_save(settings, registry_step(show))
    folder = signals_path(settings).parent
    for level, run in runs.items():
        if "skipped" in run:
            console.print(f"by {level}: skipped ({run['skipped']})")
            continue
        entry, alerts = history.latest_alerts(folder, level)
        baseline = entry is not None and len(history.entries(folder, level)) == 1
        if baseline:
            console.print(f"by {level}: baseline run ({run['pairs']} pairs); alerts start next run")
            continue
        _print_alerts(level, run["by"], alerts, top)


def watch(
    every: Annotated[str, typer.Option(help="Interval between runs: 30m, 6h, 1d")] = "1d",
    once: Annotated[bool, typer.Option(help="Run once and exit (for cron)")] = False,
    top: Annotated[int, typer.Option(help="Alerts printed per level")] = 20,
) -> None:
    """Run signal detection on a schedule and print the pairs that newly meet a criterion."""
    console = rich_console()
    seconds = parse_interval(every)
    while True:
        started = time.monotonic()
        try:
            _run_once(top)
        except DermavigilError as error:  # --once: the program's error line and exit 2
            if once:
                raise
            typer.secho(f"error: {error.message}; this run is skipped", err=True, fg="red")
        if once:
            return
        wait = max(0.0, seconds - (time.monotonic() - started))
        console.print(f"next run in {wait / 60:.0f} min (Ctrl-C to stop)")
        time.sleep(wait)


def alerts(
    level: Annotated[str, typer.Option(help="product or route")] = "product",
    top: Annotated[int, typer.Option(help="Alerts printed")] = 50,
) -> None:
    """The pairs the latest stored run newly flagged, with the methods and counts."""
    console = rich_console()
    from dermavigil.settings import load_settings
    from dermavigil.signals import history
    from dermavigil.signals.runs import signals_path

    folder = signals_path(load_settings(), level).parent
    entry, found = history.latest_alerts(folder, level)
    if entry is None:
        raise InputError(f"no stored signal run by {level}: run dermavigil signals watch --once")
    console.print(f"run {entry.run_id} at {entry.at}: {entry.n_flagged} flagged of {entry.n_pairs}")
    _print_alerts(level, list(entry.keys), found, top)


def add_to(group: typer.Typer) -> None:
    """Add ``watch`` and ``alerts`` to the ``signals`` group."""
    group.command("watch")(watch)
    group.command("alerts")(alerts)
