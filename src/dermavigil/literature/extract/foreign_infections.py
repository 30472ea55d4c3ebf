"""An infection named with its organism in Spanish, Portuguese, French, German or Italian.

A case report in these languages names the infection of an injection site by its organism as
English does ("Mycobacterium abscessus infection", "atypical mycobacterial infection": the
organism before the infection, :mod:`.organism_names`), with the organism after the noun and
a preposition: "infección cutánea por micobacterias atípicas", "infecção por Mycobacterium
abscessus", "infections à mycobactéries atypiques", "Infektion mit Mykobakterien",
"infezione da micobatteri", or by the disease noun of the genus ("micobacteriosis cutánea",
"micobacteriose", "Mykobakteriose"). The infection noun alone is not read (it names an
infection anywhere: urinary, viral, an indication: :data:`.translation_gloss._NOT_GLOSSED`);
named with its organism, and with no organ between them but the skin or the soft tissue, it
is the reaction, written in English as the English path writes it.

A Latin binomial name is an organism, never a reaction: the species epithet of
"Mycobacterium abscessus" or "Propionibacterium acnes" is no abscess and no acne
(:func:`binomial_spans`).
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.ascii_folding import whole_words
from dermavigil.literature.extract.organism_names import BINOMIAL

_INFECTION = r"infeccion(?:es)?|infecc?(?:ao|oes)|infections?|infektion(?:en)?|infezion[ei]"
_SKIN = (
    r"(?:sub)?cutane[ao]s?|sous-cutanee?s?|cutanee?s?|kutane?n?|sottocutane[ae]|cutane[ae]"
    r"|(?:de (?:la )?piel|da pele|de la peau|der haut|della pelle"
    r"|de (?:los |las )?(?:tejidos|partes) blandas?|de (?:tecidos|partes) moles"
    r"|des (?:tissus|parties) molles?|des weichgewebes|dei tessuti molli)"
)
_BY = r"por|pelo|pela|por|par|a|aux|mit|durch|da|di|de|du|des"
_GENUS_NOUN = (
    r"micobacteri(?:a|as|um)|mycobacteri(?:es?|um|a)|mykobakteri(?:um|en)|micobatteri(?:o|i)"
)
_KIND = (
    r"atipic[ao]s|atypiques?|atypische[n]?|atipic[hi]e?|no tuberculos[ao]s|nao tuberculos[ao]s"
    r"|non tuberculeuses?|nicht-?tuberkulose[n]?|non tubercolar[ei]"
    r"|de crecimiento rapido|de crescimento rapido|a croissance rapide|schnell wachsende[n]?"
    r"|a crescita rapida"
)
_INFECTED_BY = re.compile(
    rf"(?<![\w-])(?:{_INFECTION})(?: (?:{_SKIN}))?(?: (?:{_BY}))(?: (?:la|las|los|le|les|l'|o|os"
    rf"|a|as|den|dem|der|i|gli))? (?P<organism>(?P<genus>{_GENUS_NOUN})(?: (?P<kind>{_KIND}))?"
    r"|[a-z]{4,} [a-z]{3,})(?![\w-])"
)
"""The infection noun, a skin or soft-tissue word, a preposition, and the organism: a genus
noun of the language with its kind, or a binomial (checked on the text's own letters)."""
_GENUS_DISEASE = whole_words(r"micobacteriosis|micobacteriose|mycobacteriose|mykobakteriose")
_KINDS = (
    ("atypical", r"atip|atyp"),
    ("nontuberculous", r"tubercul|tuberkul"),
    ("rapidly growing", r"rapid|schnell"),
)


def _english_kind(kind: str | None) -> str:
    for english, pattern in _KINDS:
        if kind and re.search(pattern, kind):
            return f"{english} "
    return ""


def organism_infections(text: str, folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, English name) of the infections named with their organism in
    ``text[start:end]`` (``folded``: the text folded to ASCII lower case)."""
    found = []
    for m in _INFECTED_BY.finditer(folded, start, end):
        binomial = BINOMIAL.match(text, m.start("organism"), end)
        if binomial:
            found.append((m.start(), binomial.end(), f"{binomial.group(0)} infection"))
        elif m.group("genus"):
            kind = _english_kind(m.group("kind"))
            found.append((m.start(), m.end(), f"{kind}mycobacterial infection"))
    for m in _GENUS_DISEASE.finditer(folded, start, end):
        found.append((m.start(), m.end(), "mycobacterial infection"))
    return found


def binomial_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the Latin binomial names (genus, species epithet) in ``text[start:end]``."""
    return [(m.start(), m.end()) for m in BINOMIAL.finditer(text, start, end)]
