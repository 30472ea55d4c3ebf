"""Phenotypes named in Spanish, Portuguese, French, German, Italian, Japanese, Chinese or
Turkish: the HPO translations.

The HPO project publishes translations of its labels (Köhler S et al. 2021, "The Human
Phenotype Ontology in 2021", Nucleic Acids Res 49(D1):D1207-D1217; repository
``obophenotype/hpo-translations``, CC BY 4.0). ``data/hpo_translations.tsv`` holds the
translated labels of the terms the coder looks reaction mentions up by (derived by
``scripts/build_hpo_translations.py``, see ``data/PROVENANCE.md``). A text in one of these
languages is matched against them as the English text is matched against the index
(:mod:`dermavigil.terminology.phenotype_spans`): word tokens folded (case, accents) and
lightly stemmed on both sides (:func:`fold`), left to right, longest match first, without
overlap. The term found is the same HPO id the English path gives, so the English label,
the hierarchy and the seriousness subtrees apply unchanged.

The table is read once, on first use, and only for a text in one of these languages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dermavigil.terminology.derivation import noun_forms
from dermavigil.terminology.phenotype_spans import token_matches
from dermavigil.terminology.translation_match import (
    UNSPACED,
    edges,
    turkish_stem,
    unspaced_key,
    unspaced_spans,
)

LANGUAGES = ("es", "pt", "fr", "de", "it", "ja", "zh", "tr")
"""ISO 639-1 codes of the translations shipped (Japanese, Chinese and Turkish are matched
as :mod:`.translation_match` says)."""
MOST_TOKENS = 8
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_JOIN = re.compile(r"[\s'\u2019-]*")
"""What may stand between two tokens of one name (space, hyphen, apostrophe)."""
_PLURAL_PT = re.compile(r"(?:oes|aes)$")
_STOP = {
    "es": {"de", "del", "la", "el", "los", "las", "en", "y", "a", "por", "con"},
    "pt": {"de", "do", "da", "dos", "das", "o", "a", "os", "as", "em", "no", "na", "e", "por"},
    "fr": {"de", "du", "des", "la", "le", "les", "l", "d", "en", "et", "a", "au", "aux"},
    "de": {"der", "die", "das", "des", "dem", "den", "und", "im", "am", "von"},
    "it": {"di", "del", "della", "dei", "delle", "la", "il", "lo", "le", "i", "gli", "e", "in"},
}
"""Function words a label and a text may word differently ("úlcera de la piel"): not part of
a key's tokens."""


_NOT_READ: frozenset[tuple[str, str]] = frozenset(
    {
        # a test's result in case text ("ツベルクリン反応陰性", a negative tuberculin test),
        # the label of Negativism (HP:0410291) and its opposite
        ("ja", "陰性"), ("ja", "陽性"), ("zh", "阴性"), ("zh", "阳性"),
        # labels the source gives a term they do not name: 多汗症 is hyperhidrosis (HP:0000975,
        # "多汗"), not Hyperpyrexia (HP:0033031); 指基節骨 is the bone itself, not
        # "Duplication of the proximal phalanx of hand" (HP:0010006)
        ("ja", "多汗症@HP:0033031"), ("ja", "指基節骨@HP:0010006"),
    }
)  # fmt: skip
"""Translated labels not read: a word case text uses for something else, and a label the
source gives to a term it does not name (checked against the English label); the term's
other labels, and other terms' labels, are read as usual."""
_FALLBACK = {"pt": ("pt", "es")}
"""Portuguese labels first, then the Spanish ones the Portuguese translation lacks (the
two languages share most clinical words: "edema", "eritema"; the Portuguese file translates
fewer terms)."""


@dataclass(frozen=True)
class TranslatedSpan:
    """A phenotype named in another language: its characters and its HPO id."""

    start: int
    end: int
    term_id: str


