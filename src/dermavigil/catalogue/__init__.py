"""The product catalogue: products and families, their category, regulatory class,
labelled routes and layers, manufacturer and device product codes, each fact cited.

Public API::

    resolve(name, route=None, formulation=None, classes=None) -> Match | None
    category_of(name, route=None, formulation=None, classes=None) -> ProductCategory | None
    default_catalogue() -> Catalogue        # the shipped entries (data/products.yaml)
    Catalogue(entries)                      # e.g. shipped + registry entries
    Entry, Match, Source, RegulatoryClass, Layer, SourceKind

A :class:`Match` keeps the verbatim name beside the entry it resolved to and
says what decided between look-alikes (route, formulation, name words,
regulatory class): oral "sodium hyaluronate" tablets are a supplement, not a
filler.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from dermavigil.catalogue.data import entry_from_dict, parse_catalogue, shipped_entries
from dermavigil.catalogue.lookup import Catalogue
from dermavigil.catalogue.model import (
    FACTS,
    Entry,
    Layer,
    Match,
    RegulatoryClass,
    Source,
    SourceKind,
)
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import Formulation, ProductCategory

__all__ = [
    "FACTS",
    "Catalogue",
    "Entry",
    "Layer",
    "Match",
    "RegulatoryClass",
    "Source",
    "SourceKind",
    "category_of",
    "default_catalogue",
    "entry_from_dict",
    "parse_catalogue",
    "resolve",
]


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The shipped catalogue (built once per process)."""
    return Catalogue(shipped_entries())


def resolve(
    name: str | None,
    route: Route | str | None = None,
    formulation: Formulation | str | None = None,
    *,
    classes: Iterable[RegulatoryClass | str] | None = None,
) -> Match | None:
    """``name`` resolved against the shipped catalogue (see :meth:`Catalogue.resolve`)."""
    return default_catalogue().resolve(name, route, formulation, classes=classes)


def category_of(
    name: str | None,
    route: Route | str | None = None,
    formulation: Formulation | str | None = None,
    *,
    classes: Iterable[RegulatoryClass | str] | None = None,
) -> ProductCategory | None:
    """The category of ``name`` in the shipped catalogue (see :meth:`Catalogue.category`)."""
    return default_catalogue().category(name, route, formulation, classes=classes)
