"""Tattoo and permanent make-up pigments as the suspect product (docs/annotation.md, scope).

A tattoo or a permanent make-up (micropigmentation, microblading) deposits a colourant
in the dermis with needles: the pigment is an intradermally placed product, and a
reaction of the tattooed skin is a reaction to it (category ``other``, named by colour
or type as the text gives them: "red tattoo ink", "pigmento rojo", "microblading").

The words are those of the regulations and of the languages the extractor reads: the
EU restriction of substances in tattoo inks and permanent make-up (REACH Annex XVII,
entry 75, Regulation (EU) 2020/2081: "tattoo inks and permanent make-up", with the
Colour Index names of the pigments it restricts, Pigment Blue 15:3, CI 74160, and
Pigment Green 7, CI 74260) and the Council of Europe Resolution ResAP(2008)1 on the
safety of tattoos and permanent make-up, whose colourants are named by Colour Index
number ("CI 12075"), and the words of Spanish, Portuguese, Italian, French, German,
Turkish, Dutch, Japanese, Chinese and Korean for the same practice. Pure: text in,
spans out.
"""

from __future__ import annotations

import re
from functools import cache

from dermavigil.terminology.drugs import CAUSE_SUFFIX

TATTOO_WORDS = (
    # English (and the same loanword in German, Italian, Turkish and Spanish texts)
    r"tatt?oo(?:s|ed|ing|ist)?|tattoed"
    # the part made up may stand between ("permanent eyebrow make-up", "permanent lip make-up")
    r"|(?:semi-?\s?)?permanent\s+(?:[a-z]+(?:-[a-z]+)?\s+)?make-?\s?ups?|PMU"
    r"|micro-?pigmentations?|microblad(?:ing|ed)"
    # Spanish, Portuguese, Italian, French
    r"|tatuajes?|tatuad[oa]s?|tatuage(?:m|ns)|tatuagg(?:io|i)|tatuat[oaie]"
    r"|tatou(?:age|ages|ée?s?)|micropigmentaci[oó]n|micropigmenta[cç][aã]o|micropigmentazione"
    r"|dermopigmenta(?:ci[oó]n|[cç][aã]o|zione|tion)"
    r"|maquillaje\s+(?:semi)?permanente|maquiagem\s+(?:definitiva|permanente)"
    r"|maquilhagem\s+permanente|trucco\s+(?:semi)?permanente|maquillage\s+permanent"
    # German, Dutch, Danish and Norwegian, Turkish
    r"|t[äa]towier(?:ung|ungen|t|te|ten)?|Permanent-Make-up|tatoeages?|tatover(?:ing|inger)"
    r"|d[öo]vmes?|d[öo]vmel[ei]\w*|kal[ıi]c[ıi]\s+makyaj"
)
"""A tattoo or permanent make-up word, the practice or its product ("tattooing", "the tattoo",
"microblading", "micropigmentation"), in the languages above (a regular expression)."""
_TATTOO_CJK = r"刺青|入れ墨|入墨|タトゥー|アートメイク|纹身|文身|纹眉|文眉|纹绣|문신|반영구\s?화장"
TATTOO = re.compile(
    rf"(?<![\w-])(?:{TATTOO_WORDS})(?:(?![\w-])|(?={CAUSE_SUFFIX}))|{_TATTOO_CJK}", re.I
)
"""A tattoo or permanent make-up word in one of the languages the extractor reads, also
before a hyphenated cause ("tattoo-induced", "tattoo-associated")."""

_COLOUR = (
    r"red|black|green|blue|yellow|white|gr[ae]y|brown|orange|purple|pink|violet|multicolou?r"
    r"|roj[oa]s?|negr[oa]s?|verdes?|azul(?:es)?|amarill[oa]s?|blanc[oa]s?|gris|marr[oó]n"
    r"|vermelh[oa]s?|pret[oa]s?|amarel[oa]s?|branc[oa]s?|cinza|ross[oa]|ner[oa]|giall[oa]|bianc[oa]"
    r"|rouges?|noire?s?|verte?s?|bleue?s?|jaunes?|rot(?:e|en)?|schwarz(?:e|en)?|gr[üu]n(?:e|en)?"
)
_INK = (
    r"inks?|pigments?|dyes?|colou?rants?|tintas?|pigmentos?|pigmenti|encres?|inchiostr[oi]"
    r"|farben?|tinten?|tätowierfarben?"
)
_CI = re.compile(
    r"\b(?:C\.?\s?I\.?\s?(?:Pigment\s+)?\d{5}|Pigment\s+(?:Red|Blue|Green|Yellow|Orange|Violet"
    r"|Black|White|Brown)\s+\d{1,3}(?::\d)?)\b",
    re.I,
)
"""A Colour Index name or number ("Pigment Red 22", "CI 74260"): the system that
REACH Annex XVII entry 75 and ResAP(2008)1 name tattoo colourants by."""


@cache
def _named() -> tuple[re.Pattern[str], ...]:
    """A pigment named by its colour, ink or tattoo, most specific first; compiled on first use
    (only a sentence that speaks of a tattoo is searched for its pigment)."""
    return (
        # "red tattoo ink", "black pigment", "tattoo ink", "red tattoo"
        re.compile(rf"\b(?:(?:{_COLOUR})\s+)?(?:{TATTOO_WORDS})\s+(?:{_INK})\b", re.I),
        re.compile(rf"\b(?:{_COLOUR})\s+(?:{_INK})\b", re.I),
        # "pigmento rojo", "tinta roja", "pigmento rosso di un tatuaggio permanente"
        re.compile(rf"\b(?:{_INK})\s+(?:{_COLOUR})\b", re.I),
        re.compile(rf"\b(?:{_COLOUR})\s+(?:{TATTOO_WORDS})\b", re.I),
    )


_REMOVAL = re.compile(r"^\s*(?:removal|remover|eliminaci[oó]n|remo[cç][aã]o|Entfernung)\b", re.I)
"""A tattoo named as what a laser removed is a site of the treatment, not the exposure."""


def tattoo_words(text: str) -> list[tuple[int, int]]:
    """Spans of the tattoo and permanent make-up words of ``text``, except a tattoo named as
    what was removed ("tattoo removal")."""
    return [
        (m.start(), m.end()) for m in TATTOO.finditer(text) if not _REMOVAL.match(text[m.end() :])
    ]


def pigment_name(text: str) -> tuple[int, int, bool] | None:
    """The most specific name of the pigment in ``text`` (a sentence that speaks of a tattoo),
    with whether it is more than the bare tattoo word: a Colour Index name, a colour with the
    ink ("red tattoo ink", "pigmento rojo"), a colour with the tattoo ("red tattoo"), the
    tattoo's ink ("tattoo ink"), else the tattoo word itself ("microblading")."""
    found = _CI.search(text)
    if found:
        return found.start(), found.end(), True
    for pattern in _named():
        found = pattern.search(text)
        if found:
            return found.start(), found.end(), True
    words = tattoo_words(text)
    return (*words[0], False) if words else None


def is_tattoo(name: str) -> bool:
    """A product name that names a tattoo or permanent make-up pigment."""
    return bool(tattoo_words(name) or _CI.search(name))
