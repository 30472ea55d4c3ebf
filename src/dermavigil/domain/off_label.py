"""Off-label route: a suspect product given by a route it is not approved or labelled for.

The seed case's core finding: an exosome product sold for topical use was
injected intradermally. For every suspect (or interacting) product the route
actually used is compared with the routes its label allows:

- ``off_label = True`` when the route used is not among the approved routes;
- ``False`` when it is;
- ``None`` (unknown) when either side is missing (no route used, a route of
  ``unknown`` or ``other``, or no approved routes recorded); the facts say which.

Routes that name the same way of giving a product count as one: an approval
for ``intravenous`` covers a bolus or a drip, and ``topical`` and ``cutaneous``
(both applied on the skin surface, E2B codes 061 and 003) cover each other.
The case-level flag is true when any suspect product is off-label.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from dermavigil.domain.case import Case, Product
from dermavigil.domain.evidence import fact
from dermavigil.domain.vocab import ProductRole, Route

_COVERS: dict[Route, frozenset[Route]] = {
    Route.intravenous: frozenset({Route.intravenous_bolus, Route.intravenous_drip}),
    Route.topical: frozenset({Route.cutaneous}),
    Route.cutaneous: frozenset({Route.topical}),
}
"""Approved route -> further routes that approval covers."""

_UNINFORMATIVE: frozenset[Route] = frozenset({Route.unknown, Route.other})


class OffLabelProduct(BaseModel):
    """The off-label route verdict for one suspect product."""

    model_config = ConfigDict(extra="forbid")

    product_index: int
    name: str
    route_used: str | None
    approved_routes: list[str]
    off_label: bool | None
    facts: list[str]


class OffLabelResult(BaseModel):
    """Off-label route for the case: ``flag`` when any suspect product is off-label."""

    model_config = ConfigDict(extra="forbid")

    flag: bool
    products: list[OffLabelProduct]
    overridden: bool = False


def covered(route: Route, approved: list[Route]) -> bool:
    """Whether an approval for ``approved`` routes covers giving the product by ``route``."""
    return any(route == a or route in _COVERS.get(a, frozenset()) for a in approved)


def _product_verdict(index: int, product: Product) -> OffLabelProduct:
    here = f"products.{index}"
    route = product.route
    approved = [r for r in product.approved_routes if r not in _UNINFORMATIVE]
    facts: list[str] = []
    if route is None or route in _UNINFORMATIVE:
        shown = "not recorded" if route is None else f"recorded only as {route.value!r}"
        facts.append(fact(f"{here}.route", f"route used {shown}"))
    else:
        facts.append(fact(f"{here}.route", f"route used: {route.value}"))
    if product.route_verbatim:
        facts.append(fact(f"{here}.route_verbatim", repr(product.route_verbatim)))
    if approved:
        routes = ", ".join(r.value for r in approved)
        facts.append(fact(f"{here}.approved_routes", f"approved or labelled for: {routes}"))
    else:
        facts.append(fact(f"{here}.approved_routes", "no approved or labelled route recorded"))
    if product.labelled_use:
        facts.append(fact(f"{here}.labelled_use", repr(product.labelled_use)))
    verdict: bool | None = None
    if route is not None and route not in _UNINFORMATIVE and approved:
        verdict = not covered(route, approved)
    return OffLabelProduct(
        product_index=index,
        name=product.name,
        route_used=route.value if route is not None else None,
        approved_routes=[r.value for r in product.approved_routes],
        off_label=verdict,
        facts=facts,
    )


def assess_off_label(case: Case) -> OffLabelResult:
    """Off-label route per suspect product, and the case-level flag."""
    products = [
        _product_verdict(i, p)
        for i, p in enumerate(case.products)
        if p.role in (ProductRole.suspect, ProductRole.interacting)
    ]
    return OffLabelResult(flag=any(p.off_label for p in products), products=products)
