"""``dermavigil access-log``: who read which case, when, how and from where.

Reads the registry's read-access log (written by the web app for every case page, API
read, export and line listing); ``--csv`` writes every (read, case) row to stdout with
formula cells neutralised (:mod:`dermavigil.exchange.csvsafe`).
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from typing import Annotated

import typer

from dermavigil.errors import InputError, Problem


def _day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"cannot read {option}", [Problem(option, "must be a date YYYY-MM-DD (UTC)", value)]
        ) from None


def access_log(
    case: Annotated[str | None, typer.Option("--case", help="one case, e.g. DV-000001")] = None,
    user: Annotated[str | None, typer.Option("--user", help="one user name")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="from this UTC day on (YYYY-MM-DD)")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="up to this UTC day, included (YYYY-MM-DD)")
    ] = None,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="every (read, case) row as CSV on stdout")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, help="reads shown in the table")] = 100,
    prune: Annotated[
        bool,
        typer.Option("--prune", help="delete entries older than DERMAVIGIL_ACCESS_LOG_DAYS"),
    ] = False,
) -> None:
    """Who read which case: case pages, API reads, exports and line listings, newest first."""
    from rich.table import Table

    from dermavigil.cli import render
    from dermavigil.cli.case import registry
    from dermavigil.exchange.csvsafe import safe_row
    from dermavigil.registry import access_log as log

    if prune:
        _prune()
        return
    query = log.AccessQuery.of_days(user, case, _day(since, "--since"), _day(until, "--until"))
    reg = registry()
    try:
        with reg.transaction(readonly=True) as session:
            if as_csv:
                writer = csv.writer(sys.stdout, lineterminator="\n")
                writer.writerow(log.CSV_COLUMNS)
                for row in log.rows(session, query):
                    writer.writerow(safe_row(row))
                return
            total, events = log.search(session, query, 0, limit)
    finally:
        reg.close()
    table = Table(caption=f"{len(events)} of {total} read(s)")
    for column in ("when (UTC)", "user", "how", "cases", "filter", "address"):
        table.add_column(column)
    for e in events:
        shown = ", ".join(f"{c} v{v}" if v else c for c, v in e.cases)
        if e.case_count > len(e.cases):
            shown += f" … {e.case_count} in all"
        table.add_row(
            f"{e.at:%Y-%m-%d %H:%M:%S}",
            e.username,
            f"{e.how} ({e.format})",
            shown,
            e.detail or "",
            e.address,
        )
    render.console.print(table)


def _prune() -> None:
    from dermavigil.cli import render
    from dermavigil.cli.case import registry
    from dermavigil.registry import access_log as log
    from dermavigil.settings import load_settings

    days = load_settings().access_log_days
    if not days:
        raise InputError(
            "DERMAVIGIL_ACCESS_LOG_DAYS is not set: the access log is kept for ever; set it "
            "to the number of days to keep"
        )
    reg = registry()
    try:
        with reg.transaction() as session:
            gone = log.prune_expired(session, days)
    finally:
        reg.close()
    render.console.print(f"deleted {gone} access-log entries older than {days} days")


def register(app: typer.Typer) -> None:
    """Mount ``access-log`` on the root app."""
    app.command("access-log")(access_log)
