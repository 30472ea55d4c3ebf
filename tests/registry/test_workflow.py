"""The case workflow in the registry: status moves, assignment, expectedness, comments and
clocks are versions with audit rows; a follow-up reopens a closed case; the overdue board
and inboxes follow the clock rule in force. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from dermavigil.domain.dates import PartialDate
from dermavigil.domain.workflow import ClockRule, check_move, clock, day_zero
from dermavigil.errors import ConflictError, InputError
from dermavigil.registry import CaseService, UserService
from dermavigil.registry.workflow import WorkflowService

RECEIVED = date(2026, 11, 1)


def _received(case, day: date = RECEIVED):  # type: ignore[no-untyped-def]
    report = case.report.model_copy(
        update={"received_date": PartialDate.model_validate(day.isoformat())}
    )
    return case.model_copy(update={"report": report})


def test_clock_rule_days_and_states() -> None:
    rule = ClockRule()
    serious = clock(RECEIVED, True, None, RECEIVED + timedelta(days=10), rule)
    assert (serious.due, serious.days_allowed, serious.day, serious.days_left) == (
        date(2026, 11, 16), 15, 10, 5,
    )  # fmt: skip
    assert serious.state == "running" and "expectedness not judged" in serious.basis
    assert clock(RECEIVED, True, "expected", RECEIVED, rule).days_allowed == 90
    assert clock(RECEIVED, False, "unexpected", RECEIVED, rule).days_allowed == 90
    late = clock(RECEIVED, True, "unexpected", date(2026, 11, 17), rule)
    assert late.overdue and late.state == "overdue" and late.days_left == -1
    met = clock(RECEIVED, True, None, date(2026, 12, 30), rule, stopped_on=date(2026, 11, 12))
    assert met.state == "met" and met.day == 11
    assert clock(RECEIVED, True, None, RECEIVED, ClockRule(7, 30)).due == date(2026, 11, 8)
    assert day_zero(PartialDate.model_validate("2026-10"), RECEIVED) == date(2026, 10, 1)
    assert day_zero(None, RECEIVED) == RECEIVED
    with pytest.raises(InputError, match="cannot move from received to closed"):
        check_move("received", "closed")
    with pytest.raises(InputError, match="reopened by a follow-up"):
        check_move("closed", "in_review")


def test_workflow_versions_audit_and_reopening(registry, seed) -> None:  # type: ignore[no-untyped-def]
    with registry.transaction() as session:
        UserService(session).create("ana", "assessor", "a long password 1")
        UserService(session).create("rep", "reporter", "a long password 2")
        stored = CaseService(session).create(_received(seed), by="rep")
    case_id = stored.case_id
    assert (stored.workflow, stored.day0, stored.assignee) == ("received", "2026-11-01", None)
    with registry.transaction() as session:
        cases = CaseService(session)
        with pytest.raises(InputError, match="cannot assign"):
            cases.set_workflow(case_id, "ana", assignee="rep")  # a reporter is not an assessor
        review = cases.set_workflow(case_id, "ana", status="in_review")
        assert (review.workflow, review.assignee, review.version) == ("in_review", "ana", 2)
        cases.set_workflow(case_id, "ana", expectedness="unexpected", reason="not in the label")
        same = cases.set_workflow(case_id, "ana", expectedness="unexpected")
        assert same.version == 3  # nothing changed: no new version
        assessed = cases.set_workflow(case_id, "ana", status="assessed")
        assert assessed.assessed_on is not None
        closed = cases.set_workflow(case_id, "ana", status="closed", reason="reported")
        assert closed.workflow == "closed" and closed.version == 5
        with pytest.raises(InputError):
            cases.set_workflow(case_id, "ana", status="in_review")
    with registry.transaction() as session:
        history = CaseService(session).history(case_id)
        assert [h.action for h in history] == [
            "create",
            "workflow",
            "workflow",
            "workflow",
            "workflow",
        ]
        assert history[1].changes[0].path == "workflow.status"
        assert (history[1].changes[0].old, history[1].changes[0].new) == ("received", "in_review")
        assert history[2].reason == "not in the label"
        old = CaseService(session).get(case_id, version=2)
        assert old.workflow == "in_review" and old.expectedness is None
    # a follow-up (new facts) reopens the closed case with a new day 0
    with registry.transaction() as session:
        cases = CaseService(session, clock=lambda: datetime(2026, 12, 5, 9, tzinfo=UTC))
        follow_up = closed.case.model_copy(update={"narrative": "follow-up: healed"})
        reopened = cases.update(case_id, follow_up, by="ana", expected_version=5)
        assert (reopened.workflow, reopened.day0, reopened.assessed_on) == (
            "received", "2026-12-05", None,
        )  # fmt: skip
        last = cases.history(case_id)[-1]
        assert last.action == "update"
        assert {c.path for c in last.changes} >= {
            "narrative",
            "workflow.status",
            "workflow.clock_start",
        }


def test_inbox_board_and_comments(registry, seed) -> None:  # type: ignore[no-untyped-def]
    with registry.transaction() as session:
        UserService(session).create("ana", "assessor", "a long password 1")
        UserService(session).create("ben", "assessor", "a long password 2")
        cases = CaseService(session)
        late = cases.create(_received(seed, date(2026, 11, 1)), by="ana").case_id
        fresh = cases.create(_received(seed, date(2026, 12, 1)), by="ana").case_id
        other = cases.create(_received(seed, date(2026, 12, 3)), by="ana").case_id
        cases.set_workflow(late, "ana", status="in_review")
        cases.set_workflow(fresh, "ana", status="in_review")
        cases.set_workflow(other, "ben", assignee="ben")
    today = date(2026, 12, 5)
    with registry.transaction(readonly=True) as session:
        flow = WorkflowService(session, ClockRule(), today=lambda: today)
        inbox = flow.inbox("ana")
        assert [i.case_id for i in inbox] == [late, fresh]  # most urgent first
        assert inbox[0].clock.state == "overdue" and inbox[0].clock.days_left == -19
        assert inbox[1].clock.days_left == 11 and inbox[1].clock.day == 4
        board = flow.board()
        assert [i.case_id for i in board["overdue"]] == [late]
        assert board["per_status"] == {"received": 1, "in_review": 2, "assessed": 0}
        assert {"assignee": "ana", "open": 2, "overdue": 1} in board["per_assessor"]
        # the rule is a setting: 60 days for serious unexpected makes nothing overdue
        assert (
            WorkflowService(session, ClockRule(60, 90), today=lambda: today).board()["overdue"]
            == []
        )
    with registry.transaction() as session:
        flow = WorkflowService(session)
        flow.comment(late, "ana", "asked the clinic for the biopsy report")
        with pytest.raises(InputError, match="needs text"):
            flow.comment(late, "ana", "  ")
        CaseService(session).retract(other, "ben", "duplicate")
        with pytest.raises(ConflictError):
            flow.comment(other, "ben", "too late")
    with registry.transaction(readonly=True) as session:
        [note] = WorkflowService(session).comments(late)
        assert (note.by, note.text) == ("ana", "asked the clinic for the biopsy report")


def test_existing_cases_get_day_zero_when_migrated(registry, seed) -> None:  # type: ignore[no-untyped-def]
    """Revision 0007 gives cases registered before it a day 0 (its data step, run again on
    cases whose day 0 is cleared; received date first, else the registration day)."""
    import importlib

    from sqlalchemy import text

    migration = importlib.import_module(
        "dermavigil.registry.migrations.versions.0007_case_workflow"
    )
    with registry.transaction() as session:
        cases = CaseService(session)
        dated = cases.create(_received(seed), by="rep").case_id
        undated = seed.model_copy(
            update={"report": seed.report.model_copy(update={"received_date": None})}
        )
        registered = cases.create(undated, by="rep")
    with registry.engine.begin() as connection:
        connection.execute(text("UPDATE cases SET day0 = NULL"))
        migration.backfill(connection)
    with registry.transaction() as session:
        assert CaseService(session).get(dated).day0 == "2026-11-01"
        again = CaseService(session).get(registered.case_id)
        assert again.day0 == registered.created_at.date().isoformat()


def test_a_received_follow_up_reopens_a_closed_case(registry, seed) -> None:  # type: ignore[no-untyped-def]
    """An E2B/FHIR follow-up (CaseService.receive) reopens a closed case like an edit does."""
    report = seed.report.model_copy(update={"source_id": "US-CLINIC-0042"})
    first = seed.model_copy(update={"report": report})
    with registry.transaction() as session:
        UserService(session).create("ana", "assessor", "a long password 1")
        cases = CaseService(session)
        case_id = cases.create(first, by="ana").case_id
        for status in ("in_review", "assessed", "closed"):
            cases.set_workflow(case_id, "ana", status=status)
        follow_up = first.model_copy(update={"narrative": "follow-up: healed at 3 months"})
        stored, received = cases.receive(follow_up, by="e2b")
    assert (received, stored.case_id, stored.workflow) == ("follow-up", case_id, "received")
    assert stored.assessed_on is None and stored.assignee == "ana"
