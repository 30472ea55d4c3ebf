"""The shapes of the product catalogue: entries, the facts they state and their sources.

An :class:`Entry` is one product (a brand such as JUVÉDERM VOLUMA XC) or one
product family (hyaluronic-acid dermal filler) with its category, its
regulatory class, the routes and skin layers its label allows, its
manufacturer and device product codes. Every fact names the
:class:`Source` it comes from (``entry.sources["routes"]``): an FDA label, a
device classification or PMA record, a manufacturer's instructions for use,
openFDA's label route field, a regulator's notice, the literature, or how the
product appears in a public adverse-event database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import Formulation, ProductCategory


class RegulatoryClass(StrEnum):
    """How a product is regulated (US status unless the source says otherwise).

    ``dietary_supplement`` is kept apart from ``unregulated``: supplements are
    regulated as foods (DSHEA 1994) and are reported to CAERS, not FAERS or MAUDE.
    """

    drug = "drug"
    biologic = "biologic"
    device = "device"
    cosmetic = "cosmetic"
    dietary_supplement = "dietary_supplement"
    unregulated = "unregulated"


class Layer(StrEnum):
    """Where in or on the skin a label places the product."""

    topical = "topical"
    epidermis = "epidermis"
    superficial_dermis = "superficial_dermis"
    mid_dermis = "mid_dermis"
    deep_dermis = "deep_dermis"
    subdermal = "subdermal"
    subcutaneous = "subcutaneous"
    supraperiosteal = "supraperiosteal"
    intramuscular = "intramuscular"


class SourceKind(StrEnum):
    """What kind of document a fact comes from."""

    label = "label"
    device_classification = "device_classification"
    manufacturer_ifu = "manufacturer_ifu"
    openfda_label = "openfda_label"
    regulator_notice = "regulator_notice"
    literature = "literature"
    report_data = "report_data"
    user = "user"


FACTS: tuple[str, ...] = (
    "category",
    "regulatory_class",
    "routes",
    "manufacturer",
    "product_codes",
)
"""The facts of an entry that must each name a source when they are stated
(``routes`` covers the layers, formulations and labelled use)."""


@dataclass(frozen=True)
class Source:
    """A citable document."""

    id: str
    kind: SourceKind
    citation: str
    url: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"id": self.id, "kind": self.kind.value, "citation": self.citation, "url": self.url}


@dataclass(frozen=True)
class Entry:
    """One product or product family of the catalogue."""

    id: str
    name: str
    category: ProductCategory
    regulatory_class: RegulatoryClass
    sources: dict[str, Source]
    synonyms: tuple[str, ...] = ()
    routes: tuple[Route, ...] = ()
    layers: tuple[Layer, ...] = ()
    formulations: tuple[Formulation, ...] = ()
    labelled_use: str | None = None
    manufacturer: str | None = None
    product_codes: tuple[str, ...] = ()

    def source_of(self, fact: str) -> Source | None:
        """The source of ``fact`` (one of :data:`FACTS`)."""
        return self.sources.get(fact)

    def as_dict(self) -> dict[str, object]:
        """A plain JSON-able form (CLI ``--json``, API, registry rows)."""
        return {
            "id": self.id,
            "name": self.name,
            "synonyms": list(self.synonyms),
            "category": self.category.value,
            "regulatory_class": self.regulatory_class.value,
            "routes": [r.value for r in self.routes],
            "layers": [layer.value for layer in self.layers],
            "formulations": [f.value for f in self.formulations],
            "labelled_use": self.labelled_use,
            "manufacturer": self.manufacturer,
            "product_codes": list(self.product_codes),
            "sources": {fact: s.as_dict() for fact, s in self.sources.items()},
        }


@dataclass(frozen=True)
class Match:
    """A name resolved to an entry, with the verbatim name kept.

    ``matched`` is the catalogue phrase (name or synonym) found in the verbatim;
    ``decided_by`` says what chose among entries sharing that phrase
    (``"name"`` when only one entry has it, else ``"route"``, ``"formulation"``,
    ``"name words"`` or ``"regulatory class"``).
    """

    entry: Entry
    verbatim: str
    matched: str
    decided_by: str
    alternatives: tuple[str, ...] = field(default=())
