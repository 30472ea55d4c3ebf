"""Head nouns of bodily functions, derived from the HPO's names of their deficits.

The HPO names a lost or lessened function by a quality of decrease before the function's
noun ("*Reduced* visual acuity", "*Impaired* pain sensation", "*Limitation of* joint
*mobility*", "*Decreased* tendon *reflex*"): the PATO qualities the ontology composes its
phenotype names with (Köhler S et al. 2013, "Construction and accessibility of a
cross-species phenotype ontology along with gene annotations for biomedical research",
F1000Research 2:30). The function nouns are read off those names: the last word before any
preposition of a phenotype key of the HPO index
(:attr:`~dermavigil.terminology.coder_cache.CoderTables.mention_keys`) that begins with a
quality of decrease (:data:`DEFICITS`), kept when

- it heads at least :data:`MIN_NAMES` such names (a head word, not one name's own word);
- most of its terms (:data:`PHYSIOLOGY_SHARE`) lie under a grouping term of a function
  ("Abnormal nervous system physiology", "Abnormal eye physiology"), not of a structure
  ("finger", "bone", "size": the morphology of a part);
- it is a function that is lessened, not a quantity measured both ways: fewer names begin
  with a quality of increase than half of those with one of decrease ("pressure",
  "volume", "ratio" are measures);
- it is no word of a structure a grouping term names ("Abnormal *lung* morphology").

:mod:`dermavigil.literature.extract.deficit_phrases` reads the phrases these nouns head after a
quality of decrease ("limited abduction", "loss of sensation"). The vocabulary is built once
from the coder's tables (no word list of findings of ours).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from dermavigil.terminology.coder import default_coder
from dermavigil.terminology.gloss_cache import cached
from dermavigil.terminology.normalize import normalize

MIN_NAMES = 3
"""Names a word must head after a quality of decrease to be a function noun."""
PHYSIOLOGY_SHARE = 0.5
"""The share of those names' terms under a function's grouping term it must reach."""
DEFICITS = re.compile(
    r"(?:reduced|decreased|diminished|impaired|limited|restricted|poor|absent"
    r"|(?:loss|lack|limitation|restriction|reduction|decrease|impairment) (?:of|in)) (?P<rest>.+)"
)
"""The PATO qualities of decrease, as adjectives and as the nouns a name begins with."""
_PAIRS = (
    ("abduction", "adduction"),
    ("flexion", "extension"),
    ("pronation", "supination"),
    ("elevation", "depression"),
    ("protraction", "retraction"),
    ("inversion", "eversion"),
    ("intorsion", "extorsion"),
    ("dorsiflexion", "plantarflexion"),
)
MOTION_PAIRS = {a: b for pair in _PAIRS for a, b in (pair, pair[::-1])}
"""The anatomical terms of motion, which come in opposing pairs (Terminologia Anatomica,
FCAT 1998; "abduction" and "adduction" at one joint): a motion that is a function head makes
its opposite one, though the HPO names fewer deficits of it ("restricted adduction")."""
_INCREASES = re.compile(r"(?:increased|elevated|high|excessive|enhanced|exaggerated) (?P<rest>.+)")
"""The PATO qualities of increase."""
_PREPOSITION = re.compile(r" (?:of|in|on|with|without|to|due|from|at|by|for|after|during)\b")
_FUNCTION = re.compile(r"Abnormal .+ physiology")
_STRUCTURE = re.compile(r"Abnormal (?P<part>.+) morphology")


def _head(rest: str) -> str:
    return _PREPOSITION.split(rest, maxsplit=1)[0].rsplit(" ", 1)[-1]


@lru_cache(maxsize=1)
def function_heads() -> frozenset[str]:
    """The normalised head nouns of bodily functions (see the module's docstring), built
    once and kept on disk (:func:`.gloss_cache.cached`)."""
    return cached("function-heads", _build)  # type: ignore[return-value]


def _build() -> frozenset[str]:
    tables = default_coder().tables
    functions = {code for code, name in tables.names.items() if _FUNCTION.fullmatch(name)}
    structures: set[str] = set()
    for name in tables.names.values():
        structure = _STRUCTURE.fullmatch(name)
        if structure:
            structures.update(normalize(structure.group("part")).split())

    @cache
    def under_function(code: str) -> bool:
        return any(p in functions or under_function(p) for p in tables.parents.get(code, ()))

    lessened: dict[str, int] = {}
    physiology: dict[str, int] = {}
    increased: dict[str, int] = {}
    for key, code in tables.mention_keys.items():
        if match := DEFICITS.fullmatch(key):
            head = _head(match.group("rest"))
            lessened[head] = lessened.get(head, 0) + 1
            physiology[head] = physiology.get(head, 0) + under_function(code)
        elif match := _INCREASES.fullmatch(key):
            head = _head(match.group("rest"))
            increased[head] = increased.get(head, 0) + 1
    heads = {
        word
        for word, count in lessened.items()
        if count >= MIN_NAMES
        and physiology[word] >= PHYSIOLOGY_SHARE * count
        and 2 * increased.get(word, 0) < count
        and word not in structures
        and re.fullmatch(r"[a-z]{4,}", word)
    }
    return frozenset(heads | {MOTION_PAIRS[word] for word in heads if word in MOTION_PAIRS})
