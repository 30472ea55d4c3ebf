"""What stands right after a route word in a sentence: a product's name, a drug's, a suspect's.

A route adjective right before a drug or product name states how that product was given
("reaction to intramuscular vitamin K1", "subcutaneous pegylated interferon"), with no
administration word needed (:mod:`.routes`, docs/annotation.md ``route``).
"""

from __future__ import annotations

import re


def names_product(text: str, end: int) -> bool:
    """A route word right before a drug or product name ("reaction to intramuscular vitamin
    K1", "after intralesional triamcinolone"): the adjective states how the product was
    given, with no administration word needed."""
    from dermavigil.terminology.drugs import find_drugs
    from dermavigil.terminology.products import find_products

    after = text[end : end + 60]
    gap = len(after) - len(after.lstrip())
    if gap != 1:
        return False
    form = _FORM_WORD.match(after)
    at = {1, form.end()} if form else {1}
    return any(m.start in at for m in [*find_drugs(after), *find_products(after)])


_FORM_WORD = re.compile(
    r" (?:pegylated|liposomal|depot|long-acting|extended-release|sustained-release"
    r"|recombinant|conjugated) ",
    re.I,
)
"""A word of the form between a route word and the drug ("subcutaneous pegylated
interferon")."""


def drug_next(text: str, end: int) -> bool:
    """A lexicon drug's name right after the route word ("intravenous cefazolin")."""
    from dermavigil.terminology.drugs import find_drugs

    after = text[end : end + 60]
    return any(m.start == 1 for m in find_drugs(after)) and after[:1] == " "


def suspect_next(text: str, end: int, suspects: frozenset[str]) -> bool:
    """One of the suspects' names (lower case) right after the route word."""
    following = text[end : end + 60].lower().lstrip()
    return any(name and following.startswith(name) for name in suspects)


_NEAR = 60
"""How far (characters) a suspect's name may stand from a route word that states its route
("20 mg of X by subcutaneous injection", "X given as an intramuscular injection")."""
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|whereas|while|although|instead)\b", re.I)


def suspect_near(text: str, start: int, end: int, suspects: frozenset[str]) -> bool:
    """One of the suspects' names (lower case) within :data:`_NEAR` characters of the route
    word at ``start``-``end``, in one clause: the route is told of the suspect itself, not of
    another treatment the sentence names farther off ("we report X in a woman whose poor veins
    after years of hospital care rule out the intravenous infusions she had before")."""
    lower = text.lower()
    for name in suspects:
        if not name:
            continue
        for found in re.finditer(rf"\b{re.escape(name)}\b", lower):
            if found.end() <= start:
                between = text[found.end() : start]
            elif found.start() >= end:
                between = text[end : found.start()]
            else:
                continue
            if len(between) <= _NEAR and not _CLAUSE_BREAK.search(between):
                return True
    return False
