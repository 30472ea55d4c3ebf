"""The product catalogue in the registry: add, edit with history, cited facts, and the
off-label assessment reading the merged catalogue (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from dermavigil.domain.case import Case
from dermavigil.errors import ConflictError, InputError, NotFoundError
from dermavigil.registry import CaseService, Registry
from dermavigil.registry.products import ProductService

NEW = {
    "id": "ha-test-gel",
    "name": "Test Gel",
    "synonyms": ["testgel"],
    "category": "ha_filler",
    "regulatory_class": "device",
    "routes": ["intradermal"],
    "sources": {
        "category": {"kind": "manufacturer_ifu", "citation": "Test Gel IFU"},
        "regulatory_class": {"kind": "manufacturer_ifu", "citation": "Test Gel IFU"},
        "routes": {"kind": "manufacturer_ifu", "citation": "Test Gel IFU, section 2"},
    },
}


def _case(name: str, route: str) -> Case:
    return Case.model_validate(
        {
            "report": {"source": "clinician"},
            "patient": {"sex": "female"},
            "products": [{"name": name, "route": route}],
            "reactions": [{"verbatim": "nodule"}],
        }
    )


def test_add_edit_and_history(registry: Registry) -> None:
    with registry.transaction() as session:
        service = ProductService(session)
        shipped = len(service.list())
        service.add(NEW, by="alice", reason="new product")
    with registry.transaction() as session:
        service = ProductService(session)
        assert len(service.list()) == shipped + 1
        with pytest.raises(ConflictError):
            service.add(NEW, by="alice")
        assert service.catalogue().resolve("TESTGEL 1 ml").entry.id == "ha-test-gel"
    with registry.transaction() as session, pytest.raises(InputError) as err:
        ProductService(session).edit("kybella", {"routes": ["intradermal"]}, by="bob", reason="x")
    assert "needs its source" in str(err.value)
    with registry.transaction() as session:
        edited = ProductService(session).edit(
            "kybella",
            {
                "routes": ["subcutaneous", "intradermal"],
                "sources": {"routes": {"kind": "label", "citation": "a newer label"}},
            },
            by="bob",
            reason="label update",
        )
        assert edited.version == 1 and edited.origin == "registry"
    with registry.transaction(readonly=True) as session:
        service = ProductService(session)
        (v1,) = service.history("kybella")
        assert (v1.by, v1.action, v1.reason) == ("bob", "edit", "label update")
        assert {c.path for c in v1.changes} >= {"routes.1", "sources.routes.citation"}
        assert service.get("kybella").entry.source_of("routes").citation == "a newer label"
        assert service.get("dysport").origin == "shipped"
        assert service.history("dysport") == []
        with pytest.raises(NotFoundError):
            service.get("nope")


def test_case_assessment_uses_the_registry_catalogue(registry: Registry) -> None:
    with registry.transaction() as session:
        first = CaseService(session).create(_case("Kybella", "intradermal"), by="alice")
    verdict = first.assessment.off_label.products[0]
    assert (verdict.off_label, verdict.approved_routes_source) == (True, "catalogue")
    assert first.assessment.off_label_route is True
    with registry.transaction() as session:
        ProductService(session).edit(
            "kybella",
            {
                "routes": ["subcutaneous", "intradermal"],
                "sources": {"routes": {"kind": "label", "citation": "a newer label"}},
            },
            by="bob",
            reason="label update",
        )
        second = CaseService(session).create(_case("Kybella", "intradermal"), by="alice")
    verdict = second.assessment.off_label.products[0]
    assert verdict.off_label is False
    assert any("a newer label" in f for f in verdict.facts)
