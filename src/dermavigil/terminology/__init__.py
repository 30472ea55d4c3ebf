"""Terminology: HPO coding of verbatim phrases and product-category detection.

Public API::

    code_phrase(text) -> list[CodedTerm]     # dermavigil.terminology.coder
    about() -> dict                          # HPO release + licence, for the About page
    categorize(name) -> ProductCategory      # dermavigil.terminology.products
    find_products(text) -> list[ProductMention]
"""

from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.hpo import about
from dermavigil.terminology.products import categorize, find_products

__all__ = ["about", "categorize", "code_phrase", "find_products"]
