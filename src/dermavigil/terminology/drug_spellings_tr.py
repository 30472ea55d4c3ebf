"""Drug names as Turkish writes them, to the English lexicon name.

Turkish spells the international nonproprietary names by its own orthography: "x" as
"ks", "c" as "s" before e, i, y and as "k" elsewhere, "ph" as "f", "th" as "t", "y" as
"i", an "s" between vowels as "z", no final "-e", no double letters, "y" between i and a
vowel ("deksametazon", "penisilin", "seftriakson", "enoksaparin", "amoksisilin",
"hiyalüronidaz"). :func:`turkish_drug` compares the Turkish skeleton of a word with that of
each lexicon name (the same rules applied to both: :func:`skeleton`); a word with a case
or possessive suffix ("diklofenaka", "penisiline") is tried without it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dermavigil.terminology.drugs import drug_names
from dermavigil.terminology.translation_match import turkish_stem

MIN_LETTERS = 6


def skeleton(word: str) -> str:
    """A drug name's Turkish spelling skeleton (letters folded, the rules above)."""
    w = unicodedata.normalize("NFKD", word.lower().replace("\u0131", "i"))
    w = "".join(c for c in w if not unicodedata.combining(c))
    w = w.replace("ph", "f").replace("th", "t").replace("ch", "k").replace("x", "ks")
    w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k").replace("qu", "kv")
    w = re.sub(r"iy(?=[aeiou])", "i", w).replace("y", "i").replace("z", "s").replace("w", "v")
    return re.sub(r"[aeo]$", "", re.sub(r"(.)\1", r"\1", w))


@lru_cache(maxsize=1)
def _skeletons() -> dict[str, str]:
    """Skeleton -> single-word lexicon drug name (six letters or more)."""
    out: dict[str, str] = {}
    for name in sorted(drug_names()):
        if len(name) >= MIN_LETTERS and name.isalpha():
            out.setdefault(skeleton(name), name)
    return out


@lru_cache(maxsize=4096)
def turkish_drug(word: str) -> str | None:
    """The English lexicon name a Turkish spelling stands for ("deksametazon" ->
    "dexamethasone", "penisiline" -> "penicillin"), else None."""
    if len(word) < MIN_LETTERS:
        return None
    table = _skeletons()
    found = table.get(skeleton(word))
    if found is None:
        stem = turkish_stem(word)
        found = table.get(skeleton(stem)) if len(stem) >= MIN_LETTERS else None
    return found
