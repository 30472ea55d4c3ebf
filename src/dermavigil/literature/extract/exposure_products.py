"""Suspects that a procedure or a deposit of the patient makes, named by its own words.

A tattoo or permanent make-up pigment (:func:`tattoo_first`), the shape of a suspect named
by a procedure's words (:func:`exposure_product`, also used for needle procedures and
devices), and the product family a text in another language is about
(:func:`named_family`); docs/annotation.md, scope: a pigment deposited in the dermis and a
needle procedure are category ``other``.
"""

from __future__ import annotations

from collections.abc import Callable

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract.needle_words import needle_words
from dermavigil.literature.extract.products import ProductFacts, Span, describe
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.tattoo import pigment_name, tattoo_words
from dermavigil.terminology.materials import find_foreign_fillers
from dermavigil.terminology.products import ProductMention, find_products


def _pigment(texts: list[str]) -> tuple[int, int, int]:
    """(start, end, index of the text) of the most specific tattoo pigment name the texts give
    (:func:`.tattoo.pigment_name`: a named colour or ink before a bare tattoo word), or -1s."""
    named = [(i, found) for i, t in enumerate(texts) if (found := pigment_name(t))]
    if not named:
        return -1, -1, -1
    i, (start, end, _) = next(((i, f) for i, f in named if f[2]), named[0])
    return start, end, i


def tattoo_first(
    products: list[ProductFacts],
    patient: list[Sentence],
    title: Sentence | None,
    rechallenge: set[int],
) -> list[ProductFacts]:
    """A tattoo or permanent make-up of this patient (named in a case sentence or the title) is
    the suspect product, category ``other`` (docs/annotation.md, scope: a pigment deposited in
    the dermis): when the case names no other product, or when the title names the tattoo and
    none of the products found (what a background sentence listed: "mesotherapy", "a foreign
    substance"), or when the products found are only usual treatments of complications taken
    for want of another name (:attr:`.products.ProductFacts.usual_treatment`: "intralesional
    triamcinolone injections were given" for a microblading granuloma)."""
    told = [s for s in ([title] if title else []) + patient if tattoo_words(s.text)]
    start, end, i = _pigment([s.text for s in told])
    if i < 0:
        return products
    in_title = title is not None and told[0] is title
    named = not (in_title and not any(p.name.lower() in title.text.lower() for p in products))
    if products and named and not all(p.usual_treatment for p in products):
        return products
    return [exposure_product(told, told[i], (start, end), tattoo_words, title, rechallenge)]


def exposure_product(
    told: list[Sentence],
    sentence: Sentence,
    span: tuple[int, int],
    words: Callable[[str], list[tuple[int, int]]],
    title: Sentence | None,
    rechallenge: set[int],
) -> ProductFacts:
    """The suspect a procedure or deposit of this patient makes (a tattoo, a needle
    procedure: category ``other``, docs/annotation.md), named by ``span`` of ``sentence``
    with its spacing evened ("red\ntattoos" as one name), its category's evidence every
    ``words`` span of the sentences ``told`` of it, described by those of the case."""
    start, end = span
    name = " ".join(sentence.text[start:end].split())
    product = ProductFacts(name=name, category=ProductCategory.other)
    product.spans["name"] = [(sentence.start + start, sentence.start + end)]
    product.spans["category"] = [(s.start + a, s.start + b) for s in told for a, b in words(s.text)]
    describe(product, [s for s in told if s is not title], rechallenge)
    return product


def named_family(text: str, within: list[Span] | None = None) -> list[ProductFacts]:
    """The product a text in another language is about: the first product family it names
    (:func:`dermavigil.terminology.products.find_products` reads the family names of Spanish,
    Portuguese, French, Italian and German texts: "toxina botulínica", "ácido hialurônico"),
    named as the text spells it (docs/annotation.md), with its mentions as evidence; else
    the first filler of unnamed material the text names in its words
    (:func:`dermavigil.terminology.materials.find_foreign_fillers`, category ``other``). The
    rest of such a text is not read, so a usual treatment of complications (a drug of the
    family list, hyaluronidase) is never taken. ``within``: only the names inside these
    spans (the parts of the text in another language)."""

    def inside(start: int, end: int) -> bool:
        return within is None or any(a <= start and end <= b for a, b in within)

    mentions = [
        m
        for m in find_products(text)
        if m.category is not ProductCategory.drug and inside(m.start, m.end)
    ]
    if not mentions:  # a tattoo or permanent make-up pigment ("pigmento rojo", "tatuaje")
        mentions = [
            ProductMention(text[a:b], ProductCategory.other, a, b)
            for a, b in [_pigment([text])[:2]]
            if a >= 0 and inside(a, b)
        ]
    if not mentions:
        # a filler of unnamed material in the text's words ("preenchimento dérmico")
        mentions = [
            ProductMention(name, ProductCategory.other, a, b)
            for a, b, name in find_foreign_fillers(text)
            if inside(a, b)
        ][:1]
    if not mentions:  # a needle procedure ("Ohrakupunktur", "acupuntura": .needle_words)
        spans = [(a, b) for a, b in needle_words(text) if inside(a, b)][:1]
        mentions = [ProductMention(text[a:b], ProductCategory.other, a, b) for a, b in spans]
    if not mentions:
        return []
    first = mentions[0]
    product = ProductFacts(name=first.text, category=first.category)
    product.spans["name"] = [(first.start, first.end)]
    product.spans["category"] = [(m.start, m.end) for m in mentions if m.category is first.category]
    return [product]
