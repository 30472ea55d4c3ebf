"""Findings named by one compound word no vocabulary holds ("lipohypertrophy", "papulonodules").

Clinical English forms many finding names as neoclassical compounds: a combining form ending
in the linking vowel "o" ("lipo-", "papulo-", "mono-", "myo-") joined to a word that names a
finding on its own ("hypertrophy", "nodules", "paresis", "fibrosis"). Such a compound is
endocentric: its right-hand element is its head and says what kind of thing the whole is
(the Righthand Head Rule: Williams E 1981, "On the notions 'lexically related' and 'head of
a word'", Linguistic Inquiry 12:245-274; the neoclassical compounds of medical terms: McCray
AT, Browne AC, Moore DL 1988, "The semantic structure of neo-classical compounds", Proc
SCAMC:165-168). A word whose last element is the head noun of phenotype or disease names
(:func:`~dermavigil.terminology.finding_heads.name_heads`, or one with the suffix of a
finding's abstract noun, :func:`~dermavigil.terminology.finding_heads.finding_heads`), after
a combining form of at least :data:`MIN_FORM` letters ending in "o", is a finding's name:
a mention of its own, kept with its verbatim. A word the coder codes is the index's to find.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dermavigil.terminology.coder import code_phrase
from dermavigil.terminology.finding_heads import finding_heads, name_heads
from dermavigil.terminology.normalize import normalize

Span = tuple[int, int]

MIN_FORM = 3
"""Letters of the combining form at least, its linking "o" included ("myo-")."""
MIN_HEAD = 6
"""Letters of the head element at least: a short word ends too many others by chance."""
_WORD = re.compile(r"(?<![\w-])[A-Za-z]{9,}(?![\w-])")


def compound_findings(text: str) -> list[Span]:
    """The spans of the words of ``text`` that are compounds of a combining form and a
    finding's head noun (module docstring)."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text) if _compound(m.group(0).lower())]


@lru_cache(maxsize=8192)
def _compound(word: str) -> bool:
    key = normalize(word)
    for cut in range(MIN_FORM, len(key) - MIN_HEAD + 1):
        head = key[cut:]
        if key[cut - 1] == "o" and (head in name_heads() or head in finding_heads()):
            return not code_phrase(word)
    return False
