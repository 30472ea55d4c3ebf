"""``dermavigil case status|assign|expectedness|comment`` and ``dermavigil inbox``: the case
workflow from the command line (the same services as the web's workflow panel).

Each change is a new case version with an audit row; clocks use the settings' rule
(``DERMAVIGIL_CLOCK_SERIOUS_UNEXPECTED_DAYS``, ``DERMAVIGIL_CLOCK_OTHER_DAYS``).
"""

from __future__ import annotations

import getpass
from typing import Annotated, Any

import typer

By = Annotated[str, typer.Option("--by", help="who makes the change (default: your OS user)")]
Reason = Annotated[str, typer.Option("--reason", help="a note kept in the history")]


def _by(by: str) -> str:
    return by or getpass.getuser()


def _flow_line(stored: Any) -> str:
    from dermavigil.domain.workflow import STATUS_LABELS

    who = stored.assignee or "nobody"
    judged = stored.expectedness or "expectedness not judged"
    return (
        f"{stored.case_id} version {stored.version}: {STATUS_LABELS[stored.workflow].lower()}, "
        f"assigned to {who}, {judged}"
    )


def _set(case_id: str, by: str, **change: Any) -> None:
    from dermavigil.cli import render
    from dermavigil.cli.case import registry
    from dermavigil.registry import CaseService

    with registry().transaction() as session:
        stored = CaseService(session).set_workflow(case_id, _by(by), **change)
    render.console.print(_flow_line(stored))


def _workflow_command(field: str, argument: str, argument_help: str, doc: str) -> Any:
    """A ``case <command> CASE_ID VALUE [--reason] [--by]`` command that sets one workflow
    field (``status``, ``assignee`` or ``expectedness``) through :func:`_set`."""
    import inspect

    def command(case_id: str, value: str, reason: str = "", by: str = "") -> None:
        _set(case_id, by, reason=reason, **{field: value})

    keyword = inspect.Parameter.POSITIONAL_OR_KEYWORD
    command.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("case_id", keyword, annotation=str),
            inspect.Parameter(
                "value",
                keyword,
                annotation=Annotated[str, typer.Argument(help=argument_help, metavar=argument)],
            ),
            inspect.Parameter("reason", keyword, annotation=Reason, default=""),
            inspect.Parameter("by", keyword, annotation=By, default=""),
        ]
    )
    command.__annotations__ = {}
    command.__doc__ = doc
    return command


status = _workflow_command(
    "status", "NEW", "in_review, assessed or closed",
    "Move a case in its workflow (received -> in_review -> assessed -> closed).",
)  # fmt: skip
assign = _workflow_command(
    "assignee", "ASSESSOR", "an active assessor or admin; '' to unassign",
    "Assign a case to an assessor.",
)  # fmt: skip
expectedness = _workflow_command(
    "expectedness", "VALUE", "expected, unexpected, or '' (not judged)",
    "Record whether the case's reactions are expected (decides its clock when serious).",
)  # fmt: skip


def comment(case_id: str, text: str, by: By = "") -> None:
    """Add a comment to a case."""
    from dermavigil.cli import render
    from dermavigil.cli.case import registry
    from dermavigil.registry.workflow import WorkflowService

    with registry().transaction() as session:
        note = WorkflowService(session).comment(case_id, _by(by), text)
    render.console.print(f"{note.case_id}: comment by {note.by} at {note.at:%Y-%m-%d %H:%M}")


def inbox(
    assessor: Annotated[str, typer.Argument(help="whose inbox (default: your OS user)")] = "",
    board: Annotated[bool, typer.Option(help="every open case with a running clock")] = False,
) -> None:
    """An assessor's open cases, most urgent first, with their clocks."""
    from rich.table import Table

    from dermavigil.cli import render
    from dermavigil.cli.case import registry
    from dermavigil.domain.workflow import STATUS_LABELS
    from dermavigil.registry.workflow import WorkflowService
    from dermavigil.settings import load_settings

    rule = load_settings().clock_rule()
    with registry().transaction(readonly=True) as session:
        flow = WorkflowService(session, rule)
        if board:
            data = flow.board()
            items = data["overdue"] + data["due_soon"]
            title = f"{len(data['overdue'])} overdue, {len(data['due_soon'])} due within 3 days"
        else:
            who = assessor or getpass.getuser()
            items = flow.inbox(who)
            title = f"inbox of {who}: {len(items)} open case(s)"
    table = Table(title=title)
    for column in ("case", "status", "assessor", "day 0", "due", "day", "clock"):
        table.add_column(column)
    for i in items:
        c = i.clock
        state = f"{-c.days_left} d overdue" if c.state == "overdue" else (
            c.state if c.state in ("met", "late") else f"{c.days_left} d left"
        )  # fmt: skip
        table.add_row(
            i.case_id, STATUS_LABELS[i.workflow], i.assignee or "-", str(c.day0),
            f"{c.due} ({c.days_allowed} d, {c.basis})", str(c.day), state,
        )  # fmt: skip
    render.console.print(table)


def add_to(case_app: typer.Typer) -> None:
    """Add the workflow commands to ``dermavigil case``."""
    for name, function in (
        ("status", status),
        ("assign", assign),
        ("expectedness", expectedness),
        ("comment", comment),
    ):
        case_app.command(name)(function)


def register(app: typer.Typer) -> None:
    """Add ``dermavigil inbox`` to the root app."""
    app.command("inbox")(inbox)
