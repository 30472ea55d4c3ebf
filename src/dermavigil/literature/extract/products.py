"""The products of a case report: name, category, formulation, indication, sites.

The suspect mentions (:mod:`.product_mentions`) are grouped into one product
per category, in order of first mention; its name is a brand name when one
is given (a capitalised mention that is not the first word of its
sentence), else the longest mention. A product named only by a descriptive
phrase takes category ``other`` unless the text later names what the
reaction was to, or it went into a muscle or a vein (a medicine).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import Formulation, ProductCategory
from dermavigil.literature.extract.needle_words import needle_words
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.product_mentions import (
    Mentions,
    generic_mentions,
    suspect_mentions,
)
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites, treatment_site
from dermavigil.literature.extract.tattoo import pigment_name, tattoo_words
from dermavigil.literature.extract.treatment_names import TREATMENT
from dermavigil.terminology.materials import (
    find_foreign_fillers,
    is_filler_material,
    is_material,
)
from dermavigil.terminology.products import ProductMention, find_products

Span = tuple[int, int]

_FORMULATIONS: tuple[tuple[Formulation, str], ...] = (
    (Formulation.lyophilized_powder, r"lyophili[sz]ed|freeze-dried"),
    (Formulation.powder, r"powder"),
    (Formulation.suspension, r"suspension"),
    (Formulation.emulsion, r"emulsion"),
    (Formulation.gel, r"gel"),
    (Formulation.cream, r"cream"),
    (Formulation.serum, r"serum"),
    (Formulation.solution, r"solution"),
)
_INDICATION = re.compile(
    r"\b(?:to treat|to improve|to correct|to reduce|for (?:the )?(?:treatment|correction|"
    r"improvement|management) of)\s+(?P<ind>[a-z][a-z -]{2,60}?)(?=[.,;]|\s+(?:and|with|in|at|on"
    r"|using|by)\b|$)|\bfor\s+(?P<ind2>(?:facial |skin |lip |cheek |chin )?(?:rejuvenation|"
    r"augmentation|volumi[sz]ation|contouring|hair loss|alopecia|melasma|acne scars|wrinkles"
    r"|glabellar lines|submental fat))\b",
    re.I,
)
_INJECTIONS = re.compile(r"\b(multiple|several|repeated|single|a single)\s+injections?\b", re.I)
_SESSIONS = re.compile(rf"\b(?P<n>{NUMBER_WORDS})\s+(?:treatment\s+)?sessions?\b", re.I)


@dataclass
class ProductFacts:
    """One product as the text gives it, with evidence spans per field."""

    name: str
    category: ProductCategory
    formulation: Formulation | None = None
    indication: str | None = None
    body_sites: list[str] = field(default_factory=list)
    injections: str | None = None
    sessions: int | None = None
    spans: dict[str, list[Span]] = field(default_factory=dict)


def _brand(sentence: Sentence, mention: ProductMention) -> bool:
    return (
        mention.text[:1].isupper() and mention.start > sentence.start and not mention.text.isupper()
    )


def _describe(product: ProductFacts, sentences: list[Sentence], rechallenge: set[int]) -> None:
    for sentence in sentences:
        for formulation, pattern in _FORMULATIONS:
            match = re.search(rf"\b(?:{pattern})\b", sentence.text, re.I)
            if match and product.formulation is None:
                product.formulation = formulation
                product.spans["formulation"] = [
                    (sentence.start + match.start(), sentence.start + match.end())
                ]
        if sentence.index in rechallenge:
            continue
        found = _INDICATION.search(sentence.text)
        if found and product.indication is None:
            group = "ind" if found.group("ind") else "ind2"
            product.indication = found.group(group).strip()
            product.spans["indication"] = [
                (sentence.start + found.start(group), sentence.start + found.end(group))
            ]
        for site, start, end in find_sites(sentence.text):
            if treatment_site(sentence.text, end, start, product.name):
                continue
            if site not in product.body_sites and site != "injection site":
                product.body_sites.append(site)
                product.spans.setdefault("body_sites", []).append(
                    (sentence.start + start, sentence.start + end)
                )
        injections = _INJECTIONS.search(sentence.text)
        if injections and product.injections is None:
            product.injections = injections.group(1).lower().removeprefix("a ")
            product.spans["injections"] = [
                (sentence.start + injections.start(), sentence.start + injections.end())
            ]
        sessions = _SESSIONS.search(sentence.text)
        value = number_value(sessions.group("n")) if sessions else None
        if sessions and value and product.sessions is None:
            product.sessions = int(value)
            product.spans["sessions"] = [
                (sentence.start + sessions.start(), sentence.start + sessions.end())
            ]


def find_product_facts(
    patient: list[Sentence],
    rechallenge: set[int],
    fallback: bool = False,
    abbr: dict[str, ProductCategory] | None = None,
    treating: set[ProductCategory] | None = None,
) -> list[ProductFacts]:
    """One :class:`ProductFacts` per product category named in patient sentences.

    ``rechallenge`` holds the indexes of rechallenge sentences, whose sites
    belong to the rechallenge rather than to the first administration.
    ``fallback``: the sentences are not the case's (background, objective):
    a usual treatment drug named there is never taken as the product.
    """
    grouped: dict[ProductCategory, Mentions] = {}
    mentions, lexical, treating = suspect_mentions(patient, abbr, treating)
    if fallback:
        mentions = [(s, m) for s, m in mentions if not TREATMENT.fullmatch(m.text)]
    generic = [(s, m) for s, m in generic_mentions(patient) if m.category not in treating]
    chosen = (
        mentions or generic or ([] if fallback else lexical) or _unnamed_fillers(patient, fallback)
    )
    # a name the text calls a vaccine once ("Shingrix vaccine") names a vaccine everywhere
    vaccines = {m.text.lower() for _, m in chosen if m.category is ProductCategory.vaccine}
    for sentence, mention in chosen:
        if mention.category is ProductCategory.drug and mention.text.lower() in vaccines:
            mention = ProductMention(
                mention.text, ProductCategory.vaccine, mention.start, mention.end
            )
        grouped.setdefault(mention.category, []).append((sentence, mention))
    products = []
    for category, mentions in grouped.items():
        brands = [m for s, m in mentions if _brand(s, m)]
        named = brands[0] if brands else max((m for _, m in mentions), key=lambda m: len(m.text))
        product = ProductFacts(name=named.text, category=category)
        product.spans["name"] = [(named.start, named.end)]
        product.spans["category"] = [(m.start, m.end) for _, m in mentions]
        used = [
            s
            for s in patient
            if any(s is t for t, _ in mentions)
            or re.search(r"\binject\w*|administ\w*", s.text, re.I)
        ]
        _describe(product, used, rechallenge)
        products.append(product)
    return _vaccine_after_filler(products)


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
    substance")."""
    told = [s for s in ([title] if title else []) + patient if tattoo_words(s.text)]
    start, end, i = _pigment([s.text for s in told])
    if i < 0:
        return products
    in_title = title is not None and told[0] is title
    if products and not (
        in_title and not any(p.name.lower() in title.text.lower() for p in products)
    ):
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
    _describe(product, [s for s in told if s is not title], rechallenge)
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


