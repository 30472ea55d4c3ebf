"""Text folded to ASCII lower case, one character for one, for the word patterns of the
languages written in Latin letters (:mod:`.foreign_words`, Turkish in :mod:`.foreign_words_tr`):
one pattern then covers "mejoría" and "mejoria", and a match's span indexes the text."""

from __future__ import annotations

import re
import unicodedata


def ascii_fold(text: str) -> str:
    """``text`` lower-cased with its accents stripped, one character for one (spans stay
    valid): "Mejoría" -> "mejoria", "ß" -> "s"."""
    out = []
    for char in text:
        low = char.lower()[:1] or char
        base = "".join(
            c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)
        )
        out.append("s" if low == "\u00df" else base[:1] if base[:1].isascii() and base else low)
    return "".join(out)


def whole_words(pattern: str) -> re.Pattern[str]:
    """``pattern`` matched as whole words of a folded text (no letter, digit or hyphen
    either side): the form of every word list read in another language."""
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")
