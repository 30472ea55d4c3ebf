"""Diagnoses named by the words before a generic head: "purple glove syndrome", "high-pressure
injection injury".

A syndrome or an injury is a reaction of the patient only with the words that name it ("ASIA
syndrome", "post-injection delirium/sedation syndrome", "iatrogenic Cushing's syndrome",
"sciatic nerve injection injury", "extravasation injury"); the head alone ("the syndrome", "an
injury") names nothing and is no mention. The clinical heads of :mod:`.mention_words` already
give a syndrome named by a reaction ("silicone embolism syndrome"); this reader takes those the
head list lacks, words of any form (capitalised, hyphenated, with a slash or a possessive),
up to the first word that cannot name one (a determiner, a preposition, a verb form). The
named diagnosis is kept whole, as the reader writes it (``docs/annotation.md``, ``reactions``:
"Nicolau syndrome"; the w0xx round's high-pressure injection injuries).
"""

from __future__ import annotations

import re
from functools import cache

from dermavigil.literature.extract.mention_words import HEADS

_WORD = r"[A-Za-z][\w'\u2019/]*(?:-[\w'\u2019/]+)*"
_NAMED = re.compile(
    rf"(?<![\w'\u2019/-])(?P<words>(?:{_WORD}\s+){{1,4}})(?P<head>syndromes?|injur(?:y|ies))"
    r"(?![\w-])",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"(?:a|an|the|of|with|and|or|to|in|on|at|by|for|from|after|following|as|was|were|is|are"
    r"|be|been|had|has|have|her|his|their|our|its|my|this|that|these|those|which|who|whose"
    r"|whom|no|not|any"
    r"|both|each|such|some|other|same|without|within|into|under|over|than|then|also|due|post"
    r"|case|cases|patient|patients|risk|signs?|evidence|type|types|kind|form|forms|possible"
    r"|potential|probable|suspected|further|rare|common|known|new|novel|typical|classic"
    r"|avoid|prevent|cause|causes|reduce|develop|develops|present|presents|suffer|suffers"
    r"|mimic|mimics|resemble|resembles|include|includes|like|called|termed|named|so-called"
    r"|endorses?|reports?|denies|past|previous|prior|history|old"
    r"|\w{2,}ed|\w{2,}ing|\w{2,}ly)",
    re.I,
)
"""A word that names no syndrome or injury: the name starts after the last one ("concern for
compartment syndrome" -> "compartment syndrome"; "a case of this syndrome" -> none)."""
_QUALIFIER = re.compile(r"[a-z]+(?:ic|al|ous|ive|or)|tissue|component", re.I)
"""A word that only qualifies an injury ("a traumatic injury", "a minor injury", "tissue
injury"): an injury is named by what or where ("extravasation injury", "parotid gland
injury")."""


def named_diagnoses(text: str) -> list[tuple[int, int]]:
    """Spans of the syndromes and injuries the text names with the words before the head, left
    to right; a head no naming word precedes is none."""
    spans = []
    for match in _NAMED.finditer(text):
        words = list(re.finditer(r"\S+", match.group("words")))
        keep = len(words)
        while keep and not _NOT_A_NAME.fullmatch(words[keep - 1].group(0)):
            keep -= 1
        named = words[keep:]
        if not named or (
            match.group("head").lower().startswith("injur")
            and all(_QUALIFIER.fullmatch(w.group(0)) for w in named)
        ):
            continue
        start = match.start("words") + named[0].start()
        spans.append((start, match.end()))
    return spans


_MORPHOLOGY = re.compile(
    r"(?<![\w-])(?:(?:generali[sz]ed|locali[sz]ed|diffuse|widespread|cutaneous|skin)\s+){0,2}"
    r"(?:(?!(?:a|de)?void\b)[A-Za-z]{3,}(?:oid|iform)|[A-Za-z]+-like|eczematous"
    r"|bullous|urticarial|papulosquamous|(?:maculo|papulo)?(?:papular|nodular|vesicular"
    r"|pustular))\s+(?:(?:skin|cutaneous)\s+)?(?:lesions?|reactions?|eruptions?)(?![\w-])",
    re.I,
)
"""A lesion, reaction or eruption named by its morphology, the dermatologist's diagnosis
("lichenoid reaction", "acneiform lesions", "psoriasiform eruption", "a lupus-like reaction",
"targetoid lesions", "anaphylactoid reaction"): the adjective is no clinical head of its own,
the generic noun none either."""


@cache
def _like_a_head() -> re.Pattern[str]:
    """What a reaction looked like when that is a clinical head ("a cellulitis-like reaction"):
    no cellulitis, and no morphology of its own (:mod:`.mentions` sets it aside). Compiled on
    first use: only a lesion named by its morphology needs it."""
    return re.compile(rf"(?<![\w-])(?:{HEADS})-like\b", re.I)


def morphology_diagnoses(text: str) -> list[tuple[int, int]]:
    """Spans of the lesions, reactions and eruptions the text names by their morphology."""
    return [
        match.span()
        for match in _MORPHOLOGY.finditer(text)
        if not _like_a_head().search(match.group(0))
    ]
