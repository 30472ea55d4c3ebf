"""Drug names as Spanish, Portuguese, French, German and Italian texts spell them.

Maps a word of a non-English case report to the name of the English drug lexicon
(:func:`dermavigil.terminology.drugs.drug_names`, from the FAERS/openFDA data) it stands
for, by the spelling rules of these languages' international nonproprietary names
(WHO, *Guidance on the use of INNs for pharmaceutical substances*, 2017: the same stem
takes each language's endings) and, for longer names, a shared spelling skeleton; a salt
named anion first with "de" ("gluconato de calcio") is the English cation-first name
(:func:`romance_salt`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from dermavigil.terminology.drugs import drug_names

_VOWELS = frozenset("aeiou")
_ENDING = re.compile(r"[aeiou][aeiousm]$")
"""The endings the INN stems take in these languages: a final vowel ("-a", "-e", "-o"), the
Latin "-um" and "-us" of pharmacopoeia names, a plural "-as", "-os", "-es" (WHO, *Guidance on
the use of INNs for pharmaceutical substances*, 2017)."""


@lru_cache(maxsize=4096)
def english_drug(word: str) -> str | None:
    """The English lexicon name a Romance or German spelling of a drug stands for
    ("enoxaparina" -> "enoxaparin", "paracetamol", "heparine" -> "heparin",
    "prednisona" -> "prednisone", "hialuronidasa" -> "hyaluronidase"), else None: the
    spelling rules of these languages' drug names (final vowel, -ina/-ine, -cilina/-cillin,
    f/ph, hia/hya; an acid's adjective, "tranexámico" -> "tranexamic acid"), then the same
    spelling skeleton as a lexicon name (:func:`_skeleton`). Only an inflectional ending is
    taken off (:data:`_ENDING`): a word ending in another consonant is no drug's cognate
    ("Verlauf", course, is not "Verla"; "cambiar", to change, is not "Cambia")."""
    names = drug_names()
    word = word.replace("hidro", "hydro").replace("metil", "methyl").replace("hia", "hya")
    acid = re.sub(r"(?:ico|ique)$", "ic acid", word)
    if acid != word and acid in names:
        return acid  # "(ácido) tranexámico", "(acide) clavulanique": the English "-ic acid"
    stems = {word}
    if word[-1:] in _VOWELS:
        stems |= {word[:-1], word[:-1] + "e"}
    if _ENDING.search(word):
        stems |= {word[:-2] + "e", word[:-2]}
    stems |= {s.replace("cilin", "cillin").replace("asa", "ase") for s in stems}
    ph = {s.replace("f", "ph") for s in stems if "f" in s}
    for stem in [*sorted(stems, key=len, reverse=True), *sorted(ph, key=len, reverse=True)]:
        if len(stem) >= 5 and stem in names:
            return stem
    return _skeletons().get(_skeleton(word)) if len(word) >= 7 else None


def _skeleton(word: str) -> str:
    """A drug name's spelling skeleton: ph/th/ch/y/k as f/t/c/i/c, double letters single, no final
    vowel ("pentoxifylline", "pentoxifilina" -> "pentoxifilin")."""
    word = word.replace("ph", "f").replace("th", "t").replace("ch", "c").replace("y", "i")
    word = word.replace("k", "c")
    return re.sub(r"[aeo]$", "", re.sub(r"(.)\1", r"\1", word))


@lru_cache(maxsize=1)
def _skeletons() -> dict[str, str]:
    """Skeleton -> single-word lexicon drug name (7 letters or more)."""
    out: dict[str, str] = {}
    for name in sorted(drug_names()):
        if len(name) >= 7 and name.isalpha():
            out.setdefault(_skeleton(name), name)
    return out


_ANIONS = {
    "gluconato": "gluconate", "gluconate": "gluconate", "cloruro": "chloride",
    "cloreto": "chloride", "chlorure": "chloride", "sulfato": "sulfate", "solfato": "sulfate",
    "sulfate": "sulfate", "bicarbonato": "bicarbonate", "bicarbonate": "bicarbonate",
    "carbonato": "carbonate", "acetato": "acetate", "citrato": "citrate", "fosfato": "phosphate",
    "phosphate": "phosphate", "lactato": "lactate", "tiosulfato": "thiosulfate",
    "thiosulfate": "thiosulfate", "tiossolfato": "thiosulfate",
}  # fmt: skip
_CATIONS = {
    "calcio": "calcium", "calcium": "calcium", "sodio": "sodium", "sodium": "sodium",
    "potasio": "potassium", "potassio": "potassium", "potassium": "potassium",
    "magnesio": "magnesium", "magnesium": "magnesium", "zinc": "zinc", "zinco": "zinc",
}  # fmt: skip
_CATION_ADJECTIVES = {
    "calcico": "calcium", "sodico": "sodium", "potasico": "potassium", "magnesico": "magnesium",
}  # fmt: skip
"""The cation as the adjective Spanish and Portuguese also name a salt by ("gluconato
cálcico", "bicarbonato sódico", "cloruro potásico": -ico of the element's name)."""
SALT = re.compile(
    rf"(?<![\w-])(?P<anion>{'|'.join(_ANIONS)}) (?:(?:de|di|do|da|d['\u2019]) ?(?:l['\u2019])?"
    rf"(?P<cation>{'|'.join(_CATIONS)})|(?P<adjective>{'|'.join(_CATION_ADJECTIVES)}))(?![\w-])"
)
"""A salt as Spanish, Portuguese, French and Italian name it: the anion, "de" (di, d'), the
cation ("gluconato de calcio", "chlorure de potassium", "solfato di magnesio"), or the anion
and the cation's adjective ("gluconato cálcico"), on the text folded to ASCII; English names
the cation first ("calcium gluconate")."""


def romance_salt(phrase: str) -> str | None:
    """The English lexicon name of a salt named the Romance way (:data:`SALT`), else None."""
    match = SALT.fullmatch(phrase)
    if not match:
        return None
    cation = _CATIONS.get(match.group("cation") or "") or _CATION_ADJECTIVES[match["adjective"]]
    english = f"{cation} {_ANIONS[match.group('anion')]}"
    return english if english in drug_names() else None
