"""German nouns of a case report read by their inflection and by the last element of a compound.

German writes a noun with its plural ending ("Nekrosen", "Schwellungen") and joins nouns into
one word whose last element is the head ("Spritzenhämatom", an injection haematoma;
"Hautnekrosen", skin necroses; "Gesichtsischämie", facial ischaemia): the HPO's German labels,
the words of :data:`.foreign_words.REACTIONS` and the glossary of
:mod:`dermavigil.terminology.translation_gloss` hold the singular simple noun. A word none of
them reads whole is read, in order, as:

- its singular: the plural suffixes -en, -n and -e cut (German forms its plurals with -e,
  -er, -n, -en or -s: Duden, *Die Grammatik*, the plural of nouns), four letters left at
  least;
- its Greek and Latin spelling: "ä" and "ö" written "e" (the German spelling of the Greek
  and Latin diphthongs *ae* and *oe*, which English writes "e": "Hämatom" / "hematoma",
  "Ischämie" / "ischemia", "Ödem" / "edema"), for the cognate skeletons of the glossary;
- the last element of a compound: the longest ending of four letters or more that one of
  the above reads, after a first element of four letters or more (a German noun, not a
  Greek or Latin prefix); compound splitting by known parts, the longest head first (Koehn P
  and Knight K 2003, "Empirical methods for compound splitting", EACL, 187-193). A German
  determinative compound names a kind of its last element (Duden, *Die Grammatik*, word
  formation): a "Spritzenabszess" is an abscess.

Each word read is a mention of the English name it is read as, the whole word its evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dermavigil.literature.extract.ascii_folding import ascii_fold
from dermavigil.literature.extract.foreign_words import REACTIONS
from dermavigil.terminology.coder import default_coder
from dermavigil.terminology.translation_gloss import english_word
from dermavigil.terminology.translations import fold, translated_keys

_NOUN = re.compile(r"[^\W\d_]{4,}")
_PLURALS = ("en", "n", "e")
MIN_SINGULAR = 4
MIN_HEAD = 4
MIN_FIRST = 4
_VOWELS = frozenset("aeiouäöü")
_LINKS = frozenset("sn")
"""The last letters of the linking elements -s-, -es-, -n-, -en- (Fugenelemente, Duden, *Die
Grammatik*, word formation): a head that begins with a vowel follows one ("Gesichts|
ischämie", "Lungen|ödem"); after any other consonant the cut falls inside a word ("Komb|
ination", a Greek prefix "Lip|atrophie")."""


def _singulars(word: str) -> list[str]:
    """``word`` (lower case) and its forms with a plural suffix cut."""
    out = [word]
    for end in _PLURALS:
        if word.endswith(end) and len(word) - len(end) >= MIN_SINGULAR:
            out.append(word[: -len(end)])
    return out


def _read(form: str) -> str | None:
    """The English name of a simple noun's form: a word of :data:`.foreign_words.REACTIONS`,
    a German HPO label, or the glossary's English word (its Greek or Latin spelling too)."""
    plain = ascii_fold(form)
    for pattern, english in REACTIONS:
        if pattern.fullmatch(plain):
            return english
    term = translated_keys("de").get(fold(form, "de"))
    if term is not None:
        return default_coder().tables.names.get(term) or None
    found = english_word(form, "de")
    classical = form.replace("ä", "e").replace("ö", "e")
    if found is None and classical != form:
        found = english_word(classical, "de")
    return found


@lru_cache(maxsize=8192)
def read_noun(word: str) -> str | None:
    """The English name a German noun is read as: by its singular, else by the last element
    of the compound it is (module docstring); None when nothing reads it."""
    lower = word.lower()
    for form in _singulars(lower):
        found = _read(form)
        if found is not None:
            return found
    for cut in range(MIN_FIRST, len(lower) - MIN_HEAD + 1):
        if lower[cut] in _VOWELS and lower[cut - 1] not in _LINKS:
            continue  # "Lip|atrophie", "Komb|ination": no boundary of two nouns
        for form in _singulars(lower[cut:]):
            if len(form) >= MIN_HEAD and (found := _read(form)) is not None:
                return found
    return None


def noun_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, English name) of the German nouns of ``text[start:end]`` read by their
    inflection or their last element."""
    out = []
    for m in _NOUN.finditer(text, start, end):
        if m.group(0)[0].isupper():  # German writes every noun with a capital
            english = read_noun(m.group(0))
            if english is not None:
                out.append((m.start(), m.end(), english))
    return out