_USUALLY = re.compile(
    r"\b(?:most (?:common(?:ly)?|frequent(?:ly)?|popular)|commonly|usually|typically|often"
    r"|generally|frequently)\b",
    re.I,
)
"""A statement of what is usual ("the most common filler product used is hyaluronic acid")
says what fillers usually are, not what this patient's filler was."""
_FILLER_WORDS = (
    r"dermal|facial|lip|cosmetic|soft[- ]tissue|injectable|tear trough|permanent|semi-?permanent"
    r"|non-?(?:resorbable|absorbable|degradable)|unknown|unidentified"
)
"""Words that name a filler by its use or its persistence, not its material."""
_NAMED_FILLER = re.compile(rf"\b(?:{_FILLER_WORDS})\s+(?:fillers?|filling)\b", re.I)


def _unnamed_fillers(sentences: list[Sentence], fallback: bool) -> Mentions:
    """When the text names no product at all, a filler it names only by its use ("abscess
    formation as a complication of injectable fillers", "a dermal filler", "a facial
    filling"): category ``other``, the annotation's category of unnamed filler material
    (docs/annotation.md)."""
    if not fallback:
        return []
    for sentence in sentences:
        match = _NAMED_FILLER.search(sentence.text)
        if match:
            start, end = sentence.start + match.start(), sentence.start + match.end()
            return [(sentence, ProductMention(match.group(0), ProductCategory.other, start, end))]
    return []


_NOT_AESTHETIC = frozenset(
    {
        ProductCategory.vaccine,
        ProductCategory.drug,
        ProductCategory.other,
        ProductCategory.allergen_immunotherapy,
    }
)


def _vaccine_after_filler(products: list[ProductFacts]) -> list[ProductFacts]:
    """A vaccine that triggered a reaction to an earlier aesthetic product (a filler) is a
    co-suspect named after that product (docs/annotation.md), whichever the text names first."""
    if not any(p.category is ProductCategory.vaccine for p in products) or all(
        p.category in _NOT_AESTHETIC for p in products
    ):
        return products
    vaccines = [p for p in products if p.category is ProductCategory.vaccine]
    return [p for p in products if p.category is not ProductCategory.vaccine] + vaccines


_NOT_MEDICINE = re.compile(
    r"\b(?:fillers?|fat|silicone|paraffin|oils?|collagen|materials?|substances?|serums?|creams?"
    r"|cosmetics?|boosters?|gels?|implants?|threads?|peptides?)\b",
    re.I,
)


def medicine_by_route(product: ProductFacts, route: Route | None) -> None:
    """A product the text names only by an unknown name (category ``other``) that was
    injected into a muscle or a vein, or whose descriptive name holds a drug's name from the
    drug lexicon ("phenylbutazone-containing antirheumatics"), is a medicine (``drug``):
    cosmetics and fillers are placed in the skin, and materials (oils, silicone) keep
    ``other``."""
    from dermavigil.terminology.drugs import drug_names

    if (
        product.category is ProductCategory.other
        and not _NOT_MEDICINE.search(product.name)
        and not is_material(product.name)
        and not is_filler_material(product.name)
        and (
            route in {Route.intramuscular, Route.intravenous}
            or any(w in drug_names() for w in re.findall(r"[a-z]{5,}", product.name.lower()))
        )
    ):
        product.category = ProductCategory.drug


_REACTION_TO = re.compile(
    r"\b(?:reactions?|granulomas?|hypersensitivity|allergy|allergic reactions?|complications?"
    r"|response)\s+(?:to|against|caused by|induced by|secondary to)\s+(?:the\s+)?(?:injected\s+)?$",
    re.I,
)


_BARE_FILLER = re.compile(rf"(?:(?:{_FILLER_WORDS})\s+)*fillers?", re.I)
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
