"""Keys that make product names and reaction terms comparable across sources.

``product_key``: Unicode NFKC, case-folded, strength ("500 mg", "0.1%") and
dose-form words ("tablets", "injection", "prefilled syringe") removed,
punctuation folded to single spaces. When the source gives the active
ingredient (FAERS ``prod_ai`` since 2014Q3, openFDA ``activesubstancename``)
the key is built from the ingredient, and a combination's ingredients
(FAERS/openFDA separate them with ``\\``) are sorted so that the same
combination gets one key whatever the order. The verbatim name is always kept
beside the key in ``report_products.product_verbatim``.

``product_category``: the aesthetic/dermatologic product family found in the
name or ingredient by :func:`dermavigil.terminology.products.categorize`
(Botox -> botulinum toxin, Juvederm -> HA filler...), else the source's
default (``drug`` for FAERS and openFDA).

``product_mapping``: the product catalogue's entry, regulatory class and category
for a name as reported (:func:`dermavigil.catalogue.resolve`, the name first, then
the ingredient), with the route and the regulatory classes the source can hold
deciding between look-alikes (CAERS "HYALURONIC ACID 1.65 MG" is an oral supplement,
not a filler); when the catalogue does not know the name, the category is that of
``product_category``. A source whose remit is closed (CAERS: only foods, dietary
supplements and cosmetics reach it, :data:`CLOSED_REMITS`) never files a product as a
drug, device or biologic: a name that only matches such an entry ("PURITAN'S PRIDE SOY
LECITHIN ... PHOSPHATIDYLCHOLINE ... SOFTGEL" is no mesotherapy injection, "CALCIUM
HYDROXYAPATITE" no CaHA filler, a vitamin K supplement no phytonadione injection) keeps
the source's default category unless foods and cosmetics of the catalogue share it.

``route_key``: the case model's route slug, whatever the source's wording.

``term_key``: the case-folded term with whitespace collapsed; MedDRA PTs are
upper-case in legacy AERS and CAERS and mixed-case elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dermavigil.domain.routes import parse_route
from dermavigil.domain.vocab import ProductCategory
from dermavigil.terminology.products import categorize

_FORM_WORDS_TEXT = """
    tablet tablets tab tabs caplet caplets capsule capsules cap caps softgel softgels
    injection injections injectable inj solution solutions suspension emulsion
    cream creams gel gels ointment lotion foam paste powder granules syrup elixir
    drops drop spray nasal inhaler inhalation aerosol patch patches transdermal
    film coated chewable dispersible effervescent orodispersible lozenge
    suppository suppositories implant vial vials ampoule ampoules ampule
    syringe syringes prefilled pre filled pen pens autoinjector cartridge kit
    oral topical intravenous iv subcutaneous intramuscular intradermal
    extended delayed modified prolonged sustained release er xr sr cr dr la xl
    depot usp bp liquid concentrate for
