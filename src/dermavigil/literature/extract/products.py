"""The products of a case report: name, category, formulation, indication, sites.

The suspect mentions (:mod:`.product_mentions`) are grouped into one product
per category, in order of first mention; its name is a brand name when one
is given (a capitalised mention that is not the first word of its
sentence), else the longest mention. A product named only by a descriptive
phrase takes category ``other``; :mod:`.product_category` revises it from what
the text says elsewhere, :mod:`.exposure_products` puts a procedure or deposit of
the patient (a tattoo) first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.vocab import Formulation, ProductCategory
from dermavigil.literature.extract.class_exposure import exposed_class
from dermavigil.literature.extract.generic_products import Mentions, generic_mentions
from dermavigil.literature.extract.indication_products import given_before_reaction
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.product_mentions import suspect_mentions
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites, treatment_site
from dermavigil.literature.extract.treatment_names import TREATMENT
from dermavigil.terminology.products import ProductMention

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
    usual_treatment: bool = False
    """Named only as a usual treatment of complications, taken because the case sentences
    name no other product (:func:`find_product_facts`): a product the case names otherwise (a
    tattoo, :func:`.exposure_products.tattoo_first`) is the suspect instead."""


def _brand(sentence: Sentence, mention: ProductMention) -> bool:
    return (
        mention.text[:1].isupper() and mention.start > sentence.start and not mention.text.isupper()
    )


def describe(product: ProductFacts, sentences: list[Sentence], rechallenge: set[int]) -> None:
    """Fill ``product``'s formulation, indication, body sites, injections and sessions from
    ``sentences`` (the first each names), with their evidence spans; a rechallenge sentence
    (index in ``rechallenge``) gives a formulation only."""
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
    reaction_at: int | None = None,
) -> list[ProductFacts]:
    """One :class:`ProductFacts` per product category named in patient sentences.

    ``rechallenge`` holds the indexes of rechallenge sentences, whose sites
    belong to the rechallenge rather than to the first administration.
    ``fallback``: the sentences are not the case's (background, objective):
    a usual treatment drug named there is never taken as the product. ``reaction_at``: where
    the case first tells a reaction; a product the patient was treated with before it is the
    suspect when no other is named (:func:`.indication_products.given_before_reaction`).
    """
    grouped: dict[ProductCategory, Mentions] = {}
    mentions, lexical, treating = suspect_mentions(patient, abbr, treating)
    if fallback:  # a usual treatment, unless a class named as the exposure ("X-induced")
        mentions = [
            (s, m)
            for s, m in mentions
            if not TREATMENT.fullmatch(m.text) or exposed_class(s.text, m.start - s.start)
        ]
    generic = [(s, m) for s, m in generic_mentions(patient) if m.category not in treating]
    before = [] if fallback else given_before_reaction(patient, reaction_at)
    chosen = (
        mentions
        or generic
        or before
        or ([] if fallback else lexical)
        or _unnamed_fillers(patient, fallback)
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
        product.usual_treatment = chosen is lexical
        product.spans["name"] = [(named.start, named.end)]
        product.spans["category"] = [(m.start, m.end) for _, m in mentions]
        used = [
            s
            for s in patient
            if any(s is t for t, _ in mentions)
            or re.search(r"\binject\w*|administ\w*", s.text, re.I)
        ]
        describe(product, used, rechallenge)
        products.append(product)
    return _vaccine_after_filler(products)


FILLER_WORDS = (
    r"dermal|facial|lip|cosmetic|soft[- ]tissue|injectable|tear trough|permanent|semi-?permanent"
    r"|non-?(?:resorbable|absorbable|degradable)|unknown|unidentified"
)
"""Words that name a filler by its use or its persistence, not its material."""
_NAMED_FILLER = re.compile(rf"\b(?:{FILLER_WORDS})\s+(?:fillers?|filling)\b", re.I)


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
