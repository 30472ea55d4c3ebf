"""New cases stored together (``CaseService.create_all``, the group-commit writer's runs of
creations): numbered in order with one counter update, inserted with one statement per
table, and stored exactly as one-by-one creations store them, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from sqlalchemy import event, text

from dermavigil.domain.case import Case
from dermavigil.errors import InputError, PermissionDenied
from dermavigil.registry import CaseService, NewCase, Registry

_WRITTEN_AT = {"created_at", "updated_at", "at", "id"}
"""Columns that differ between two writes of the same case (when, and the audit row's key)."""


def _rows(registry: Registry, case_ids: list[str]) -> list[dict[str, Any]]:
    """Every stored row of each case (case, version, facets, audit), without its
    timestamps and with its own id replaced by its position in ``case_ids``."""
    queries = {
        "cases": "SELECT * FROM cases WHERE case_id = :c",
        "case_versions": "SELECT * FROM case_versions WHERE case_id = :c",
        "case_facets": "SELECT * FROM case_facets WHERE case_id = :c ORDER BY facet, value",
        "audit": "SELECT * FROM audit WHERE case_id = :c",
    }
    found = []
    with registry.transaction(readonly=True) as session:
        for n, case_id in enumerate(case_ids):
            rows: dict[str, Any] = {}
            for table, query in queries.items():
                rows[table] = [
                    {
                        k: (str(v).replace(case_id, f"#{n}") if v is not None else None)
                        for k, v in row._mapping.items()
                        if k not in _WRITTEN_AT
                    }
                    for row in session.execute(text(query), {"c": case_id})
                ]
            found.append(rows)
    return found


def _variants(seed: Case) -> list[Case]:
    return [
        seed.model_copy(update={"patient": seed.patient.model_copy(update={"weight_kg": w})})
        for w in (50, 61.5, 90)
    ]


def test_create_all_stores_what_one_by_one_creations_store(registry: Registry, seed: Case) -> None:
    cases = _variants(seed)
    alone = []
    for case in cases:
        with registry.transaction() as session:
            alone.append(CaseService(session).create(case, by="alice").case_id)
    with registry.transaction() as session:
        stored = CaseService(session).create_all([NewCase(c, by="alice") for c in cases])
    together = [s.case_id for s in stored]
    assert alone == ["DV-000001", "DV-000002", "DV-000003"]
    assert together == ["DV-000004", "DV-000005", "DV-000006"]  # numbered in their order
    assert [s.case.patient.weight_kg for s in stored] == [50, 61.5, 90]
    assert _rows(registry, together) == _rows(registry, alone)
    with registry.transaction(readonly=True) as session:
        history = CaseService(session).history("DV-000005")
    assert [(h.version, h.action, h.by) for h in history] == [(1, "create", "alice")]


class _Create:
    """A creation for the group-commit writer, stored with the creations that follow it
    in its batch; one by ``mallory`` is refused (returned as its error, nothing written)."""

    def __init__(self, case: Case, by: str) -> None:
        self.case, self.by = case, by

    @staticmethod
    def many(session: Any, writes: list[_Create]) -> list[Any]:
        allowed = [w for w in writes if w.by != "mallory"]
        stored = iter(CaseService(session).create_all([NewCase(w.case, w.by) for w in allowed]))
        return [
            next(stored).case_id if w.by != "mallory" else PermissionDenied("not mallory")
            for w in writes
        ]


def _one_batch(registry: Registry, seed: Case, writes: list[_Create]) -> list[Any]:
    """The outcomes of a first creation (by ``first``) and of ``writes``, which queue while
    the writer is held by the first one and so form the next batch."""
    gate = threading.Event()

    def hold(session: Any) -> str:
        gate.wait(5)
        return CaseService(session).create(seed, by="first").case_id

    async def main() -> list[Any]:
        held = asyncio.ensure_future(registry.group_write_async(hold))
        await asyncio.sleep(0.2)
        queued = [asyncio.ensure_future(registry.group_write_async(w)) for w in writes]
        await asyncio.sleep(0.2)
        gate.set()
        return await asyncio.gather(held, *queued, return_exceptions=True)

    return asyncio.run(main())


def test_a_batch_of_creations_takes_one_number_update_and_one_insert_per_table(
    registry: Registry, seed: Case
) -> None:
    statements: list[str] = []
    rows_per_statement: list[int] = []

    @event.listens_for(registry.engine, "before_cursor_execute")
    def _seen(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split()[:3]).upper())
        if statements[-1] == "INSERT INTO AUDIT":  # multi-row VALUES, not one row per step
            rows_per_statement.append(statement.count("?") + statement.count("%("))

    writes = [_Create(seed, "mallory" if n == 7 else "bob") for n in range(21)]
    results = _one_batch(registry, seed, writes)
    ids = [r for r in results if isinstance(r, str)]
    assert len(ids) == 21 and len(set(ids)) == 21
    assert isinstance(results[8], PermissionDenied)
    committer = registry._committer
    assert committer is not None and committer.batches == 2 and committer.writes == 21
    # the first write's and the batch's, each the case numbers and the registry's revision
    assert statements.count("UPDATE COUNTERS SET") == 4
    assert statements.count("INSERT INTO CASE_VERSIONS") == 2
    assert statements.count("INSERT INTO AUDIT") == 2
    assert rows_per_statement[1] == 20 * rows_per_statement[0]  # 20 rows in one statement
    assert not any(s.startswith("SAVEPOINT") for s in statements)
    with registry.transaction(readonly=True) as session:
        owners = sorted(s.owner for s in CaseService(session).all_current(None))
    assert owners == ["bob"] * 20 + ["first"]


def test_a_creation_alone_and_a_failing_run_go_one_by_one(registry: Registry, seed: Case) -> None:
    """A run of creations that fails as a whole (here: one has no author) is run again one
    write at a time, each in its savepoint: the others are stored, the bad one refused."""
    results = _one_batch(registry, seed, [_Create(seed, by) for by in ("bob", " ", "carol")])
    assert isinstance(results[2], InputError) and "by is required" in str(results[2])
    assert [type(r) for r in results] == [str, str, InputError, str]
    alone = asyncio.run(registry.group_write_async(_Create(seed, "dave")))
    with registry.transaction(readonly=True) as session:
        assert CaseService(session).get(alone).owner == "dave"
        owners = sorted(s.owner for s in CaseService(session).all_current(None))
    assert owners == ["bob", "carol", "dave", "first"]
