"""Body sites named in a text, normalised to a short site name."""

from __future__ import annotations

import re

SITE_WORDS: tuple[tuple[str, str], ...] = (
    ("upper arm", r"upper arms?"),
    ("forearm", r"forearms?"),
    ("nasolabial fold", r"nasolabial folds?"),
    ("tear trough", r"tear troughs?|infraorbital (?:area|region|hollows?)"),
    ("periorbital area", r"periorbital(?: area| region)?"),
    ("perioral area", r"perioral(?: area| region)?"),
    ("glabella", r"glabell(?:a|ar(?: region| area| lines)?)"),
    ("forehead", r"forehead"),
    ("temple", r"temples?|temporal (?:hollows?|region)"),
    ("cheek", r"cheeks?|malar (?:area|region)"),
    ("nose", r"nose|nasal (?:dorsum|tip)"),
    ("lip", r"lips?|vermilion"),
    ("chin", r"chin"),
    ("jawline", r"jawline|mandibular (?:border|angle)"),
    ("neck", r"neck"),
    ("scalp", r"scalp"),
    ("hand", r"hands?|dorsal hands?"),
    ("abdomen", r"abdomen|abdominal(?: wall)?"),
    ("buttock", r"buttocks?|gluteal(?: region)?"),
    ("thigh", r"thighs?"),
    ("breast", r"breasts?"),
    ("face", r"face|facial"),
    ("arm", r"(?<!upper )(?<!fore)arms?"),
    ("injection site", r"injection sites?"),
)
_COMPILED = tuple(
    (name, re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I)) for name, p in SITE_WORDS
)


def find_sites(text: str) -> list[tuple[str, int, int]]:
    """Body sites in ``text`` as (site, start, end), in text order, no overlaps."""
    found: list[tuple[str, int, int]] = []
    for name, pattern in _COMPILED:
        for match in pattern.finditer(text):
            if all(match.end() <= s or match.start() >= e for _, s, e in found):
                found.append((name, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])
