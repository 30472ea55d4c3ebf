"""Numbers written as digits or English words ("7", "seven", "twenty-one")."""

from __future__ import annotations

import re

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "several": None, "few": None,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip

_DIGITS = [k for k, v in _UNITS.items() if v and v < 10 and len(k) > 2]
NUMBER_WORDS = (
    r"(?:half\s+an?\b|(?:\d+(?:\.\d+)?|(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(_DIGITS)
    + r")\b)?|"
    + "|".join(sorted((k for k, v in _UNITS.items() if v), key=len, reverse=True))
    + r")(?:\s+and\s+a\s+half\b)?)"
)
"""Regex of the number forms :func:`number_value` reads ("forty-eight" and "twenty one"
whole, before their parts; "half a" and "one and a half" whole, so that "half a year" is
not read as "a year")."""


def number_value(text: str) -> float | None:
    """The value of ``"7"``, ``"seven"``, ``"twenty-one"``, ``"half a"`` or ``"one and a
    half"``; None when not a number."""
    word = re.sub(r"\s+", "-", text.strip().lower())
    if re.fullmatch(r"half-an?", word):
        return 0.5
    if word.endswith("-and-a-half"):
        whole = number_value(word.removesuffix("-and-a-half"))
        return whole + 0.5 if whole is not None else None
    try:
        return float(word)
    except ValueError:
        pass
    if word in _UNITS:
        value = _UNITS[word]
        return float(value) if value else None
    tens, _, unit = word.partition("-")
    if tens in _TENS:
        extra = _UNITS.get(unit) if unit else 0
        return float(_TENS[tens] + (extra or 0)) if extra is not None else None
    return None
