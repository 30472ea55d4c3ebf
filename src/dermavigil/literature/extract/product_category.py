"""A suspect's category revised from what the text says beyond its name.

A product named only by a descriptive phrase (category ``other``) is a medicine when it went
into a muscle or a vein or its name holds a lexicon drug (:func:`medicine_by_route`), and
takes the family the text names as what the reaction was to, or the one filler family the
abstract names elsewhere (:func:`material_from_text`; docs/annotation.md, ``products``).
"""

from __future__ import annotations

import re

from dermavigil.domain.routes import INJECTION_ROUTES, Route
from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract.products import FILLER_WORDS, ProductFacts
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.terminology.devices import is_device
from dermavigil.terminology.materials import is_filler_material, is_material
from dermavigil.terminology.products import find_products

_USUALLY = re.compile(
    r"\b(?:most (?:common(?:ly)?|frequent(?:ly)?|popular)|commonly|usually|typically|often"
    r"|generally|frequently)\b",
    re.I,
)
"""A statement of what is usual ("the most common filler product used is hyaluronic acid")
says what fillers usually are, not what this patient's filler was."""


_NOT_MEDICINE = re.compile(
    r"\b(?:fillers?|fat|silicone|paraffin|oils?|collagen|materials?|substances?|serums?|creams?"
    r"|cosmetics?|boosters?|gels?|implants?|threads?|peptides?)\b",
    re.I,
)


def medicine_by_route(product: ProductFacts, route: Route | None) -> None:
    """A product the text names only by an unknown name (category ``other``) that was
    injected into a muscle or a vein, or whose descriptive name holds a drug's name from the
    drug lexicon ("phenylbutazone-containing antirheumatics"), is a medicine (``drug``):
    cosmetics and fillers are placed in the skin, and materials (oils, silicone) and devices
    ("insulin pump": :func:`dermavigil.terminology.devices.is_device`) keep ``other``."""
    from dermavigil.terminology.drugs import drug_names

    if (
        product.category is ProductCategory.other
        and not _NOT_MEDICINE.search(product.name)
        and not is_material(product.name)
        and not is_filler_material(product.name)
        and not is_device(product.name)
        and (
            route in {Route.intramuscular, Route.intravenous}
            or any(w in drug_names() for w in re.findall(r"[a-z]{5,}", product.name.lower()))
        )
    ):
        product.category = ProductCategory.drug


def category_by_route(product: ProductFacts, route: Route | None) -> None:
    """A suspect whose name the catalogue gives to several products, told with the route it
    was given by, is the product made for that route (:func:`dermavigil.catalogue.resolve`
    decided by the route): hyaluronic acid injected into a knee is the intra-articular
    viscosupplement (category ``other``, FDA product code MOZ), not the dermal filler
    (docs/annotation.md, the z0xx decisions: intra-articular hyaluronate is ``other``)."""
    from dermavigil.catalogue import resolve

    if route not in INJECTION_ROUTES or product.category is ProductCategory.other:
        return  # a route word of another product ("oral"); a cosmetic or material keeps other
    match = resolve(product.name, route)
    if match is not None and match.decided_by == "route" and route in match.entry.routes:
        product.category = match.entry.category


_REACTION_TO = re.compile(
    r"\b(?:reactions?|granulomas?|hypersensitivity|allergy|allergic reactions?|complications?"
    r"|response)\s+(?:to|against|caused by|induced by|secondary to)\s+(?:the\s+)?(?:injected\s+)?$",
    re.I,
)


_BARE_FILLER = re.compile(rf"(?:(?:{FILLER_WORDS})\s+)*fillers?", re.I)
_FILLERS = frozenset(
    {ProductCategory.ha_filler, ProductCategory.plla, ProductCategory.caha, ProductCategory.pmma}
)
_INDEX_TERMS = re.compile(r"\W*(?:key\s?words?|mesh(?: terms)?|index terms|subjects?)\b", re.I)
"""A line of index terms ("Keywords: Dermal filler; ...; Hyaluronic acid"): what the article is
filed under, not what this patient's filler was."""


def material_from_text(products: list[ProductFacts], sentences: list[Sentence]) -> None:
    """A product the case names only by a descriptive phrase (category ``other``) takes the
    family the text gives it elsewhere: the family named as what the reaction was to
    ("dermal cosmetic material", then "foreign body granuloma to hyaluronic acid"); a
    filler of unnamed material in the case takes the one filler family the abstract names
    elsewhere (its title or background; not its index terms, "Keywords: ...; Hyaluronic
    acid"), else it stays an unnamed filler (docs/annotation.md: a "dermal filler" of an
    unnamed type is ``other``, also when hyaluronidase was given: r205, r744)."""
    if len(products) != 1 or products[0].category is not ProductCategory.other:
        return
    product = products[0]
    for sentence in sentences:
        for mention in find_products(sentence.text):
            if _REACTION_TO.search(sentence.text[: mention.start]):
                product.name, product.category = mention.text, mention.category
                span = (sentence.start + mention.start, sentence.start + mention.end)
                product.spans["name"] = [span]
                product.spans["category"] = [*product.spans.get("category", []), span]
                return
    if not _BARE_FILLER.fullmatch(product.name):
        return
    named = [
        (sentence, m)
        for sentence in sentences
        for m in find_products(sentence.text)
        if m.category in _FILLERS
        and not _USUALLY.search(sentence.text)
        and not _INDEX_TERMS.match(sentence.text)
    ]
    if len({m.category for _, m in named}) == 1:
        sentence, mention = named[0]
        product.category = mention.category
        span = (sentence.start + mention.start, sentence.start + mention.end)
        product.spans["category"] = [*product.spans.get("category", []), span]
