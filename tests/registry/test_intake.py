"""A new case prepared before its write transaction (registry.intake) is stored exactly as
one worked out inside it: the same JSON values, keys in the same order, the same assessment
and search facts, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from dermavigil.domain.assessment import assess
from dermavigil.domain.case import Case
from dermavigil.registry import CaseService, Registry
from dermavigil.registry.db import EncodedJSON, json_dumps
from dermavigil.registry.facets import search_facts
from dermavigil.registry.intake import prepare, prepare_new


def _raw(registry: Registry, case_id: str) -> tuple[Any, Any]:
    """The stored document and assessment of version 1, decoded from the column's text."""
    with registry.transaction(readonly=True) as session:
        row = session.execute(
            text(
                "SELECT CAST(document AS TEXT), CAST(assessment AS TEXT) FROM case_versions "
                "WHERE case_id = :c AND version = 1"
            ),
            {"c": case_id},
        ).one()
    return json.loads(row[0]), json.loads(row[1])


def _tricky(seed: Case) -> Case:
    """The seed case with non-ASCII text, a fractional weight and no labelled route on its
    products (so the catalogue's labelled routes are looked up)."""
    products = [p.model_copy(update={"approved_routes": []}) for p in seed.products]
    return seed.model_copy(
        update={
            "narrative": "Nécrose cutanée « après » injection — 注射 \u2028 end",
            "patient": seed.patient.model_copy(update={"weight_kg": 61.25}),
            "products": products,
        }
    )


def test_prepared_case_is_stored_as_the_transaction_would_store_it(
    registry: Registry, seed: Case
) -> None:
    for case in (seed, _tricky(seed)):
        prepared = prepare_new(registry, case)
        with registry.transaction() as session:
            cases = CaseService(session)
            stored = cases.create(case, by="alice", prepared=prepared)
            labelled = cases.labelled(case)
        document, assessment = _raw(registry, stored.case_id)
        expected = case.model_copy(update={"case_id": stored.case_id})
        want = expected.model_dump(mode="json", exclude_none=True)
        # same values, keys in the same order (compared as text after a common encoding)
        assert json.dumps(document) == json.dumps(want)
        fresh = assess(expected, [], labelled)
        assert json.dumps(assessment) == json.dumps(fresh.model_dump(mode="json"))
        assert stored.assessment == fresh
        assert prepared.facts == search_facts(expected, fresh)
        with registry.transaction(readonly=True) as session:
            assert CaseService(session).get(stored.case_id).case == expected


def test_create_without_a_prepared_case_prepares_it_the_same_way(
    registry: Registry, seed: Case
) -> None:
    case = _tricky(seed)
    with registry.transaction() as session:
        first = CaseService(session).create(case, by="alice").case_id
    with registry.transaction() as session:
        prepared = prepare_new(registry, case)
        second = CaseService(session).create(case, by="alice", prepared=prepared).case_id
    one, two = _raw(registry, first), _raw(registry, second)
    assert json.dumps(one[0]) == json.dumps({**two[0], "case_id": first}) and one[1] == two[1]


def test_the_catalogue_decides_the_route_verdict_of_a_prepared_case(
    registry: Registry, seed: Case
) -> None:
    """Without labelled routes in the report, the off-label verdict comes from the catalogue,
    read by prepare_new; prepare without them would judge otherwise for a catalogued product."""
    case = _tricky(seed)
    with registry.transaction(readonly=True) as session:
        labelled = CaseService(session).labelled(case)
    assert labelled, "the seed's product is catalogued with its labelled routes"
    assert prepare(case, {}).assessment.off_label != prepare(case, labelled).assessment.off_label
    assert prepare_new(registry, case).assessment == prepare(case, labelled).assessment


def test_json_columns_pass_encoded_text_through() -> None:
    assert json_dumps(EncodedJSON('{"a":1}')) == '{"a":1}'
    assert json_dumps({"a": "é"}) == json.dumps({"a": "é"})
    assert json_dumps("plain text") == '"plain text"'  # a str that is not EncodedJSON
