"""Verbs of bodily functions, derived from the HPO's names of their loss told by a verb.

The HPO names some deficits by the function's verb after a noun of inability or difficulty
("Inability to walk", "Difficulty swallowing", "Difficulty opening the eyelid", "Trouble
breathing"), as case reports do ("she was unable to walk", "difficulty closing his eye").
The verbs are read off those names (:attr:`~dermavigil.terminology.coder_cache.CoderTables.
mention_keys`), kept when the name is the verb alone or the verb with one noun, bare or after
"the" ("walk", "open the eyelid", "puff cheek": a body part's motion), not a longer object
("make and keep healthy fat tissue", "get an erection"), and when its term lies under no
grouping term of mental function or behaviour ("difficulty finding words", "difficulty
understanding humor": language and cognition, no motion of the body). A verb is kept by
its stem (:func:`verb_stem`), so that "to close" and "closing" are one verb.
:mod:`dermavigil.literature.extract.verbal_deficits` reads the phrases these verbs head.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from dermavigil.terminology.coder import default_coder
from dermavigil.terminology.gloss_cache import cached

MENTAL = frozenset({"HP:0011446", "HP:0000708"})
"""Abnormality of higher mental function, Behavioral abnormality: no motion of the body."""
_NAME = re.compile(
    r"(?:inability to (?P<base>[a-z]+)|(?:difficulty|trouble)(?: in| with)? (?P<ing>[a-z]+ing))"
    r"(?: (?:the )?[a-z]+)?"
)
"""A name of a function lost, told by its verb, with at most one noun after it."""


def verb_stem(word: str) -> str:
    """The stem of a verb's base or "-ing" form: "closing" and "close" -> "clos", "running"
    and "run" -> "run", "walking" -> "walk" (the "-ing" suffix, a doubled final consonant
    and a final silent "e" removed, after Porter's step 1b, Porter 1980, "An algorithm for
    suffix stripping", Program 14(3):130-137)."""
    word = word.lower()
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
        if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz":
            word = word[:-1]
    return word.removesuffix("e") if len(word) > 3 else word


@lru_cache(maxsize=1)
def function_verbs() -> frozenset[str]:
    """The stems of the verbs of bodily functions (see the module's docstring), built once
    and kept on disk (:func:`.gloss_cache.cached`)."""
    return cached("function-verbs", _build)  # type: ignore[return-value]


def _build() -> frozenset[str]:
    tables = default_coder().tables

    @cache
    def mental(code: str) -> bool:
        return any(p in MENTAL or mental(p) for p in tables.parents.get(code, ()))

    verbs: set[str] = set()
    for key, code in tables.mention_keys.items():
        name = _NAME.fullmatch(key)
        if name and not mental(code) and code not in MENTAL:
            verbs.add(verb_stem(name.group("base") or name.group("ing")))
    return frozenset(verbs)
