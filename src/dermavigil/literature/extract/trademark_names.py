"""Proprietary names a text marks as such: a name followed by a trademark sign.

A case report often names the product by its brand, and brands are the names a lexicon
lacks first (a brand sold in one country, a new one). Authors and journals mark a
proprietary name with the registered-trademark or trademark sign (``®``, ``™``, written
``(R)`` or ``(TM)`` where the text is plain ASCII), as medical journal styles ask of a
brand name given beside the generic one; the sign itself says the word before it is a
product name, whatever the product. The name is a
suspect when the sentence gives it as the exposure (:func:`.suspect_roles.given_as_exposure`,
:func:`.suspect_roles.tied_as_cause`). Its category comes from what the text says around it:
the generic name it stands in parentheses after ("3-sn-phosphatidylcholine (Brand®)"), or
the product family or vaccine word that follows it ("Brand® vaccine"); a brand of a
filler, thread or implant of unnamed material is ``other`` (docs/annotation.md), any other a
``drug``.
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract.suspect_roles import given_as_exposure, tied_as_cause
from dermavigil.terminology.drugs import find_drugs, is_vaccine
from dermavigil.terminology.products import ProductMention, categorize

_MARKED = re.compile(
    r"(?P<name>(?:[A-Z][\w-]*[A-Za-z]\s)?[A-Za-z][\w-]*[A-Za-z])"
    r"(?:\s?[\u00ae\u2122]|\s?\([\u00ae\u2122]\)|\((?:R|TM)\))",
)
"""A name of one or two words, the second (or only) one followed by the sign."""
_GENERIC_BEFORE = re.compile(r"(?P<generic>(?:[\w-]+\s+){0,3}[\w-]+)\s*\(\s*$")
"""The generic name right before the parenthesis a brand stands in."""
_DEVICE_LIKE = re.compile(r"^\W{0,3}(?:[\w-]+\s+){0,2}?(?:fillers?|threads?|implants?)\b", re.I)


def _category(text: str, start: int, end: int, name: str) -> ProductCategory:
    """The brand's category from its context (module docstring)."""
    if is_vaccine(name):
        return ProductCategory.vaccine
    generic = _GENERIC_BEFORE.search(text[:start])
    if generic:  # as written, else in lower case ("Injection of Phosphatidylcholine (")
        words = generic.group("generic")
        category = categorize(words)
        category = categorize(words.lower()) if category is ProductCategory.other else category
        if category is not ProductCategory.other:
            return category
    following = " ".join(text[end:].split()[:3])
    category = categorize(f"{name} {following}")
    if category is not ProductCategory.other:
        return category
    return ProductCategory.other if _DEVICE_LIKE.match(text[end:]) else ProductCategory.drug


def trademark_mentions(text: str, known: list[ProductMention]) -> list[ProductMention]:
    """The names ``text`` (one sentence) marks with a trademark sign and gives as the
    exposure, other than the ``known`` mentions and the lexicon drugs (found already), with
    their category (module docstring); offsets within ``text``."""
    out = []
    taken = [*known, *find_drugs(text)]
    for match in _MARKED.finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        words = name.split()
        if len(words) == 2 and (start == 0 or not words[1][:1].isupper()):
            start += len(words[0]) + 1  # a sentence's first word is no part of the name
            name = words[1]
        if any(start < m.end and m.start < end for m in taken):
            continue
        before, after = text[:start], text[match.end() :]
        if not (given_as_exposure(before, after) or tied_as_cause(before, after)):
            continue
        category = _category(text, start, end, name)
        out.append(ProductMention(name, category, start, end))
    return out
