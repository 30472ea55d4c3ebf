"""Text normalisation shared by the HPO index and the phrase coder.

The same function is applied to ontology labels, synonyms and free-text
phrases so that lexical matching is symmetric: case folding, accents
stripped (NFKD), hyphens and punctuation to spaces, and a light plural
stemmer ("papules" -> "papule", "abscesses" -> "abscess", "bodies" ->
"body"; Greek plurals too: "necroses", "granulomata") in the spirit of the
S-stemmer of Harman (1991), "How effective is suffixing?", JASIS 42(1):7-15.
British spellings are folded to the American ones the HPO uses ("oedema",
"haematoma", "leucocytoclastic"), the ligature spellings too: "ae" inside or at the
start of a word ("paraesthesia",
"ischaemic", "aetiology"; not the Latin plural ending of "bullae"), "oe" at a word's
start, before a final "a" and in "foet-"/"coel-" ("oesophagus", "dyspnoea", "foetal",
"coeliac"; not "toe" or "shoes").
An eponym's possessive "'s" is dropped, with either apostrophe ("Cushing's syndrome", "Cushing’s
syndrome" and "Cushing syndrome" are one key): the HPO writes most eponyms without it
("Horner syndrome") and some with it ("Beau's lines"), as case reports do.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['\u2019]s\b")
"""An eponym's possessive ending ("Cushing's", "Nicolau\u2019s"): no word of the name."""
_KEEP_S = ("ss", "us", "is", "ys")
_BRITISH = {"oe": "e", "ae": "e", "oea": "ea", "leuco": "leuko", "isation": "ization",
            "colour": "color"}  # fmt: skip
_BRITISH_RE = re.compile(
    r"(?<=[a-z])ae(?=[a-z])|\bae(?=[a-z])|\boe(?=[a-z])|(?<=[a-z])oea\b|(?<=\bf)oe(?=t)"
    r"|(?<=\bc)oe(?=l)|leuco|isation\b|colour"
)


_GREEK_PLURALS = (("omata", "oma"), ("itides", "itis"))


def singular(token: str) -> str:
    """Harman's S-stemmer, with Latin/Greek endings kept ("pruritus", "psoriasis"), and the
    Greek plurals of clinical nouns made singular: "-oses" ("necroses", "thromboses": not
    "doses" or "noses", under seven letters), "-omata" ("granulomata"), "-itides"."""
    for plural, one in _GREEK_PLURALS:
        if token.endswith(plural) and len(token) > len(plural) + 2:
            return token[: -len(plural)] + one
    if len(token) >= 7 and token.endswith("oses"):
        return token[:-2] + "is"
    if len(token) <= 3 or not token.endswith("s") or token.endswith(_KEEP_S):
        return token
    if token.endswith("ies") and not token.endswith(("eies", "aies")):
        return token[:-3] + "y"
    if token.endswith(("sses", "xes", "ches", "shes")):
        return token[:-2]
    if token.endswith("es") and not token.endswith(("aes", "ees", "oes")):
        return token[:-1]
    return token[:-1]


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Folded, punctuation-free, singularised form of ``text`` for matching."""
    text = _POSSESSIVE.sub("", text)
    if text.isascii():
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    folded = _BRITISH_RE.sub(lambda m: _BRITISH[m.group(0)], folded)
    tokens = _NON_WORD.sub(" ", folded).split()
    return " ".join(singular(token) for token in tokens)
