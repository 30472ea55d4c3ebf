"""``/api/products``: the product catalogue (shipped + registry entries), read only.

``GET /api/products`` lists entries (filters ``category``, ``regulatory_class``);
``GET /api/products/resolve?name=...&route=...&formulation=...`` resolves a name as
reported to an entry, keeping the verbatim and saying what decided between
look-alikes (the intake form's product look-up); ``GET /api/products/{id}`` is one
entry with the source of each fact. Every signed-in role may read the catalogue;
changes go through ``dermavigil products add/edit``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from dermavigil.web.deps import ActorDep, RegistryDep

router = APIRouter(prefix="/api/products", tags=["products"])


def _item(item: Any) -> dict[str, Any]:
    return {**item.entry.as_dict(), "origin": item.origin, "version": item.version}


@router.get("")
def list_products(
    actor: ActorDep,
    registry: RegistryDep,
    category: Annotated[str | None, Query(max_length=64)] = None,
    regulatory_class: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    """Every catalogue entry (optionally of one category or regulatory class)."""
    from dermavigil.registry.products import ProductService

    with registry.transaction(readonly=True) as session:
        items = ProductService(session).list()
    kept = [
        _item(i)
        for i in items
        if (category is None or i.entry.category.value == category)
        and (regulatory_class is None or i.entry.regulatory_class.value == regulatory_class)
    ]
    return {"total": len(kept), "items": kept}


@router.get("/resolve")
def resolve_product(
    actor: ActorDep,
    registry: RegistryDep,
    name: Annotated[str, Query(min_length=1, max_length=300)],
    route: Annotated[str | None, Query(max_length=64)] = None,
    formulation: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    """The entry ``name`` means (``entry`` null when none or several fit; ``candidates``
    lists the entries sharing the matched phrase)."""
    from dermavigil.registry.products import ProductService

    with registry.transaction(readonly=True) as session:
        catalogue = ProductService(session).catalogue()
    match = catalogue.resolve(name, route, formulation)
    phrase, found = catalogue.candidates(name)
    category = catalogue.category(name, route, formulation)
    return {
        "verbatim": name,
        "entry": match.entry.as_dict() if match else None,
        "matched": phrase or None,
        "decided_by": match.decided_by if match else None,
        "category": category.value if category else None,
        "candidates": [e.id for e in found],
    }


@router.get("/{entry_id}")
def get_product(entry_id: str, actor: ActorDep, registry: RegistryDep) -> dict[str, Any]:
    """One entry with every fact's source and its origin (shipped or registry version)."""
    from dermavigil.registry.products import ProductService

    with registry.transaction(readonly=True) as session:
        return _item(ProductService(session).get(entry_id))


__all__ = ["router"]
