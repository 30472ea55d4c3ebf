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

When the report records no approved route for a product, the caller may pass
the routes a product catalogue labels it for (:class:`LabelledRoutes`, keyed
by product index; see :func:`dermavigil.catalogue.routes.labelled_routes`):
they are used instead, and the verdict says so (``approved_routes_source`` is
``"catalogue"`` and a fact names the entry and its cited source). Routes the
report records always win over the catalogue's.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from dermavigil.domain.case import Case, Product
from dermavigil.domain.evidence import fact
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import ProductRole

_COVERS: dict[Route, frozenset[Route]] = {
    Route.intravenous: frozenset({Route.intravenous_bolus, Route.intravenous_drip}),
    Route.topical: frozenset({Route.cutaneous}),
    Route.cutaneous: frozenset({Route.topical}),
}
"""Approved route -> further routes that approval covers."""

_UNINFORMATIVE: frozenset[Route] = frozenset({Route.unknown, Route.other})


class LabelledRoutes(BaseModel):
    """The routes a product's label allows, as a catalogue states them, with the source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    entry_id: str
    entry_name: str
    routes: list[Route]
    source: str = Field(description="the citation the catalogue gives for the routes")
    matched: str | None = Field(default=None, description="the name phrase that resolved")


class OffLabelProduct(BaseModel):
    """The off-label route verdict for one suspect product."""

    model_config = ConfigDict(extra="forbid")

    product_index: int
    name: str
    route_used: str | None
    approved_routes: list[str]
    off_label: bool | None
    facts: list[str]
    approved_routes_source: str | None = Field(
        default=None,
        description="'report' when the report records the approved routes, 'catalogue' when "
        "they come from the product catalogue, None when neither gives any",
    )
    catalogue_entry: str | None = None


class OffLabelResult(BaseModel):
    """Off-label route for the case: ``flag`` when any suspect product is off-label."""

    model_config = ConfigDict(extra="forbid")

    flag: bool
    products: list[OffLabelProduct]
    overridden: bool = False


def covered(route: Route, approved: list[Route]) -> bool:
    """Whether an approval for ``approved`` routes covers giving the product by ``route``."""
    return any(route == a or route in _COVERS.get(a, frozenset()) for a in approved)


def _product_verdict(
    index: int, product: Product, labelled: LabelledRoutes | None
) -> OffLabelProduct:
    here = f"products.{index}"
    route = product.route
    approved = [r for r in product.approved_routes if r not in _UNINFORMATIVE]
    origin: str | None = "report" if approved else None
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
        usable = [r for r in labelled.routes if r not in _UNINFORMATIVE] if labelled else []
        if labelled is not None and usable:
            approved, origin = usable, "catalogue"
            routes = ", ".join(r.value for r in approved)
            facts.append(
                fact(
                    f"catalogue.{labelled.entry_id}.routes",
                    f"the product catalogue labels {labelled.entry_name!r} for: {routes} "
                    f"(source: {labelled.source})",
                )
            )
    if product.labelled_use:
        facts.append(fact(f"{here}.labelled_use", repr(product.labelled_use)))
    verdict: bool | None = None
    if route is not None and route not in _UNINFORMATIVE and approved:
        verdict = not covered(route, approved)
    return OffLabelProduct(
        product_index=index,
        name=product.name,
        route_used=route.value if route is not None else None,
        approved_routes=[
            r.value for r in (approved if origin == "catalogue" else product.approved_routes)
        ],
        off_label=verdict,
        facts=facts,
        approved_routes_source=origin,
        catalogue_entry=labelled.entry_id if origin == "catalogue" and labelled else None,
    )


def assess_off_label(
    case: Case, labelled: Mapping[int, LabelledRoutes] | None = None
) -> OffLabelResult:
    """Off-label route per suspect product, and the case-level flag.

    ``labelled`` gives, per product index, the routes a catalogue labels the
    product for; they are used only for a product whose report records none.
    """
    labelled = labelled or {}
    products = [
        _product_verdict(i, p, labelled.get(i))
        for i, p in enumerate(case.products)
        if p.role in (ProductRole.suspect, ProductRole.interacting)
    ]
    return OffLabelResult(flag=any(p.off_label for p in products), products=products)
