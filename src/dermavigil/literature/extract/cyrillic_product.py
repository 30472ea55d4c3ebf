"""The drug a case report in Russian (or another Cyrillic-script language) was given.

Russian texts write international drug names in Cyrillic letters ("диклофенак"). Their
words are transliterated letter by letter (the scientific transliteration of Cyrillic, ISO
9:1995, in its plain-ASCII form: к -> k, ф -> f, х -> kh, ц -> ts, ш -> sh, я -> ya, soft
and hard signs dropped) and looked up with the spelling rules and skeletons that map other
languages' drug names to the English lexicon (:func:`dermavigil.terminology.drug_spellings.
english_drug`: "diklofenak" has the skeleton of "diclofenac"; case endings are dropped as
final vowels). The drug given is the first one named after a word of its giving or of what
the reaction was due to ("введением ... диклофенак", "инъекции", "индуцированный",
"после"), and the route is a route adjective of the same sentence ("внутримышечным":
intramuscular). docs/annotation.md, ``products``: the name as the text spells it.
"""

from __future__ import annotations

import re

from dermavigil.terminology.drug_spellings import english_drug

_LETTERS = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        ("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p")
        + ("r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "-", "y", "-", "e", "yu")
        + ("ya", "i", "i", "e", "g", "u"),
        strict=True,
    )
)
_WORD = re.compile(r"[а-яёіїєґў]{5,}", re.I)
_GIVEN = re.compile(
    r"(?:введени|инъекци|инъециров|индуцирова|вызванн|обусловленн|ассоциированн|после"
    r"|применени|назначени)\w*[^.;]{0,80}$",
    re.I,
)
"""Words of a drug's giving ("введение", "инъекция", "применение") or of what the reaction
was due to ("индуцированный", "вызванный", "после") before the drug's name."""
ROUTES = (
    ("intramuscular", re.compile(r"внутримышечн\w*", re.I)),
    ("subcutaneous", re.compile(r"подкожн\w*", re.I)),
    ("intravenous", re.compile(r"внутривенн\w*", re.I)),
    ("intradermal", re.compile(r"внутрикожн\w*", re.I)),
    ("intralesional", re.compile(r"внутриочагов\w*", re.I)),
)


def transliterate(word: str) -> str:
    """A Cyrillic word in Latin letters (ISO 9, plain ASCII; soft and hard signs dropped)."""
    return "".join(_LETTERS.get(c, c) for c in word.lower()).replace("-", "")


def _english(word: str) -> str | None:
    latin = transliterate(word)
    # case endings: -а/-у/-ом/-ой/-ы after the stem ("диклофенака", "диклофенаком")
    for stem in (latin, re.sub(r"(?:om|oi|oy|ami|akh|u|a|y|e)$", "", latin)):
        if len(stem) >= 5 and (english := english_drug(stem)):
            return english
    return None


Found = tuple[str, str, tuple[int, int], tuple[str, tuple[int, int]] | None]


def cyrillic_drug(text: str) -> Found | None:
    """(name as written, English lexicon name, span, (route, span) or None) of the first drug
    a sentence names after a word of its giving, else None; the route is the first route
    word of a sentence naming the drug."""
    sentences = [(m.start(), m.group(0)) for m in re.finditer(r"[^.!?\n]+", text)]
    for offset, sentence in sentences:
        for match in _WORD.finditer(sentence):
            if not _GIVEN.search(sentence[: match.start()]):
                continue
            english = _english(match.group(0))
            if not english:
                continue
            head = match.group(0)[:5].lower()
            return (
                match.group(0),
                english,
                (offset + match.start(), offset + match.end()),
                next(
                    (
                        (name, (start + found.start(), start + found.end()))
                        for start, told in sentences
                        if head in told.lower()
                        for name, pattern in ROUTES
                        if (found := pattern.search(told))
                    ),
                    None,
                ),
            )
    return None
