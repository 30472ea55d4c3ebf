"""Signal records (GVP IX) in the registry: versions, statuses, checklist, links, history."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from dermavigil.domain.signal import CHECKLIST, SignalRecord
from dermavigil.errors import ConflictError, InputError, NotFoundError
from dermavigil.registry import CaseService, Registry
from dermavigil.registry.signal_records import SignalRecordService

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _service(session) -> SignalRecordService:
    return SignalRecordService(session, clock=lambda: NOW)


def _record(**extra) -> SignalRecord:
    return SignalRecord(
        title="Exosome injections and skin necrosis",
        pair={"category": "exosome", "reaction": "Skin necrosis"},
        source="disproportionality",
        detected_on=date(2026, 12, 1),
        **extra,
    )


def _answered() -> dict:
    return {k: {"answer": "yes", "note": "see cases"} for k in CHECKLIST}


def test_a_signal_walks_through_its_statuses(registry: Registry, seed) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="clin").case_id
        created = _service(session).create(_record(), by="alice", reason="EB05 >= 2")
    assert created.signal_id == "SIG-000001" and created.record.status == "new"
    assert created.record.due_on == date(2026, 12, 31)  # validation within 30 days
    assert created.record.pair == {"category": "exosome", "reaction": "skin necrosis"}
    sid = created.signal_id
    with registry.transaction() as session:
        svc = _service(session)
        with pytest.raises(InputError, match="answer the validation checklist") as error:
            svc.move(sid, "validated", by="alice", reason="looks real")
        assert len(error.value.problems) == len(CHECKLIST)
    with registry.transaction() as session:
        svc = _service(session)
        svc.update(
            sid, {"checklist": _answered(), "cases": [case_id]}, by="alice", reason="validation"
        )
        svc.move(sid, "validated", by="alice", reason="six criteria met")
        with pytest.raises(InputError, match="set the priority"):
            svc.move(sid, "prioritised", by="alice", reason="urgent")
        svc.update(
            sid, {"priority": "high", "priority_rationale": "necrosis, disfigurement"}, by="alice"
        )
        svc.move(sid, "prioritised", by="alice", reason="serious and irreversible")
        svc.move(sid, "under_assessment", by="bob", reason="assessment started")
        with pytest.raises(InputError, match="needs its outcome"):
            svc.move(sid, "closed", by="bob", reason="done")
        closed = svc.move(sid, "closed", by="bob", reason="label change", outcome="confirmed_risk")
    assert closed.record.status == "closed" and closed.record.outcome == "confirmed_risk"
    assert closed.version == 7
    with registry.transaction(readonly=True) as session:
        svc = _service(session)
        history = svc.history(sid)
        assert [h.action for h in history] == [
            "create",
            "update",
            "status",
            "update",
            "status",
            "status",
            "status",
        ]
        assert history[-1].by == "bob" and history[-1].reason == "label change"
        assert {c.path for c in history[-1].changes} >= {"status", "outcome"}
        assert svc.get(sid, version=1).record.status == "new"  # old versions kept
        (line,) = svc.list()
        assert line.status == "closed" and not line.overdue


def test_moves_gvp_does_not_allow_are_refused(registry: Registry) -> None:
    with registry.transaction() as session:
        sid = _service(session).create(_record(), by="alice").signal_id
    with registry.transaction() as session:
        svc = _service(session)
        with pytest.raises(InputError, match="cannot become closed"):
            svc.move(sid, "closed", by="alice", reason="x", outcome="refuted")
        with pytest.raises(InputError, match="unknown status"):
            svc.move(sid, "approved", by="alice", reason="x")
        with pytest.raises(InputError, match="say why"):
            svc.move(sid, "not_validated", by="alice", reason=" ")
        refused = svc.move(sid, "not_validated", by="alice", reason="one case, confounded")
        assert refused.record.outcome == "refuted"
        reopened = svc.move(sid, "under_assessment", by="alice", reason="three new cases")
        assert reopened.record.outcome is None


def test_bad_changes_name_the_field_and_write_nothing(registry: Registry) -> None:
    with registry.transaction() as session:
        sid = _service(session).create(_record(), by="alice").signal_id
    for changes, field in (
        ({"checklist": {"gut_feeling": {"answer": "yes"}}}, "checklist"),
        ({"cases": ["DV-999999"]}, "cases"),
        ({"status": "closed"}, "status"),
        ({"priority": "urgent"}, "priority"),
    ):
        with pytest.raises(InputError) as error, registry.transaction() as session:
            _service(session).update(sid, changes, by="alice")
        assert any(p.location.startswith(field) for p in error.value.problems), changes
    with registry.transaction(readonly=True) as session:
        assert _service(session).get(sid).version == 1
        with pytest.raises(NotFoundError):
            _service(session).get("SIG-000404")


def test_a_stale_edit_is_refused(registry: Registry) -> None:
    with registry.transaction() as session:
        sid = _service(session).create(_record(), by="alice").signal_id
        _service(session).update(sid, {"assessor": "bob"}, by="alice")
    with pytest.raises(ConflictError), registry.transaction() as session:
        _service(session).update(sid, {"assessor": "carol"}, by="dan", expected_version=1)


def test_overdue_signals_are_marked(registry: Registry) -> None:
    with registry.transaction() as session:
        _service(session).create(_record(due_on=date(2026, 11, 1)), by="alice")
    with registry.transaction(readonly=True) as session:
        (line,) = _service(session).list(status="new")
        assert line.overdue