"""
FORM_WORDS = frozenset(_FORM_WORDS_TEXT.split())

_STRENGTH = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*"
    r"(?:mg|mcg|µg|μg|ug|g|gm|kg|ng|ml|l|iu|ui|units?|u|meq|mmol|mol|%|percent)"
    r"(?:\s*/\s*(?:\d+(?:[.,]\d+)?\s*)?(?:ml|l|g|kg|dose|actuation|h|hr|hour|day|m2|spray))?"
    r"(?=\W|$)"
)
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_NON_WORD = re.compile(r"[\W_]+")

DRUGS = ("drug", "biologic")
"""Regulatory classes of FAERS and openFDA drug/event products."""
FOODS = ("dietary_supplement", "cosmetic")
"""Regulatory classes of CAERS products (foods, supplements, cosmetics)."""
DEVICES = ("device",)
"""Regulatory class of MAUDE products."""
CLOSED_REMITS = (FOODS,)
"""Sources that can only hold products of their classes: FDA's CAERS takes reports on
foods, dietary supplements and cosmetics (drugs go to FAERS, devices to MAUDE), while
FAERS and MAUDE do receive look-alikes of the other classes (a filler given with a drug,
a drug named in a device report)."""


def fold_text(text: str) -> str:
    """NFKC, case-fold, punctuation and whitespace folded to single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def _one_name(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _STRENGTH.sub(" ", folded.replace("%", "% "))
    words = _NON_WORD.sub(" ", folded).split()
    kept = [w for w in words if w not in FORM_WORDS and not _NUMBER.fullmatch(w)]
    return " ".join(kept) if kept else " ".join(words)


@lru_cache(maxsize=200_000)
def product_key(name: str, ingredient: str | None = None) -> str:
    """The comparison key of a product (from its ingredient when given).

    >>> product_key("BOTOX 100 UNITS Injection")
    'botox'
    >>> product_key("Hydrocodone", "ACETAMINOPHEN\\\\HYDROCODONE BITARTRATE")
    'acetaminophen / hydrocodone bitartrate'
    """
    if ingredient and ingredient.strip():
        parts = {_one_name(p) for p in re.split(r"[\\]+", ingredient) if p.strip()}
        parts.discard("")
        if parts:
            return " / ".join(sorted(parts))
    return _one_name(name)


@lru_cache(maxsize=200_000)
def route_key(route: str | None) -> str | None:
    """The route as the case model's slug (``"intradermal"``) when the wording is
    recognised by :func:`dermavigil.domain.routes.parse_route` (E2B code, ICH term,
    VAERS abbreviation), else the folded text; None when absent."""
    if route is None or not route.strip():
        return None
    parsed = parse_route(route)
    return parsed.value if parsed is not None else fold_text(route)


def term_key(term: str) -> str:
    """The comparison key of a reaction term: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", term).casefold().split())


@lru_cache(maxsize=200_000)
def product_mapping(
    name: str,
    ingredient: str,
    default: ProductCategory,
    route: str | None = None,
    classes: tuple[str, ...] | None = None,
) -> dict[str, str | None]:
    """``category``, ``entry`` and ``regulatory_class`` of a product as reported (cached)."""
    from dermavigil.catalogue import default_catalogue

    catalogue = default_catalogue()
    closed = classes in CLOSED_REMITS
    for text in (name, ingredient):
        match = catalogue.resolve(text, route, classes=classes) if text else None
        if match is not None and closed and match.entry.regulatory_class.value not in classes:
            continue
        if match is not None:
            entry = match.entry
            category = entry.category
            if category is ProductCategory.other and default is not ProductCategory.other:
                category = default if entry.regulatory_class.value in DRUGS else category
            return {
                "category": category.value,
                "entry": entry.id,
                "regulatory_class": entry.regulatory_class.value,
            }
    allowed = _remit_categories(classes) if closed and classes else None
    for text in (name, ingredient):
        shared = catalogue.category(text, route, classes=classes) if text else None
        if shared is not None and (allowed is None or shared.value in allowed):
            return {"category": shared.value, "entry": None, "regulatory_class": None}
    category = product_category(name, ingredient, default)
    if allowed is not None and category not in allowed:
        category = default.value
    return {"category": category, "entry": None, "regulatory_class": None}


@lru_cache(maxsize=16)
def _remit_categories(classes: tuple[str, ...]) -> frozenset[str]:
    """Categories that catalogue entries of ``classes`` have (CAERS: other, exosome ...)."""
    from dermavigil.catalogue import default_catalogue

    return frozenset(
        e.category.value for e in default_catalogue() if e.regulatory_class.value in classes
    )


@lru_cache(maxsize=200_000)
def product_category(name: str, ingredient: str, default: ProductCategory) -> str:
    """The product family of a name/ingredient, else ``default`` (cached: names repeat)."""
    found = categorize(f"{name} {ingredient}".strip())
    return (default if found is ProductCategory.other else found).value
