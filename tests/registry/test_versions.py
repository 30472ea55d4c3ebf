"""Every change is a new version with an audit row; nothing is overwritten."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dermavigil.domain.case import Case
from dermavigil.errors import ConflictError, InputError, NotFoundError
from dermavigil.registry import CaseFilter, CaseService, Registry
from dermavigil.registry.tables import AuditRow, CaseVersion


def _renamed(case: Case, verbatim: str) -> Case:
    changed = case.model_copy(deep=True)
    changed.reactions[0].verbatim = verbatim
    return changed


def test_create_stores_version_one_with_assessment(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        stored = CaseService(session).create(seed, by="alice")
    assert stored.case_id == "DV-000001"
    assert stored.version == 1 and stored.status == "active"
    assert stored.case.case_id == "DV-000001"
    assert stored.owner == "alice" and stored.created_by == "alice"
    assert stored.assessment.off_label_route is True
    with registry.transaction(readonly=True) as session:
        again = CaseService(session).get("dv-000001")
        history = CaseService(session).history("DV-000001")
    assert again.case == stored.case
    assert [(v.version, v.action, v.by) for v in history] == [(1, "create", "alice")]


def test_case_ids_are_sequential(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        ids = [CaseService(session).create(seed, by="a").case_id for _ in range(3)]
    assert ids == ["DV-000001", "DV-000002", "DV-000003"]


def test_update_adds_a_version_and_keeps_the_old_one(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="alice").case_id
    with registry.transaction() as session:
        updated = CaseService(session).update(
            case_id, _renamed(seed, "burning pain"), by="bob", expected_version=1
        )
    assert updated.version == 2 and updated.created_by == "bob" and updated.owner == "alice"
    with registry.transaction(readonly=True) as session:
        service = CaseService(session)
        first = service.get(case_id, version=1)
        current = service.get(case_id)
        history = service.history(case_id)
    assert first.case.reactions[0].verbatim == seed.reactions[0].verbatim
    assert current.case.reactions[0].verbatim == "burning pain"
    assert [v.action for v in history] == ["create", "update"]
    change = history[1].changes
    assert [(c.path, c.old, c.new) for c in change] == [
        ("reactions.0.verbatim", seed.reactions[0].verbatim, "burning pain")
    ]


def test_update_without_change_writes_nothing(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="alice").case_id
    with registry.transaction() as session:
        same = CaseService(session).update(case_id, seed, by="bob", expected_version=1)
        versions = session.scalar(select(func.count()).select_from(CaseVersion))
    assert same.version == 1 and versions == 1


def test_stale_update_is_a_conflict_and_writes_nothing(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="alice").case_id
    with registry.transaction() as session:
        CaseService(session).update(case_id, _renamed(seed, "x"), by="bob", expected_version=1)
    stale = _renamed(seed, "y")
    with pytest.raises(ConflictError, match="version 2, not 1"), registry.transaction() as session:
        CaseService(session).update(case_id, stale, by="eve", expected_version=1)
    with registry.transaction(readonly=True) as session:
        history = CaseService(session).history(case_id)
    assert [v.version for v in history] == [1, 2]


def test_override_is_a_version_with_who_and_why(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="alice").case_id
        derived = CaseService(session).get(case_id).assessment.who_umc.category
    with registry.transaction() as session:
        stored = CaseService(session).override(
            case_id, "who_umc.category", "certain", by="dr-a", reason="biopsy and rechallenge"
        )
    assert stored.version == 2 and stored.assessment.who_umc.category == "certain"
    assert stored.assessment.who_umc.overridden
    assert [o.by for o in stored.assessment.overrides] == ["dr-a"]
    with registry.transaction() as session:
        service = CaseService(session)
        # the override survives a later change of the facts
        later = service.update(case_id, _renamed(seed, "pain at site"), by="b", expected_version=2)
        history = service.history(case_id)
        before = service.get(case_id, version=1)
    assert later.assessment.who_umc.category == "certain"
    assert before.assessment.who_umc.category == derived
    override = history[1]
    assert (override.action, override.by, override.reason) == (
        "override",
        "dr-a",
        "biopsy and rechallenge",
    )
    assert [(c.path, c.old, c.new) for c in override.changes] == [
        ("assessment.who_umc.category", derived, "certain")
    ]


def test_latest_override_of_a_target_wins(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        service = CaseService(session)
        case_id = service.create(seed, by="alice").case_id
        service.override(case_id, "naranjo.items.6", "yes", by="a", reason="placebo recurred")
        stored = service.override(case_id, "naranjo.items.6", "no", by="b", reason="misread")
    item = next(i for i in stored.assessment.naranjo.items if i.number == 6)
    assert item.answer == "no" and item.overridden
    assert [o.value for o in stored.assessment.overrides] == ["no"]


@pytest.mark.parametrize(
    ("target", "value", "reason"),
    [
        ("naranjo.items.11", "yes", "r"),
        ("who_umc.category", "likely", "r"),
        ("sue.serious", "true", " "),
    ],
)
def test_invalid_override_writes_nothing(
    registry: Registry, seed: Case, target: str, value: str, reason: str
) -> None:
    with registry.transaction() as session:
        case_id = CaseService(session).create(seed, by="alice").case_id
    with pytest.raises(InputError), registry.transaction() as session:
        CaseService(session).override(case_id, target, value, by="a", reason=reason)
    with registry.transaction(readonly=True) as session:
        assert [v.version for v in CaseService(session).history(case_id)] == [1]


def test_retract_hides_the_case_and_freezes_it(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        service = CaseService(session)
        case_id = service.create(seed, by="alice").case_id
        retracted = service.retract(case_id, by="admin", reason="duplicate of a published case")
    assert retracted.status == "retracted" and retracted.version == 2
    with registry.transaction(readonly=True) as session:
        service = CaseService(session)
        assert service.list().total == 0
        assert service.list(CaseFilter(status="retracted")).items[0].case_id == case_id
        assert service.get(case_id, version=1).status == "active"
        audit = service.history(case_id)[-1]
    assert (audit.action, audit.reason) == ("retract", "duplicate of a published case")
    with pytest.raises(ConflictError, match="retracted"), registry.transaction() as session:
        CaseService(session).update(case_id, _renamed(seed, "x"), by="b", expected_version=2)
    with pytest.raises(InputError, match="reason"), registry.transaction() as session:
        CaseService(session).retract(case_id, by="b", reason="")


def test_draft_is_accepted_once(registry: Registry, seed: Case) -> None:
    evidence = {"products.0.route": [(10, 32)]}
    with registry.transaction() as session:
        service = CaseService(session)
        draft = service.create(
            seed, by="extractor", status="draft", evidence=evidence, source_text="abc" * 20
        )
        assert service.list().total == 0
        accepted = service.accept_draft(draft.case_id, by="assessor")
    assert accepted.status == "active" and accepted.version == 2
    assert accepted.evidence == evidence and accepted.source_text == "abc" * 20
    with pytest.raises(ConflictError, match="not a draft"), registry.transaction() as session:
        CaseService(session).accept_draft(draft.case_id, by="assessor")


def test_bad_evidence_and_status_are_refused(registry: Registry, seed: Case) -> None:
    with pytest.raises(InputError, match="evidence"), registry.transaction() as session:
        CaseService(session).create(seed, by="a", evidence={"x": [(5, 2)]})
    with pytest.raises(InputError, match="draft"), registry.transaction() as session:
        CaseService(session).create(seed, by="a", status="retracted")


def test_unknown_case_and_version(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        service = CaseService(session)
        with pytest.raises(NotFoundError):
            service.get("DV-999999")
        case_id = service.create(seed, by="a").case_id
        with pytest.raises(NotFoundError, match="no version 7"):
            service.get(case_id, version=7)
        with pytest.raises(NotFoundError):
            service.history("DV-999999")


def test_every_version_has_exactly_one_audit_row(registry: Registry, seed: Case) -> None:
    with registry.transaction() as session:
        service = CaseService(session)
        case_id = service.create(seed, by="a").case_id
        service.update(case_id, _renamed(seed, "x"), by="b", expected_version=1)
        service.override(case_id, "off_label_route", "false", by="c", reason="label allows it")
        service.retract(case_id, by="d", reason="withdrawn by reporter")
    with registry.transaction(readonly=True) as session:
        pairs = session.execute(
            select(CaseVersion.version, func.count(AuditRow.id))
            .join(
                AuditRow,
                (AuditRow.case_id == CaseVersion.case_id)
                & (AuditRow.version == CaseVersion.version),
            )
            .group_by(CaseVersion.version)
            .order_by(CaseVersion.version)
        ).all()
    assert [tuple(p) for p in pairs] == [(1, 1), (2, 1), (3, 1), (4, 1)]
