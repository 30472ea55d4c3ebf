"""Body sites named in a text, normalised to a short site name.

The vocabulary is the shipped data file ``terminology/data/body_sites.tsv``:
one site name a line with the regional terms of Terminologia Anatomica (TA2,
FIPAT 2019, English equivalents) it stands for and the wordings that name it
("deltoid" and "triceps" name the upper arm, "malar" and "zygomatic" the
cheek, "labial mucosa" the lip, "gluteal" the buttock). Sites are listed most
specific first; where two wordings overlap the earlier site wins ("crow's
feet" is the periorbital area, not a foot).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


def _load() -> tuple[tuple[str, str], ...]:
    text = (
        resources.files("dermavigil.terminology")
        .joinpath("data/body_sites.tsv")
        .read_text(encoding="utf-8")
    )
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _source, pattern = line.split("\t")
            rows.append((name, pattern))
    return tuple(rows)


SITE_WORDS: tuple[tuple[str, str], ...] = _load()
"""(site name, wordings as a regular expression), most specific first."""
SITE_NAMES: frozenset[str] = frozenset(name for name, _ in SITE_WORDS)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I)) for name, p in SITE_WORDS)


def find_sites(text: str) -> list[tuple[str, int, int]]:
    """Body sites in ``text`` as (site, start, end), in text order, no overlaps."""
    found: list[tuple[str, int, int]] = []
    for name, pattern in _compiled():
        for match in pattern.finditer(text):
            if all(match.end() <= s or match.start() >= e for _, s, e in found):
                found.append((name, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


_TREATMENT_INJECTION = re.compile(
    r"^\W*(?:[\w-]+\W+){0,2}?(?:(?:cortico)?steroids?|triamcinolone|dexamethasone"
    r"|(?:methyl)?prednisolone|betamethasone|hyaluronidase|antibiotics?|penicillin|ceftriaxone"
    r"|analgesics?|local ana?esthetics?)\s+(?:injections?|shots?)\b",
    re.I,
)


def treatment_site(text: str, end: int) -> bool:
    """The site word ending at ``end`` places an injection of a treatment ("a gluteal
    intramuscular steroid injection provided relief"), not the suspect product."""
    return bool(_TREATMENT_INJECTION.search(text[end : end + 80]))
