"""The catalogue's labelled routes for the products of a case (the off-label assessment's
fallback when the report records no approved route).

Each suspect or interacting product whose report gives no approved route is
resolved by name (else active ingredient) with the route used and the
formulation as evidence; when the name alone is ambiguous, the category the
case gives narrows it. The result feeds
:func:`dermavigil.domain.assessment.assess` (``labelled=``), which stays pure.
"""

from __future__ import annotations

from dermavigil.catalogue.lookup import Catalogue
from dermavigil.catalogue.model import Match
from dermavigil.domain.case import Case, Product
from dermavigil.domain.off_label import LabelledRoutes
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import ProductCategory, ProductRole

_UNINFORMATIVE = (Route.unknown, Route.other)


def _match(catalogue: Catalogue, product: Product) -> Match | None:
    for name in (product.name, product.active_ingredient):
        match = catalogue.resolve(name, product.route, product.formulation)
        if match is None and name and product.category is not ProductCategory.other:
            phrase, found = catalogue.candidates(name)
            same = [e for e in found if e.category is product.category]
            if len(same) == 1:
                match = Match(same[0], name, phrase, "category")
        if match is not None:
            return match
    return None


def labelled_routes(case: Case, catalogue: Catalogue | None = None) -> dict[int, LabelledRoutes]:
    """Per product index, the routes the catalogue labels the product for (only for
    suspect/interacting products whose report records no approved route)."""
    if catalogue is None:
        from dermavigil.catalogue import default_catalogue

        catalogue = default_catalogue()
    out: dict[int, LabelledRoutes] = {}
    for index, product in enumerate(case.products):
        if product.role not in (ProductRole.suspect, ProductRole.interacting):
            continue
        if any(r not in _UNINFORMATIVE for r in product.approved_routes):
            continue
        match = _match(catalogue, product)
        if match is None or not match.entry.routes:
            continue
        source = match.entry.source_of("routes")
        out[index] = LabelledRoutes(
            entry_id=match.entry.id,
            entry_name=match.entry.name,
            routes=list(match.entry.routes),
            source=source.citation if source else "no source",
            matched=match.matched,
        )
    return out
