"""The workflow columns of a case (status, assessor, expectedness, day 0, assessed on)
as every write carries them: read from the case row, compared into audit changes, and
moved when new facts arrive (see :mod:`dermavigil.domain.workflow` for the rules)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dermavigil.domain.case import Case
from dermavigil.domain.workflow import day_zero
from dermavigil.registry.changes import FieldChange
from dermavigil.registry.tables import CaseRow

FLOW = ("workflow", "assignee", "expectedness", "day0", "assessed_on")
"""The workflow columns of ``cases`` (see :mod:`dermavigil.domain.workflow`)."""
UNCHANGED: Any = object()
"""Leave a workflow field as it is (see :meth:`CaseService.set_workflow`)."""


def flow_of(row: CaseRow | Mapping[str, Any]) -> dict[str, Any]:
    """The workflow columns of ``row``, a case row or its column values (a case never
    moved is "received")."""
    if isinstance(row, Mapping):
        values = {name: row.get(name) for name in FLOW}
    else:
        values = {name: getattr(row, name, None) for name in FLOW}
    values["workflow"] = values["workflow"] or "received"
    return values


def flow_changes(row: CaseRow, flow: dict[str, Any]) -> list[FieldChange]:
    """What a write changes in the workflow, as ``workflow.<field>`` changes."""
    names = {"workflow": "status", "day0": "clock_start"}
    return [
        FieldChange(
            path=f"workflow.{names.get(name, name)}", old=getattr(row, name), new=flow[name]
        )
        for name in FLOW
        if getattr(row, name) != flow[name]
    ]


def flow_after_new_facts(
    row: CaseRow, case: Case, changes: list[FieldChange], today: date
) -> dict[str, Any]:
    """The workflow after new facts: a follow-up reopens a closed case as received with
    day 0 = today (its clock restarts); a changed received date moves day 0."""
    flow = flow_of(row)
    if row.workflow == "closed":
        flow.update(workflow="received", day0=today.isoformat(), assessed_on=None)
    elif any(c.path.startswith("report.received_date") for c in changes):
        registered = row.created_at.date()
        flow["day0"] = day_zero(case.report.received_date, registered).isoformat()
    return flow
