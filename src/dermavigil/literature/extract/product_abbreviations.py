"""Product abbreviations a case report defines, and the category of a lexicon drug.

"hyaluronic acid (HA)", "autologous fat graft (AFG)", "platelet-rich fibrin (PRF)": a
product, drug or filler material named in full and then by its short form in brackets is
named by the short form everywhere after (:func:`abbreviations`), and a suspect named by the
short form is also named by the long words (:func:`abbreviated_names`).
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.terminology.drugs import find_drugs, is_vaccine
from dermavigil.terminology.materials import find_filler_materials, is_material
from dermavigil.terminology.products import ProductMention, categorize, find_products

_ABBREVIATION = re.compile(
    r"(?P<long>[A-Za-z][\w -]{2,60}?)\s*\((?P<abbr>(?=[a-z]{0,2}[A-Z])[A-Za-z][A-Za-z-]{1,7})\)"
)
"""A long name and its short form in brackets: the short form has a capital in its first
three letters ("HA", "AFG", and the lower-case prefixes of recombinant proteins, "rhGH",
"hGH", "rhEPO")."""


def drug_category(text: str, name: str, after: str = "") -> ProductCategory:
    """A lexicon drug's category: its family's, else a vaccine when its name is one or the
    text calls it so ("Shingrix vaccine", "Shingrix vaccination"), a drug unless a material."""
    category = categorize(text)
    if category is ProductCategory.other and not is_material(text):
        vaccine = is_vaccine(name) or re.match(r"[\s-]*vaccin", after, re.I)
        category = ProductCategory.vaccine if vaccine else ProductCategory.drug
    return category


def _defined(sentences: list[Sentence]) -> list[tuple[str, ProductMention]]:
    """(abbreviation, the product mention it stands for) of every definition in the text."""
    found = []
    for sentence in sentences:
        for match in _ABBREVIATION.finditer(sentence.text):
            long = match.group("long")
            mentions = (
                find_products(long)
                or [
                    ProductMention(
                        d.text, drug_category(d.text, d.name, long[d.end :]), d.start, d.end
                    )
                    for d in find_drugs(long)
                ]
                or [
                    ProductMention(name, ProductCategory.other, a, b)
                    for a, b, name in find_filler_materials(long)
                ]
            )
            if mentions and mentions[-1].end >= len(long) - 1:
                found.append((match.group("abbr"), mentions[-1]))
    return found


def abbreviations(sentences: list[Sentence]) -> dict[str, ProductCategory]:
    """Abbreviations the text defines for a product ("hyaluronic acid (HA)", "PRF"), a drug
    or a filler material ("autologous fat graft (AFG)", "facial thread-lifting (FTL)")."""
    found: dict[str, ProductCategory] = {}
    for short, mention in _defined(sentences):
        found.setdefault(short, mention.category)
    return found


def abbreviated_names(sentences: list[Sentence]) -> dict[str, str]:
    """The name each product abbreviation stands for, lower case ("afg": "autologous fat
    graft"): a suspect named by its abbreviation is also named by these words (a treatment
    finder must not take "grafting" of "autologous fat grafting")."""
    found: dict[str, str] = {}
    for short, mention in _defined(sentences):
        found.setdefault(short.lower(), mention.text.lower())
    return found


def abbreviated_mentions(
    sentence: Sentence, known: list[ProductMention], abbr: dict[str, ProductCategory]
) -> list[ProductMention]:
    """The defined abbreviations ``abbr`` a sentence names, outside the ``known`` mentions."""
    out = []
    for short, category in abbr.items():
        for match in re.finditer(rf"(?<![\w(-]){re.escape(short)}(?![\w)-])", sentence.text):
            if not any(match.start() < m.end and m.start < match.end() for m in known):
                out.append(ProductMention(short, category, match.start(), match.end()))
    return out
