"""``dermavigil signal ...``: managed signals (GVP IX) from detection to decision.

Thin: each command calls :class:`~dermavigil.registry.signal_records.SignalRecordService`
in one registry transaction and prints the result.
"""

from __future__ import annotations

import getpass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from dermavigil.errors import InputError, Problem

signal_app = typer.Typer(
    help="Managed signals (GVP IX): create, validate, prioritise, assess, close, report.",
    no_args_is_help=True,
)
console = Console()
By = Annotated[str | None, typer.Option("--by", help="who makes the change (default: OS user)")]
Reason = Annotated[str, typer.Option("--reason", help="why (kept in the history)")]


def _by(by: str | None) -> str:
    return by or getpass.getuser()


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} {text!r}", [Problem(option, "write YYYY-MM-DD")]) from None


def _registry() -> Any:
    from dermavigil.cli.case import registry

    return registry()


def _show(stored: Any) -> None:
    from dermavigil.domain.signal import CHECKLIST, OUTCOME_LABELS, STATUS_LABELS

    r = stored.record
    console.print(f"[bold]{stored.signal_id}[/] v{stored.version}: {r.title}")
    status = STATUS_LABELS[r.status] + (f" ({OUTCOME_LABELS[r.outcome]})" if r.outcome else "")
    console.print(f"  status     {status}")
    console.print(f"  pair       {', '.join(f'{k}={v}' for k, v in r.pair.items()) or '-'}")
    console.print(f"  detected   {r.detected_on} ({r.source}); due {r.due_on or '-'}")
    console.print(f"  assessor   {r.assessor or '-'}; priority {r.priority or '-'}")
    console.print(f"  cases      {', '.join(r.cases) or '-'}")
    console.print(f"  literature {'; '.join(r.literature) or '-'}")
    for key, label in CHECKLIST.items():
        answer = r.checklist.get(key)
        text = f"{answer.answer}" + (f" - {answer.note}" if answer.note else "") if answer else "-"
        console.print(f"  [dim]check[/] {label}: {text}")
    for d in r.disproportionality:
        crossings = ", ".join(f"{m} {v or 'never'}" for m, v in d.first_crossings.items())
        console.print(f"  figures at {d.at}: n={d.n}, EB05={d.eb05}, IC025={d.ic025}; {crossings}")


def _attach(pair: dict[str, str], period: str) -> list[Any]:
    from dermavigil.settings import load_settings
    from dermavigil.signals.evidence import pair_trend

    settings = load_settings()
    try:
        figures, _ = pair_trend(settings.store_dir, pair, period, settings.engine)
    except InputError as error:
        console.print(f"[yellow]no disproportionality attached: {error.message}[/]")
        return []
    return [figures]


@signal_app.command("create")
def create(
    title: Annotated[str, typer.Option(help="What the signal is about")],
    pair: Annotated[
        str | None, typer.Option(help="e.g. category=exosome,reaction=skin necrosis")
    ] = None,
    description: Annotated[str, typer.Option(help="Free text")] = "",
    source: Annotated[
        str, typer.Option(help="disproportionality, case_series, literature or manual")
    ] = "manual",
    assessor: Annotated[str | None, typer.Option(help="User name of the assessor")] = None,
    period: Annotated[str, typer.Option(help="Trend period for the attached figures")] = (
        "quarter"
    ),
    by: By = None,
    reason: Reason = "",
) -> None:
    """Record a new signal; with --pair, its disproportionality over time is attached."""
    from dermavigil.domain.signal import SignalRecord
    from dermavigil.registry.signal_records import SignalRecordService
    from dermavigil.signals.trend_counts import parse_pair

    pairs = dict(parse_pair(pair))
    record = SignalRecord(
        title=title,
        pair=pairs,
        description=description,
        source=source,
        assessor=assessor,
        detected_on=date.today(),
        disproportionality=_attach(pairs, period) if pairs else [],
    )
    registry = _registry()
    with registry.transaction() as session:
        stored = SignalRecordService(session).create(record, by=_by(by), reason=reason)
    _show(stored)


@signal_app.command("list")
def list_(
    status: Annotated[str | None, typer.Option(help="Only this status")] = None,
    assessor: Annotated[str | None, typer.Option(help="Only this assessor's")] = None,
) -> None:
    """Signals, newest first, with their status, assessor and due date (overdue in red)."""
    from dermavigil.registry.signal_records import SignalRecordService

    with _registry().transaction(readonly=True) as session:
        lines = SignalRecordService(session).list(status, assessor)
    table = Table(title=f"{len(lines)} signal(s)")
    for column in ("id", "title", "status", "assessor", "due"):
        table.add_column(column)
    for s in lines:
        due = f"[red]{s.due_on} overdue[/]" if s.overdue else (s.due_on or "-")
        table.add_row(s.signal_id, s.title, s.status, s.assessor or "-", due)
    console.print(table)


@signal_app.command("show")
def show(
    signal_id: Annotated[str, typer.Argument(help="SIG-000001")],
    version: Annotated[int | None, typer.Option(help="An older version")] = None,
) -> None:
    """A signal with its checklist, figures and history."""
    from dermavigil.registry.signal_records import SignalRecordService

    with _registry().transaction(readonly=True) as session:
        service = SignalRecordService(session)
        stored = service.get(signal_id, version)
        history = service.history(signal_id)
    _show(stored)
    for h in history:
        changed = ", ".join(c.path for c in h.changes)
        console.print(
            f"  v{h.version} {h.at:%Y-%m-%d %H:%M} {h.by} {h.action}: {h.reason}"
            + (f" [dim]({changed})[/]" if changed else "")
        )


