"""Code verbatim reaction, finding and body-site phrases to the HPO.

Method, in order (the first step that yields a code wins; the tables named are in
:mod:`~dermavigil.terminology.clinical_wordings`):

0. **Clinical sense** (:data:`clinical_wordings.CLINICAL_SENSE`): a few reaction wordings whose
   lexical HPO match is another sense ("hypersensitivity reaction" is a
   synonym of *Emotional hypersensitivity*) go to the clinical term
   (*Immunologic hypersensitivity*), score 0.95.
1. **Lexical match** of the whole phrase on HPO labels and synonyms after
   normalisation (:mod:`~dermavigil.terminology.normalize`). When the plain
   phrase has no skin-subtree match, the skin-context forms "skin X",
   "cutaneous X" and "X of the skin" are tried too (a "nodule" in a
   dermatology report is a *Skin nodule*, HP:0200036). Score 1.0 for a label,
   0.95 for an EXACT synonym, 0.9 for other synonym scopes. A few clinical
   wordings the HPO lacks as synonyms ("ulceration", "hives") are in
   :data:`clinical_wordings.EQUIVALENT` (score 0.95), including the descriptive adjectives
   that name a finding of their own ("painful" -> Pain, "erythematous" ->
   Erythema) when no precomposed term exists ("erythematous papules" is
   HPO's own *Erythematous papule*, HP:0030350, matched whole first).
   A one-word adjective that neither this step nor step 2 matches is tried as the
   nouns it derives from (:data:`clinical_wordings.DERIVATIONS`: "hypopigmented" ->
   hypopigmentation, "atrophic" -> atrophy), kept only when that noun is a
   skin term (score 0.9).
2. **Nearest-parent table** (:data:`clinical_wordings.NEAREST_PARENT`) for clinical phrases the
   HPO lacks (eccrine necrosis, post-inflammatory hyperpigmentation, ...): the
   verbatim phrase is kept and coded to its nearest HPO parent, marked
   ``nearest_parent=True``; score 0.8.
3. **Sub-phrase scan**: the longest token n-grams of the phrase that match
   steps 1-2 ("painful purplish papules and nodules" -> Pain, Papule, Skin
   nodule), without overlap; scores as above times 0.9.
4. **Fuzzy fallback** with ``rapidfuzz`` (``token_sort_ratio``, Levenshtein
   based) against the lexicon of codable terms, accepted at >= 90/100 (a single word
   with at most one edit, insertion or deletion, per six letters, at least one) and scored
   ratio/100 (catches spelling variants such as "leucocytoclastic
   vasculitis", not another word a syllable away: "hyperemia" is not "hyperoxemia").

A wording of :data:`clinical_wordings.NOT_CODED` (one the HPO lists only under a narrower
term) is left uncoded, whole or inside a longer phrase.

Only terms under *Phenotypic abnormality* (HP:0000118) are given, so modifier
terms ("Central", "Recurrent") never code a phrase. A phrase nothing matches
is returned uncoded (an empty list): codes are never guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from dermavigil.domain.case import CodedTerm
from dermavigil.terminology.clinical_wordings import (
    CLINICAL_SENSE,
    COLOUR_WORDS,
    EQUIVALENT,
    NEAREST_PARENT,
    NOT_CODED,
    derived_nouns,
)
from dermavigil.terminology.coder_cache import CoderTables, coder_tables, tables_from_index
from dermavigil.terminology.hpo import HpoIndex, IndexEntry
from dermavigil.terminology.normalize import normalize

FUZZY_CUTOFF = 90.0
_SCOPE_SCORE = {"EXACT": 0.95, "RELATED": 0.9, "NARROW": 0.9, "BROAD": 0.9}

_SKIN_FORMS = ("skin {}", "cutaneous {}", "{} of the skin")


def _uninverted(key: str) -> str:
    """A normalised "X of the Y" as "Y X" ("occlusion of the ophthalmic artery" ->
    "ophthalmic artery occlusion"), the word order of most HPO labels; "" when the key has
    no "of"."""
    head, of, rest = key.partition(" of ")
    if not of or " of " in rest:
        return ""
    return f"{rest.removeprefix('the ').removeprefix('a ')} {head}"


_INABLE = re.compile(r"(?:unable|not able) to |could not |cannot |couldn t |trouble ")
_POSSESSIVE_DETERMINER = re.compile(r" (?:her|his|their|its) ")


def _nominalised(key: str) -> str:
    """A normalised lost function told with the adjective "unable", a modal "could not" or the
    noun "trouble", in the words of the HPO's names ("unable to close her eyelid" ->
    "inability to close the eyelid", "could not walk" -> "inability to walk", "trouble
    chewing" -> "difficulty chewing"); "" when the key tells none."""
    inable = _INABLE.match(key)
    if inable is None:
        return ""
    noun = "difficulty " if inable.group(0) == "trouble " else "inability to "
    return _POSSESSIVE_DETERMINER.sub(" the ", f"{noun}{key[inable.end() :]}")


