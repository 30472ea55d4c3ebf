"""Matching the HPO translations in Japanese, Chinese and Turkish text.

:mod:`dermavigil.terminology.translations` matches the labels of languages written with
spaces and a light plural rule; these three need another tokenisation:

- **Japanese and Chinese** are written without spaces: a label is looked up as a string of
  characters at each place of the text, the longest first, left to right, without overlap
  (forward maximum matching, the classic dictionary segmentation of Chinese: Wong and Chan
  1996, "Chinese word segmentation based on maximum matching and word binding force",
  COLING). Both sides are folded one character for one (:func:`unspaced_fold`: full-width
  forms to ASCII, and for Chinese traditional characters to simplified ones by the Unihan
  ``kSimplifiedVariant`` field, ``data/zh_simplified.tsv``: the HPO writes "视网膜", a Hong
  Kong report "視網膜"). A label of one character ("盲") counts only when no Han character
  stands beside it, and one of two characters ("红斑", "失明") only when the characters
  around it do not make it the tail or the head of a longer label word, so that a short
  label is never read out of the middle of another word (:func:`unspaced_spans`).
- **Turkish** is agglutinative: "ağrı", "ağrısı", "ağrıları" are one word. Tokens are folded
  (dotted and dotless i alike, accents stripped) and their inflectional suffixes stripped
  (plural, possessive, case, "-lı" with), the final consonant softened by a suffix restored
  ("kızarıklığı" -> "kızarıklık"): a light stemmer (light stemming is as good as full
  morphological analysis for Turkish retrieval: Can F et al. 2008, "Information retrieval on
  Turkish texts", JASIST 59(3):407-421).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

UNSPACED = ("ja", "zh")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _simplified() -> dict[str, str]:
    data = resources.files("dermavigil.terminology") / "data" / "zh_simplified.tsv"
    pairs = (line.split("\t") for line in data.read_text(encoding="utf-8").splitlines())
    return {p[0]: p[1] for p in pairs if len(p) == 2 and not p[0].startswith("#")}


def unspaced_fold(text: str, language: str) -> str:
    """``text`` folded one character for one: NFKC (full-width letters and digits to ASCII),
    lower case, and for Chinese traditional characters to simplified ones."""
    table = _simplified() if language == "zh" else {}
    out = []
    for char in text:
        folded = unicodedata.normalize("NFKC", char).lower()
        char = folded if len(folded) == 1 else char
        out.append(table.get(char, char))
    return "".join(out)


def _kana(text: str) -> str:
    """Katakana as hiragana, one character for one: Japanese writes one word in either
    script ("ブドウ膜炎", "ぶどう膜炎"; uveitis), so labels and text are compared on one."""
    return text.translate(_KATAKANA)


_KATAKANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def unspaced_key(label: str, language: str) -> str:
    """A label's look-up key: folded (Japanese kana as hiragana), spaces and the middle dot
    dropped."""
    key = re.sub(r"[\s\u30fb\u00b7]+", "", unspaced_fold(label, language))
    return _kana(key) if language == "ja" else key


def edges(keys: dict[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    """The first two and the last two characters of the labels of three or more."""
    long = [k for k in keys if len(k) >= 3]
    return frozenset(k[:2] for k in long), frozenset(k[-2:] for k in long)


def unspaced_spans(
    text: str,
    keys: dict[str, str],
    ends: tuple[frozenset[str], frozenset[str]],
    language: str,
    most: int = 12,
) -> list[tuple[int, int, str]]:
    """(start, end, HPO id) of the labels ``text`` names: the longest label at each place,
    left to right, without overlap; a one-character label with no Han character beside it,
    a two-character label not inside a longer label word (:func:`_inside_word`)."""
    folded = unspaced_fold(text, language)
    folded = _kana(folded) if language == "ja" else folded
    lengths = sorted({len(k) for k in keys if len(k) <= most}, reverse=True)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(folded):
        for size in lengths:
            if i + size > len(folded):
                continue  # a shorter slice at the text's end is no label of this size
            term = keys.get(folded[i : i + size])
            if term is None or (size <= 2 and _inside_word(folded, i, i + size, ends)):
                continue
            found.append((i, i + size, term))
            i += size
            break
        else:
            i += 1
    return found


def _inside_word(
    folded: str, start: int, end: int, ends: tuple[frozenset[str], frozenset[str]]
) -> bool:
    """Whether a short label at ``start:end`` is part of a longer word: for one character,
    a Han character beside it; for two, a Han character before it that with the label's
    first character begins a label ("视网" of "视网膜" before "网膜"), or one after it that
    with the label's last character ends one."""
    before = folded[start - 1] if start else ""
    after = folded[end] if end < len(folded) else ""
    if end - start == 1:
        return bool(_HAN.match(before) or _HAN.match(after))
    heads, tails = ends
    return (bool(before) and before + folded[start] in heads) or (
        bool(after) and folded[end - 1] + after in tails
    )


_SUFFIXES = (
    "lari", "leri", "sini", "sunu", "lar", "ler", "nin", "nun", "yla", "yle", "dan", "den",
    "tan", "ten", "si", "su", "in", "un", "la", "le", "da", "de", "ta", "te", "li", "lu",
    "yi", "yu", "ya", "ye", "i", "u", "a", "e",
)  # fmt: skip
"""Inflectional suffixes, folded, longest first: plural, possessive, genitive, case
(accusative, dative, locative, ablative, instrumental) and "-lı" (with)."""
_VOWELS = frozenset("aeiou")
"""Folded Turkish vowels (ı, ö, ü fold to i, o, u); a suffix in s-, y- or n- follows one
("ağrısı", "ateşi": "ateş" + "i", never "ate" + "si")."""
_SOFTENED = {"g": "k", "b": "p", "c": "c"}


@lru_cache(maxsize=65536)
def turkish_stem(token: str) -> str:
    """``token`` folded (case, accents, dotless i as i) and its inflectional suffixes
    stripped while three letters remain; a softened final consonant restored."""
    folded = token.replace("I", "ı").replace("İ", "i").lower().replace("ı", "i")
    folded = unicodedata.normalize("NFKD", folded)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    stem, stripped = folded, False
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            rest = len(stem) - len(suffix)
            if (
                stem.endswith(suffix)
                and rest >= 3
                and (suffix[0] not in "syn" or (rest >= 4 and stem[rest - 1] in _VOWELS))
            ):
                stem, stripped, changed = stem[: -len(suffix)], True, True
                break
    if stripped and stem[-1] in _SOFTENED:
        stem = stem[:-1] + _SOFTENED[stem[-1]]
    return stem