@lru_cache(maxsize=65536)
def fold(token: str, language: str) -> str:
    """``token`` lower-cased, accents stripped and its plural cut, by the language's rule:
    Spanish and Portuguese drop a final -s, or -es after a consonant ("lesiones" ->
    "lesion", "dolores" -> "dolor"; Portuguese -ões/-ães -> -ão); French a final -s or -x;
    Italian a final vowel ("noduli", "nodulo" -> "nodul"); German -en/-e/-n/-s (light
    S-stemmers in the spirit of Harman 1991, "How effective is suffixing?", JASIS
    42(1):7-15)."""
    folded = unicodedata.normalize("NFKD", token.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("ß", "ss")
    folded = folded.replace("\u0153", "oe").replace("\u00e6", "ae")
    if language == "tr":
        return turkish_stem(token)
    if len(folded) <= 4:
        return folded
    if language == "de":
        return re.sub(r"(?:en|e|n|s)$", "", folded)
    if language == "it":
        return folded[:-1] if folded[-1] in "aeio" else folded
    if language == "fr":
        return folded[:-1] if folded[-1] in "sx" else folded
    if language == "pt":
        folded = _PLURAL_PT.sub("ao", folded)
    if re.search(r"[^aeiou]es$", folded):
        return folded[:-2]
    return folded[:-1] if folded.endswith("s") else folded


def tokens(text: str, language: str) -> list[tuple[str, int, int]]:
    """(folded token, start, end) of the content words of ``text``."""
    stop = _STOP.get(language, set())
    return [
        (fold(m.group(0), language), m.start(), m.end())
        for m in _WORD.finditer(text)
        if m.group(0).lower() not in stop
    ]


@lru_cache(maxsize=len(LANGUAGES))
def translated_keys(language: str) -> dict[str, str]:
    """Folded translated label -> HPO id, for one language (empty for any other)."""
    keys: dict[str, str] = {}
    if language not in LANGUAGES:
        return keys
    for lang, term, label in _rows(_FALLBACK.get(language, (language,))):
        if (lang, label) in _NOT_READ or (lang, f"{label}@{term}") in _NOT_READ:
            continue
        if language in UNSPACED:
            key = unspaced_key(label, language)
        else:
            key = " ".join(t for t, _, _ in tokens(label, language))
        if key and (key not in keys or (lang == language and term < keys[key])):
            keys[key] = term
    return keys


@lru_cache(maxsize=len(LANGUAGES))
def _rows(languages: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """The rows of ``languages`` only (the table holds eight)."""
    data = resources.files("dermavigil.terminology") / "data" / "hpo_translations.tsv"
    heads = tuple(f"{lang}\t" for lang in languages)
    lines = data.read_text(encoding="utf-8").splitlines()
    return tuple(tuple(line.split("\t")) for line in lines if line.startswith(heads))  # type: ignore[misc]


def translated_labels(language: str) -> tuple[tuple[str, str, str], ...]:
    """(language, HPO id, translated label) of every row of ``language``."""
    return _rows((language,))


@lru_cache(maxsize=len(UNSPACED))
def _edges(language: str) -> tuple[frozenset[str], frozenset[str]]:
    return edges(translated_keys(language))


@lru_cache(maxsize=len(LANGUAGES))
def _starts(language: str) -> frozenset[str]:
    return frozenset(key.split(" ", 1)[0] for key in translated_keys(language))


def translated_spans(text: str, language: str) -> list[TranslatedSpan]:
    """The phenotypes ``text`` (written in ``language``) names, left to right, longest first."""
    keys = translated_keys(language)
    if not keys:
        return []
    if language in UNSPACED:
        found = unspaced_spans(text, keys, _edges(language), language)
        return [TranslatedSpan(start, end, term) for start, end, term in found]
    starts = _starts(language)
    found_tokens = tokens(text, language)
    joined = [
        _JOIN.fullmatch(text, a[2], b[1]) is not None or _only_stop(text[a[2] : b[1]], language)
        for a, b in zip(found_tokens, found_tokens[1:], strict=False)
    ]
    found = [
        TranslatedSpan(m.start, m.end, m.term_id)
        for m in token_matches(found_tokens, joined, keys, starts, MOST_TOKENS)
    ]
    for _, start, end in found_tokens:
        if any(f.start < end and start < f.end for f in found):
            continue
        term = _adjective_term(text[start:end], language)
        if term is not None:
            found.append(TranslatedSpan(start, end, term))
    return sorted(found, key=lambda f: f.start)


def _adjective_term(word: str, language: str) -> str | None:
    """The HPO id of the one-word label of the noun ``word`` (an adjective) derives from
    (:func:`.derivation.noun_forms`: "placas equimóticas" -> equimosis, "lesiones
    necróticas" -> necrosis, "nécrotique" -> nécrose): an adjective a label does not hold is
    looked up as its noun (adjective forms are reactions like their nouns,
    docs/annotation.md)."""
    keys = translated_keys(language)
    folded = fold(word, language)
    for noun in noun_forms(word, language):
        key = fold(noun, language)
        if key != folded and key in keys:
            return keys[key]
    return None


def _only_stop(gap: str, language: str) -> bool:
    """A gap of spaces and function words only ("de la"): the tokens around it are adjacent."""
    stop = _STOP.get(language, set())
    words = _WORD.findall(gap)
    return bool(words) and all(w.lower() in stop for w in words) and not re.search(r"[,;.:()]", gap)
