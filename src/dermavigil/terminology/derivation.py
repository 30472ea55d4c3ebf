"""The nouns an adjective or a participle of Spanish, Portuguese, French, Italian or German
derives from, by its ending.

Case reports describe a lesion with adjectives and participles ("lesiones ulceradas",
"placa indurada", "lésions ampulleuses", "ein schmerzhafter Knoten") where the HPO
translations and the glossary induced from them (:mod:`.translation_gloss`) hold the noun
("ulceración", "induración", "douleur", "Schmerz"); adjective forms are reactions like
their nouns (docs/annotation.md). A derivational suffix is replaced by the endings of the
nouns it derives from (the suffix-substitution rules of a light stemmer: Porter MF 1980,
"An algorithm for suffix stripping", Program 14(3):130-137, step 2 and 3 rules), and each
candidate noun is looked up in the caller's vocabulary: nothing is derived that the
vocabulary does not hold.
"""

from __future__ import annotations

import re
import unicodedata

_RULES = {
    "es": ((r"otic[ao]s?", ("osis",)), (r"ematos[ao]s?", ("ema",)), (r"ic[ao]s?", ("ia", "a")),
           (r"ativ[ao]s?", ("acion", "ado")), (r"os[ao]s?", ("", "a", "o")),
           (r"ad[ao]s?", ("acion", "a"))),
    "pt": ((r"otic[ao]s?", ("ose",)), (r"ematos[ao]s?", ("ema",)), (r"ic[ao]s?", ("ia", "a")),
           (r"ativ[ao]s?", ("acao", "ado")), (r"os[ao]s?", ("", "a", "o")),
           (r"ad[ao]s?", ("acao", "a"))),
    "fr": ((r"otiques?", ("ose",)), (r"emateu(?:x|ses?)", ("eme",)), (r"iques?", ("ie", "e", "a")),
           (r"aires?", ("e",)), (r"oureu(?:x|ses?)", ("eur",)), (r"eu(?:x|ses?)", ("e", "")),
           (r"e{1,2}s?", ("ation",))),
    "it": ((r"otic[oaie]|otiche", ("osi",)), (r"ematos[oaie]", ("ema",)),
           (r"ic[oaie]|iche", ("ia", "a")), (r"os[oaie]", ("o", "a", "")),
           (r"at[oaie]", ("azione", "a"))),
    "de": ((r"(?:haft|ig|lich)(?:e[mnrs]?)?", ("",)), (r"os(?:e[mnrs]?)?", ("ous",))),
}  # fmt: skip
"""Adjective and participle endings of each language and the endings of the nouns they
derive from: "-ótico" -> "-osis" ("necrótico"), "-ematoso" -> "-ema" ("eritematoso"),
"-ico" -> "-ia"/"-a" ("purpúrica"), "-ativo" -> "-ación"/"-ado" ("exudativa"), "-oso" ->
"-a"/"-o" ("ampollosa", "doloroso"), "-ado" -> "-ación"/"-a" ("indurada", "ulcerada");
French "-aire" -> "-e" ("nodulaire"), "-oureux" -> "-eur" ("douloureuse" -> "douleur"),
"-eux" -> "-e" ("squameux"), "-é(e)" -> "-ation" ("induré", "infiltrée"); Italian likewise;
German "-haft", "-ig", "-lich" with their inflection ("schmerzhafter" -> "Schmerz"), and
"-ös" (Latin "-osus") written as the English "-ous" its cognate has ("erythematösen" ->
"erythematous", found by the cognate skeletons)."""
MIN_STEM = 3


def plain(word: str) -> str:
    """``word`` lower-cased, its accents stripped ("ß" -> "ss")."""
    folded = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("ß", "ss")


def noun_forms(word: str, language: str) -> list[str]:
    """The nouns (lower case, unaccented) ``word`` may derive from by its ending, most
    specific rule first; empty when no rule applies."""
    folded = plain(word)
    out: list[str] = []
    for ending, nouns in _RULES.get(language, ()):
        stem = re.fullmatch(rf"(\w{{{MIN_STEM},}}?)(?:{ending})", folded)
        if stem is not None:
            out.extend(stem.group(1) + noun for noun in nouns if stem.group(1) + noun != folded)
    return out
