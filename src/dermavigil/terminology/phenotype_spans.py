"""Where a text names an HPO phenotype: dictionary look-up of the index itself in running text.

Every label and synonym of a term under *Phenotypic abnormality* (HP:0000118)
outside the branches a text names as something other than a reaction
(:data:`~dermavigil.terminology.coder_cache.NOT_A_REACTION`) is a key; a text's
word tokens are normalised as the index normalises its keys
(:func:`~dermavigil.terminology.normalize.normalize`) and matched left to right,
longest match first, without overlap — the dictionary look-up of MetaMap's
candidate phrases and of the NCBO Annotator's "longest only" option (Aronson AR
2001, "Effective mapping of biomedical text to the UMLS Metathesaurus: the MetaMap
program", Proc AMIA Symp:17-21; Jonquet C, Shah NH, Musen MA 2009, "The Open
Biomedical Annotator", AMIA Summit on Translational Bioinformatics:56-60). The more
specific term of a longer phrase wins over its parent in a shorter one ("ophthalmic
artery occlusion", not "artery occlusion"). The clinical wordings the coder codes beside the
HPO's own (:mod:`~dermavigil.terminology.clinical_wordings`: "fat necrosis", "bruise",
"itch") are keys too (:func:`wording_keys`), so that the finder looks for what the coder
can code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dermavigil.terminology.clinical_wordings import (
    CLINICAL_SENSE,
    COLOUR_WORDS,
    EQUIVALENT,
    NEAREST_PARENT,
)
from dermavigil.terminology.coder import default_coder
from dermavigil.terminology.coder_cache import MENTION_TOKENS, NOT_A_REACTION
from dermavigil.terminology.normalize import normalize

_TOKEN = re.compile(r"[A-Za-z0-9]+")
_JOIN = re.compile(r"(?:['\u2019]s\b)?[\s'\u2019-]*")
"""What may stand between two tokens of one key: space, a hyphen, an apostrophe ("Jessner's");
a comma or a bracket ends a phrase."""
_POSSESSIVE_S = re.compile(r"[A-Za-z]['\u2019]s")
"""An eponym's possessive "s" ("Cushing's syndrome"), no token: the keys drop it too
(:func:`~dermavigil.terminology.normalize.normalize`)."""


@dataclass(frozen=True)
class PhenotypeSpan:
    """A phenotype named in the text: its characters and the term its key names first."""

    start: int
    end: int
    term_id: str


_ADJECTIVE = re.compile(
    r"[a-z]{3,}(?:ous|ic|ed|al|ar|ive|ful|en|ish|er|y|ile|ent|less|ose|oid)|red|tender"
)
"""A one-word descriptive adjective: the reaction finder reads those on their own (its
adjective and verb forms), never as an index key."""
_HISTOLOGY = re.compile(r".*\b(?:cells?|keratinocytes?|metaplasia|infiltrate)\b.*")
"""A wording of the microscope ("multinucleated giant cell", "syringosquamous metaplasia"): a
histopathology finding, which the findings reader takes, not a reaction."""


@lru_cache(maxsize=1)
def wording_keys() -> dict[str, str]:
    """The clinical wordings of :mod:`~dermavigil.terminology.clinical_wordings` that are no
    HPO key: nouns and noun phrases (no colour, no one-word adjective) whose term lies outside
    the branches a text names as something other than a reaction
    (:data:`~dermavigil.terminology.coder_cache.NOT_A_REACTION`: "eosinophil" is a cell)."""
    tables = default_coder().tables
    keys: dict[str, str] = {}
    for table in (CLINICAL_SENSE, EQUIVALENT, NEAREST_PARENT):
        for wording, term in table.items():
            key = normalize(wording)
            if (
                key in tables.mention_keys
                or key in keys
                or key in COLOUR_WORDS
                or _ADJECTIVE.fullmatch(key)
                or _HISTOLOGY.fullmatch(key)
                or _not_a_reaction(term)
            ):
                continue
            keys[key] = term
    return keys


def _not_a_reaction(term: str) -> bool:
    parents = default_coder().tables.parents
    stack, seen = [term], set()
    while stack:
        current = stack.pop()
        if current in NOT_A_REACTION:
            return True
        if current not in seen:
            seen.add(current)
            stack.extend(parents.get(current, ()))
    return False


@lru_cache(maxsize=1)
def _keys() -> dict[str, str]:
    return default_coder().tables.mention_keys | wording_keys()


@lru_cache(maxsize=1)
def _first_tokens() -> frozenset[str]:
    return first_tokens(_keys())


def first_tokens(keys: dict[str, str]) -> frozenset[str]:
    """The first token of every key: a text token that is none starts no match."""
    return frozenset(key.split(" ", 1)[0] for key in keys)


def phenotype_spans(text: str) -> list[PhenotypeSpan]:
    """The phenotypes the text names, left to right, longest match first."""
    return longest_matches(text, _keys(), _first_tokens())


def longest_matches(
    text: str, keys: dict[str, str], starts: frozenset[str], most: int = MENTION_TOKENS
) -> list[PhenotypeSpan]:
    """The keys (normalised phrases of at most ``most`` tokens -> term id) the text names, left
    to right, longest match first, without overlap; ``starts``: :func:`first_tokens` of
    ``keys``."""
    tokens = [
        (normalize(m.group(0)), m.start(), m.end())
        for m in _TOKEN.finditer(text)
        if not _POSSESSIVE_S.fullmatch(text, max(0, m.start() - 2), m.end())
    ]
    joined = [
        _JOIN.fullmatch(text, a[2], b[1]) is not None
        for a, b in zip(tokens, tokens[1:], strict=False)
    ]
    return token_matches(tokens, joined, keys, starts, most)


def token_matches(
    tokens: list[tuple[str, int, int]],
    joined: list[bool],
    keys: dict[str, str],
    starts: frozenset[str],
    most: int = MENTION_TOKENS,
) -> list[PhenotypeSpan]:
    """The dictionary look-up of :func:`longest_matches` over tokens already normalised
    ((key token, start, end); ``joined[i]``: tokens i and i + 1 may be one phrase's)."""
    found: list[PhenotypeSpan] = []
    i = 0
    while i < len(tokens):
        if tokens[i][0] not in starts:
            i += 1
            continue
        longest = 1
        while longest < most and i + longest < len(tokens) and joined[i + longest - 1]:
            longest += 1
        for size in range(longest, 0, -1):
            key = " ".join(t[0] for t in tokens[i : i + size])
            term = keys.get(key)
            if term is not None:
                found.append(PhenotypeSpan(tokens[i][1], tokens[i + size - 1][2], term))
                i += size
                break
        else:
            i += 1
    return found
