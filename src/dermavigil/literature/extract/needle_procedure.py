"""Needle procedures as the suspect product (docs/annotation.md, the w0xx round's scope
decision): the procedure of this patient (:mod:`.needle_words`), category ``other``, named as
the text names it, route and approval null.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.device_suspects import device_first
from dermavigil.literature.extract.exposure_products import exposure_product, tattoo_first
from dermavigil.literature.extract.high_pressure import injected_material
from dermavigil.literature.extract.needle_words import needle_words
from dermavigil.literature.extract.products import ProductFacts
from dermavigil.literature.extract.sentences import Sentence


def _longest(sentence: Sentence) -> tuple[int, int]:
    return max(needle_words(sentence.text), key=lambda span: span[1] - span[0])


def procedure_first(
    products: list[ProductFacts],
    patient: list[Sentence],
    title: Sentence | None,
    rechallenge: set[int],
) -> list[ProductFacts]:
    """A needle procedure of this patient (named in the title or a case sentence) is the
    suspect, category ``other``: when the case names no other product, or when the title
    names the procedure and none of the products found outside the procedure's own words (a
    drug that treated the reaction, the "gold" of "gold thread acupuncture")."""
    told = [s for s in ([title] if title else []) + patient if needle_words(s.text)]
    if not told:
        return products
    in_title = title is not None and told[0] is title
    if products:
        if not in_title:
            return products
        spans = needle_words(title.text)
        lower = title.text.lower()
        for product in products:
            name = product.name.lower()
            at = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", lower)]
            if any(not any(a <= i < b for a, b in spans) for i in at):
                return products
    return [exposure_product(told, told[0], _longest(told[0]), needle_words, title, rechallenge)]


def skin_procedure_first(
    products: list[ProductFacts],
    patient: list[Sentence],
    sentences: list[Sentence],
    rechallenge: set[int],
) -> list[ProductFacts]:
    """A tattoo pigment (:func:`.exposure_products.tattoo_first`), then a needle procedure
    (:func:`procedure_first`), a device or drug implant (:func:`.device_suspects.
    device_first`), as the suspect when the case names it so; then, in a
    high-pressure injection injury, the material injected (:func:`.high_pressure.
    injected_material`)."""
    title = sentences[0] if sentences and sentences[0].section == "title" else None
    products = tattoo_first(products, patient, title, rechallenge)
    products = procedure_first(products, patient, title, rechallenge)
    products = device_first(products, patient, title, rechallenge, sentences)
    return injected_material(products, sentences, patient)
