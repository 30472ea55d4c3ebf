"""Text folded to ASCII lower case, one character for one, for the word patterns of the
languages written in Latin letters (:mod:`.foreign_words`, Turkish in :mod:`.foreign_words_tr`):
one pattern then covers "mejoría" and "mejoria", and a match's span indexes the text."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = frozenset("\u2019\u2018\u02bc")
"""The typeset apostrophes (right and left single quotation marks, the modifier letter
apostrophe), which French and Italian print in an elision ("d\u2019érythème", "l\u2019ipertricosi")
where a typed text has "'" (Unicode Standard, section 6.2, "Apostrophes")."""


def ascii_fold(text: str) -> str:
    """``text`` lower-cased with its accents stripped, one character for one (spans stay
    valid): "Mejoría" -> "mejoria", "ß" -> "s", a typeset apostrophe -> "'"."""
    out = []
    for char in text:
        if char in _APOSTROPHES:
            out.append("'")
            continue
        low = char.lower()[:1] or char
        base = "".join(
            c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)
        )
        out.append("s" if low == "\u00df" else base[:1] if base[:1].isascii() and base else low)
    return "".join(out)


def whole_words(pattern: str) -> re.Pattern[str]:
    """``pattern`` matched as whole words of a folded text (no letter, digit or hyphen
    either side): the form of every word list read in another language. A word elided
    before a vowel ("d'", "l'", "n'", "qu'", "dell'") is written joined to the next word by
    its apostrophe ("pas d'érythème", "souffrant d'insuffisance"; Grevisse, *Le Bon usage*,
    section 45, elision): a pattern ending in an apostrophe matches before that word."""
    return re.compile(rf"(?<![\w-])(?:{pattern})(?:(?<=')|(?![\w-]))")