class PhraseCoder:
    """Codes phrases against the HPO; results cached per phrase.

    Built from an :class:`HpoIndex` or from the cached
    :class:`~dermavigil.terminology.coder_cache.CoderTables` (the same facts).
    """

    def __init__(self, index: HpoIndex | CoderTables) -> None:
        if isinstance(index, HpoIndex):
            index = tables_from_index(index)
        self._tables = index
        self._system = f"HPO {index.release}"
        self._by_length: dict[int, list[int]] = {}
        for position, key in enumerate(index.fuzzy_keys):
            self._by_length.setdefault(len(key), []).append(position)

    @property
    def tables(self) -> CoderTables:
        """The HPO facts the coder reads."""
        return self._tables

    def _term(self, term_id: str, matched: str, score: float, parent: bool) -> CodedTerm:
        term_id = self._tables.alt.get(term_id, term_id)
        return CodedTerm(
            system=self._system,
            code=term_id,
            label=self._tables.names[term_id],
            matched_text=matched,
            score=round(score, 3),
            nearest_parent=parent,
        )

    def _entries(self, key: str) -> list[IndexEntry]:
        scope_rank = {"EXACT": 0, "RELATED": 1, "NARROW": 2, "BROAD": 3}
        skin = self._tables.skin
        entries = [IndexEntry(*e) for e in self._tables.lexicon.get(normalize(key), ())]
        return sorted(
            entries,
            key=lambda e: (not e.is_label, scope_rank.get(e.scope, 4), e.term_id not in skin),
        )

    def _lexical(self, phrase: str, derive: bool = True) -> CodedTerm | None:
        key = normalize(phrase)
        if key in CLINICAL_SENSE:
            return self._term(CLINICAL_SENSE[key], phrase, 0.95, False)
        entries = (
            self._entries(key)
            or self._entries(_uninverted(key))
            or self._entries(_nominalised(key))
        )
        if not entries or entries[0].term_id not in self._tables.skin:
            for form in _SKIN_FORMS:
                skin = self._entries(form.format(key))
                if skin:
                    entries = skin
                    break
        if not entries and key in EQUIVALENT:
            return self._term(EQUIVALENT[key], phrase, 0.95, False)
        if not entries:
            table = NEAREST_PARENT.get(key)
            if table:
                return self._term(table, phrase, 0.8, True)
            return self._derived(phrase, key) if derive else None
        best = entries[0]
        score = 1.0 if best.is_label else _SCOPE_SCORE.get(best.scope, 0.9)
        return self._term(best.term_id, phrase, score, False)

    def _derived(self, phrase: str, key: str) -> CodedTerm | None:
        """The skin finding a descriptive adjective names by its noun ("hypopigmented" ->
        hypopigmentation, "atrophic" -> atrophy): one word, its derivational variants."""
        if " " in key:
            return None
        for noun in derived_nouns(key):
            coded = self._lexical(noun, derive=False)
            if coded is not None and coded.code in self._tables.skin:
                return coded.model_copy(update={"matched_text": phrase, "score": 0.9})
        return None

    def _scan(self, phrase: str) -> list[CodedTerm]:
        words = phrase.replace("-", " ").replace(",", " ").split()
        found: list[tuple[int, CodedTerm]] = []
        used = [False] * len(words)
        for size in range(min(len(words), 6), 0, -1):
            for start in range(len(words) - size + 1):
                if any(used[start : start + size]):
                    continue
                gram = " ".join(words[start : start + size])
                if size == 1 and normalize(gram) in COLOUR_WORDS:
                    continue
                if normalize(gram) in NOT_CODED:
                    used[start : start + size] = [True] * size
                    continue
                coded = self._lexical(gram)
                if coded is not None:
                    coded = coded.model_copy(update={"score": round(coded.score * 0.9, 3)})
                    found.append((start, coded))
                    used[start : start + size] = [True] * size
        return [coded for _, coded in sorted(found, key=lambda item: item[0])]

    def _fuzzy(self, phrase: str) -> CodedTerm | None:
        key = normalize(phrase)
        if len(key) < 5:
            return None
        # a ratio of 90 needs lengths within 9/11..11/9 of each other (the Indel distance is at
        # least the length difference): only those keys are compared, in the lexicon's order
        size = len(key)
        positions = sorted(
            p
            for length in range(size * 9 // 11 - 1, size * 11 // 9 + 2)
            for p in self._by_length.get(length, ())
        )
        keys = [self._tables.fuzzy_keys[p] for p in positions]
        match = process.extractOne(
            key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF
        )
        if match is None or (" " not in key and Indel.distance(key, match[0]) > max(1, size // 6)):
            return None  # "hyperemia" is no spelling of "hyperoxemia" (2 edits in 9 letters)
        entries = [IndexEntry(*e) for e in self._tables.lexicon[match[0]]]
        if not entries:
            return None
        return self._term(entries[0].term_id, phrase, match[1] / 100.0, False)

    def code_whole(self, phrase: str) -> CodedTerm | None:
        """The term ``phrase`` names as a whole (a label, synonym or clinical wording, or a
        descriptive adjective's noun), never by a part of it or by a fuzzy spelling."""
        if not normalize(phrase) or normalize(phrase) in NOT_CODED:
            return None
        return self._lexical(" ".join(phrase.split()))

    def code(self, text: str) -> list[CodedTerm]:
        """Codes for one phrase, best first; ``[]`` when nothing matches."""
        phrase = " ".join(text.split())
        if not normalize(phrase) or normalize(phrase) in NOT_CODED:
            return []
        whole = self._lexical(phrase)
        if whole is not None:
            return [whole]
        parts = self._scan(phrase)
        if parts:
            return _unique(parts)
        fuzzy = self._fuzzy(phrase)
        return [fuzzy] if fuzzy else []


def suggest(text: str, limit: int = 8) -> list[CodedTerm]:
    """Terms for a look-up as someone types (the intake form): what the coder would give
    the phrase first, then terms whose label or synonym contains every word typed (a word
    start), skin terms and labels first, shorter first. Empty under two characters."""
    key = normalize(text)
    if len(key) < 2:
        return []
    coder = default_coder()
    found = list(_cached(text))
    words = key.split()
    tables = coder._tables
    hits: list[tuple[tuple[int, int, int, int], str, str]] = []
    for phrase, entries in tables.lexicon.items():
        padded = " " + phrase
        if not all(" " + w in padded for w in words):
            continue
        for term_id, _is_label, _scope in entries[:1]:
            rank = (
                0 if phrase.startswith(key) else 1,
                0 if term_id in tables.skin else 1,
                0 if _is_label else 1,
                len(phrase),
            )
            hits.append((rank, term_id, phrase))
    hits.sort()
    seen = {t.code for t in found}
    for _rank, term_id, phrase in hits:
        if len(found) >= limit:
            break
        term_id = tables.alt.get(term_id, term_id)
        if term_id in seen or term_id not in tables.names:
            continue
        seen.add(term_id)
        found.append(coder._term(term_id, phrase, 1.0, False))
    return [t.model_copy() for t in found[:limit]]


_ADJECTIVE = re.compile(r"[a-z]{3,}(?:ous|ic|ed|al|ar|ive|ful|en|ish|er|y)")
_NOT_DESCRIPTIVE = frozenset({"red", "reddish", "granulomatous", "macular", "inflamed"})
"""Adjectives that name a finding only beside a lesion noun: a colour ("cherry red spot"),
the histology word "granulomatous", the eye's "macular"."""


@lru_cache(maxsize=4096)
def finding_adjective(word: str) -> tuple[CodedTerm, ...]:
    """The skin finding a descriptive adjective names on its own ("a tender, hypopigmented
    depression" -> Tender, Hypopigmentation of the skin): a one-word clinical wording of
    :data:`clinical_wordings.EQUIVALENT` or an adjective whose derived noun
    (:func:`clinical_wordings.derived_nouns`) is a skin term; () for any other word."""
    key = normalize(word)
    if key in _NOT_DESCRIPTIVE or key in COLOUR_WORDS or not _ADJECTIVE.fullmatch(key):
        return ()
    coder = default_coder()
    if key in EQUIVALENT:
        return (coder._term(EQUIVALENT[key], word, 0.95, False),)
    derived = coder._derived(word, key)
    return (derived,) if derived is not None else ()


def _unique(terms: list[CodedTerm]) -> list[CodedTerm]:
    seen: set[str] = set()
    out = []
    for term in terms:
        if term.code not in seen:
            seen.add(term.code)
            out.append(term)
    return out


@lru_cache(maxsize=1)
def default_coder() -> PhraseCoder:
    """The coder over the packaged HPO release, built lazily once per process.

    Its tables come from the on-disk cache when valid
    (:func:`~dermavigil.terminology.coder_cache.coder_tables`).
    """
    return PhraseCoder(coder_tables())


@lru_cache(maxsize=8192)
def _cached(text: str) -> tuple[CodedTerm, ...]:
    return tuple(default_coder().code(text))


def code_phrase(text: str) -> list[CodedTerm]:
    """HPO codes for a verbatim phrase (see the module docstring for the method)."""
    return [term.model_copy() for term in _cached(text)]