@signal_app.command("move")
def move(
    signal_id: Annotated[str, typer.Argument(help="SIG-000001")],
    status: Annotated[
        str,
        typer.Argument(help="validated, not_validated, prioritised, under_assessment or closed"),
    ],
    reason: Annotated[str, typer.Option("--reason", help="why (required)")],
    outcome: Annotated[
        str | None, typer.Option(help="On closing: confirmed_risk, refuted or monitoring")
    ] = None,
    due: Annotated[str | None, typer.Option(help="Due date YYYY-MM-DD")] = None,
    by: By = None,
) -> None:
    """Move a signal to its next status (GVP IX sequence; closing needs an outcome)."""
    from dermavigil.registry.signal_records import SignalRecordService

    with _registry().transaction() as session:
        stored = SignalRecordService(session).move(
            signal_id, status, _by(by), reason, outcome, _date(due, "--due")
        )
    _show(stored)


@signal_app.command("edit")
def edit(
    signal_id: Annotated[str, typer.Argument(help="SIG-000001")],
    title: Annotated[str | None, typer.Option()] = None,
    description: Annotated[str | None, typer.Option()] = None,
    priority: Annotated[str | None, typer.Option(help="high, medium or low")] = None,
    rationale: Annotated[str | None, typer.Option(help="Why this priority")] = None,
    assessor: Annotated[str | None, typer.Option()] = None,
    due: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    recommendation: Annotated[str | None, typer.Option()] = None,
    by: By = None,
    reason: Reason = "",
) -> None:
    """Change a signal's fields (a new version; the history keeps the old one)."""
    from dermavigil.registry.signal_records import SignalRecordService

    changes: dict[str, Any] = {
        k: v
        for k, v in {
            "title": title,
            "description": description,
            "priority": priority,
            "priority_rationale": rationale,
            "assessor": assessor,
            "recommendation": recommendation,
        }.items()
        if v is not None
    }
    if due is not None:
        changes["due_on"] = _date(due, "--due")
    if not changes:
        raise InputError("nothing to change: give at least one option (see --help)")
    with _registry().transaction() as session:
        stored = SignalRecordService(session).update(signal_id, changes, _by(by), reason)
    _show(stored)


@signal_app.command("check")
def check(
    signal_id: Annotated[str, typer.Argument(help="SIG-000001")],
    item: Annotated[
        str,
        typer.Argument(
            help="number_of_cases, positive_dechallenge_rechallenge, "
            "biological_plausibility, previous_awareness, "
            "duplicates_excluded, temporal_association"
        ),
    ],
    answer: Annotated[str, typer.Argument(help="yes, no or unknown")],
    note: Annotated[str, typer.Option(help="The assessor's note")] = "",
    by: By = None,
) -> None:
    """Answer one element of the validation checklist."""
    from dermavigil.registry.signal_records import SignalRecordService

    with _registry().transaction() as session:
        service = SignalRecordService(session)
        checklist = service.get(signal_id).record.model_dump(mode="json")["checklist"]
        checklist[item] = {"answer": answer, "note": note}
        stored = service.update(signal_id, {"checklist": checklist}, _by(by), f"checklist {item}")
    _show(stored)


@signal_app.command("link")
def link(
    signal_id: Annotated[str, typer.Argument(help="SIG-000001")],
    case: Annotated[list[str] | None, typer.Option(help="A case id (repeatable)")] = None,
    literature: Annotated[
        list[str] | None, typer.Option(help="A citation, DOI or PMID (repeatable)")
    ] = None,
    refresh: Annotated[bool, typer.Option(help="Attach today's disproportionality")] = False,
    by: By = None,
) -> None:
    """Link cases and literature to a signal, or attach fresh figures."""
    from dermavigil.registry.signal_records import SignalRecordService

    with _registry().transaction() as session:
        service = SignalRecordService(session)
        record = service.get(signal_id).record
        changes: dict[str, Any] = {}
        if case:
            changes["cases"] = list(dict.fromkeys([*record.cases, *case]))
        if literature:
            changes["literature"] = list(dict.fromkeys([*record.literature, *literature]))
        if refresh and record.pair:
            attached = _attach(record.pair, "quarter")
            changes["disproportionality"] = [
                d.model_dump(mode="json") for d in [*record.disproportionality, *attached]
            ]
        if not changes:
            raise InputError("nothing to link: give --case, --literature or --refresh")
        stored = service.update(signal_id, changes, _by(by), "linked evidence")
    _show(stored)


@signal_app.command("report")
def report(
    signal_id: Annotated[str, typer.Argument(help="SIG-000001")],
    out: Annotated[Path, typer.Option(help="FILE.html or FILE.pdf")],
) -> None:
    """Write the signal assessment report (evidence, trend plot, cases, decisions)."""
    from dermavigil.settings import load_settings
    from dermavigil.signals.report import gather, to_html, to_pdf

    suffix = out.suffix.lower()
    if suffix not in (".html", ".pdf"):
        raise InputError(f"--out {out}: use a .html or .pdf file name")
    settings = load_settings()
    inputs = gather(_registry(), settings.store_dir, signal_id, settings.engine)
    if suffix == ".html":
        out.write_text(to_html(inputs), encoding="utf-8")
    else:
        out.write_bytes(to_pdf(inputs))
    console.print(f"wrote {out}")


def register(app: typer.Typer) -> None:
    """Mount ``signal`` on the root app."""
    app.add_typer(signal_app, name="signal")
