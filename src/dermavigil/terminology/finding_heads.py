"""Head nouns of clinical findings, derived from the HPO's and the Disease Ontology's names.

A clinical finding is named by a noun phrase whose last word, its head, says what kind of
finding it is ("joint *stiffness*", "cerebral *infarction*", "lymph node *enlargement*"),
and whose earlier words say where and how. The heads are read off the names themselves:
the last token of every phenotype key of the HPO index
(:attr:`~dermavigil.terminology.coder_cache.CoderTables.mention_keys`, labels and synonyms
outside the branches that name no reaction) and of every Disease Ontology name
(:func:`~dermavigil.terminology.disease_spans.disease_keys`), kept when

- it heads at least :data:`MIN_NAMES` names (a head word, not one name's own word); the last
  word of a name with a preposition heads nothing ("bacteria in blood *culture*": the head is
  "bacteria");
- it names what is abnormal by itself: fewer than :data:`QUALIFIED_SHARE` of its names begin
  with a qualifier of a quantity (:data:`QUALIFIERS`: "*reduced* visual acuity", "*increased*
  corneal thickness": "acuity" and "thickness" are measures, no findings);
- it has the form of an abstract noun of a state, process or condition: a derivational
  suffix of the nominalisations clinical English forms its findings with (``-tion``,
  ``-ment``, ``-ness``, ``-ity``, ``-ure``, ``-age``, ``-ance``/``-ence``, ``-osis``,
  ``-itis``, ``-ism``, ``-ia``, ``-oma``, ``-pathy``, ``-ing`` ...), the morphology a
  head noun of a medical term carries (McCray AT, Browne AC, Moore DL 1988, "The semantic
  structure of neo-classical compounds", Proc SCAMC:165-168);
- it is no word of the body part or function a grouping term names ("Abnormality of the
  *joints*", "Abnormal *movement* physiology" -> no head "movement" of its own: an
  anatomical or functional word, which a finding phrase names as *where*, not *what*).

The vocabulary is built once from the coder's tables (no word list of ours).
"""

from __future__ import annotations

import re
from functools import lru_cache

from dermavigil.terminology.coder import default_coder
from dermavigil.terminology.disease_spans import disease_keys
from dermavigil.terminology.gloss_cache import cached
from dermavigil.terminology.normalize import normalize

MIN_NAMES = 3
"""Names a word must head to be a head noun."""
QUALIFIED_SHARE = 0.4
"""The share of a word's names that begin with a qualifier above which it names a measure."""
QUALIFIERS = frozenset(
    re.findall(
        r"\w+",
        """abnormal abnormality increased decreased reduced elevated low high absent impaired
        delayed prolonged short long lack loss enlarged small large diminished poor excessive
        excess deficient defective altered aberrant normal variable limited restricted""",
    )
)
"""Words of a quality's degree or direction (the PATO qualities the HPO composes its names
with: increased, decreased, abnormal, absent ...)."""
_PREPOSITION = re.compile(r"\b(?:of|in|on|with|without|to|due|from|at|by|for|after|during)\b")
_NOMINAL = re.compile(
    r"[a-z]{3,}(?:tion|sion|ment|ness|ity|ure|age|ance|ence|ency|ancy|osis|itis|ism|ia|oma"
    r"|pathy|algia|rrhea|sis|xis|ing)"
)
"""A derivational suffix of an abstract noun of a state, process or condition."""
_GROUPING = re.compile(
    r"Abnormality of (?:the )?(?P<a>.+)|Abnormal (?P<b>.+) (?:morphology|physiology)"
)
"""A grouping label and the body part or function it names."""


@lru_cache(maxsize=1)
def finding_heads() -> frozenset[str]:
    """The normalised head nouns of clinical findings (see the module's docstring), built
    once and kept on disk (:func:`.gloss_cache.cached`)."""
    return cached("finding-heads", _build)  # type: ignore[return-value]


def _build() -> frozenset[str]:
    return frozenset(word for word in _name_heads() if _NOMINAL.fullmatch(word))


@lru_cache(maxsize=1)
def name_heads() -> frozenset[str]:
    """The words that head phenotype and disease names as :func:`finding_heads` reads them,
    whatever their suffix ("foot *drop*", "panic *attack*", "epidermal *cyst*"): the head
    noun of a finding's name, which a title's head may end with (:mod:`~dermavigil.literature.
    extract.title_head`)."""
    return cached("name-heads", _name_heads)  # type: ignore[return-value]


def finding_noun(word: str) -> bool:
    """The word can head a finding's name: it heads phenotype or disease names
    (:func:`name_heads`) or has the suffix of an abstract noun of a state or process."""
    key = normalize(word)
    return key in name_heads() or _NOMINAL.fullmatch(key) is not None


def _name_heads() -> frozenset[str]:
    tables = default_coder().tables
    where: set[str] = set()
    for name in tables.names.values():
        grouping = _GROUPING.fullmatch(name)
        if grouping:
            where.update(normalize(grouping.group("a") or grouping.group("b")).split())
    counts: dict[str, int] = {}
    qualified: dict[str, int] = {}
    for key in [*tables.mention_keys, *disease_keys()]:
        if _PREPOSITION.search(key):
            continue
        last = key.rsplit(" ", 1)[-1]
        counts[last] = counts.get(last, 0) + 1
        qualified[last] = qualified.get(last, 0) + (key.split(" ", 1)[0] in QUALIFIERS)
    return frozenset(
        word
        for word, count in counts.items()
        if count >= MIN_NAMES and qualified[word] < QUALIFIED_SHARE * count and word not in where
    )


@lru_cache(maxsize=1)
def finding_participles() -> frozenset[str]:
    """The participles in "-ed" that begin an HPO phenotype name ("*impaired* consciousness",
    "*enlarged* lymph nodes", "*restricted* ... mobility"): the ones that modify a finding's
    head, where another "-ed" word before a finding is a verb that tells it ("she *noticed*
    ...")."""
    return frozenset(
        first
        for key in default_coder().tables.mention_keys
        if (first := key.split(" ", 1)[0]).endswith("ed") and " " in key
    )


@lru_cache(maxsize=1)
def finding_gerunds() -> frozenset[str]:
    """The forms in "-ing" that begin an HPO phenotype or a Disease Ontology name of two words
    or more ("*relapsing* polychondritis", "*necrotizing* fasciitis", "*sclerosing*
    cholangitis"): they modify a finding's head as a participle in "-ed" does
    (:func:`finding_participles`), where another "-ing" form before a finding is a verb or
    an adverbial one ("*causing* ...", "rapidly *enlarging* ...")."""
    keys = [*default_coder().tables.mention_keys, *disease_keys()]
    return frozenset(
        first for key in keys if (first := key.split(" ", 1)[0]).endswith("ing") and " " in key
    )
