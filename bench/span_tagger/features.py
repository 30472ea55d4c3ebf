"""Token features for the learned span tagger (a linear-chain CRF).

A conditional random field (Lafferty, McCallum & Pereira 2001, "Conditional random fields:
probabilistic models for segmenting and labeling sequence data", ICML) labels each token of a
sentence B-/I-/O for the fields the gold facts list (``docs/annotation.md``, "Gold facts"):
``REACTION``, ``TREATMENT``, ``HISTO`` (histopathology) and ``SITE``. The features are those of
the classic CoNLL named-entity taggers: the lower-cased word, its shape, prefixes and
suffixes, the words of a +-2 window; beside them what the extractor itself knows of the
token: inside an HPO phenotype key (:func:`~dermavigil.terminology.phenotype_spans.
phenotype_spans`, the coder's index), a body-site wording (:func:`.sites.find_sites`), a
lexicon drug name (:func:`~dermavigil.terminology.drugs.find_drugs`), a negation cue before it
in its sentence, and its sentence's role (title, patient sentence, a sentence continuing the
case, background) and section. Pure: a text and its sentences in, feature dicts out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermavigil.literature.extract.relevance import case_sentences, patient_sentences
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites
from dermavigil.terminology.drugs import find_drugs
from dermavigil.terminology.phenotype_spans import phenotype_spans

FIELDS = ("REACTION", "HISTO", "TREATMENT", "SITE")
"""The tagged fields, in the order gold spans claim tokens (an earlier field wins)."""

_TOKEN = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]")
_NEGATION = frozenset(
    {"no", "not", "without", "denied", "denies", "negative", "absence", "absent", "free",
     "excluded", "ruled", "nor", "neither", "none"}
)  # fmt: skip
_HISTO_WORDS = re.compile(
    r"biops\w*|histo\w*|patholog\w*|microscop\w*|stain\w*|immunohisto\w*|specimen\w*", re.I
)


@dataclass(frozen=True)
class Token:
    """A token of a sentence: its characters in the text and its word."""

    start: int
    end: int
    word: str


def tokenize(sentence: Sentence) -> list[Token]:
    """The tokens of ``sentence`` (runs of letters, runs of digits, single punctuation), each
    with its span in the whole text."""
    return [
        Token(sentence.start + m.start(), sentence.start + m.end(), m.group(0))
        for m in _TOKEN.finditer(sentence.text)
    ]


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"\d", "d", word)))
    return re.sub(r"(.)\1+", r"\1\1", shape)


def _marks(spans: list[tuple[int, int]]) -> dict[int, str]:
    """Start offset -> "B", offsets inside -> "I": looked up by a token's start."""
    out: dict[int, str] = {}
    for start, end in spans:
        out[start] = "B"
        for i in range(start + 1, end):
            out.setdefault(i, "I")
    return out


@dataclass(frozen=True)
class TextMarks:
    """What the extractor's own readers mark in a text: phenotype keys, sites, drug names."""

    hpo: dict[int, str]
    site: dict[int, str]
    drug: dict[int, str]


def text_marks(text: str) -> TextMarks:
    """The vocabulary marks of ``text`` (each a map from a character offset to B/I)."""
    return TextMarks(
        hpo=_marks([(p.start, p.end) for p in phenotype_spans(text)]),
        site=_marks([(s, e) for _, s, e in find_sites(text)]),
        drug=_marks([(d.start, d.end) for d in find_drugs(text)]),
    )


def sentence_roles(sentences: list[Sentence]) -> dict[int, str]:
    """Sentence index -> its role: ``title``, ``patient`` (about the patient), ``case`` (a
    sentence continuing the case) or ``other`` (background, discussion, review)."""
    patient = {s.index for s in patient_sentences(sentences)}
    case = {s.index for s in case_sentences(sentences)}
    roles = {}
    for s in sentences:
        if s.section == "title":
            roles[s.index] = "title"
        elif s.index in patient:
            roles[s.index] = "patient"
        elif s.index in case:
            roles[s.index] = "case"
        else:
            roles[s.index] = "other"
    return roles


def _word_features(prefix: str, token: Token, marks: TextMarks) -> dict[str, float | str]:
    lower = token.word.lower()
    return {
        f"{prefix}w": lower,
        f"{prefix}shape": _shape(token.word),
        f"{prefix}suf3": lower[-3:],
        f"{prefix}hpo": marks.hpo.get(token.start, "O"),
        f"{prefix}site": marks.site.get(token.start, "O"),
        f"{prefix}drug": marks.drug.get(token.start, "O"),
    }


def sentence_features(
    tokens: list[Token],
    sentence: Sentence,
    role: str,
    marks: TextMarks,
    position: float,
) -> list[dict[str, float | str]]:
    """One feature dict per token of ``sentence`` (``position``: where the sentence starts in
    the text, 0-1)."""
    out = []
    section = sentence.section or "none"
    histo_sentence = bool(_HISTO_WORDS.search(sentence.text))
    negated = False
    for i, token in enumerate(tokens):
        lower = token.word.lower()
        features: dict[str, float | str] = {
            "bias": 1.0,
            **_word_features("", token, marks),
            "pre3": lower[:3],
            "suf4": lower[-4:],
            "title": token.word.istitle(),
            "upper": token.word.isupper() and len(token.word) > 1,
            "long": len(token.word) > 8,
            "role": role,
            "section": section,
            "histo_sentence": histo_sentence,
            "negated": negated,
            "pos": f"{min(int(position * 5), 4)}",
            "first": i == 0,
        }
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(tokens):
                near = tokens[j]
                features[f"{offset}:w"] = near.word.lower()
                if abs(offset) == 1:
                    features.update(_word_features(f"{offset}:", near, marks))
            else:
                features[f"{offset}:edge"] = True
        out.append(features)
        if lower in _NEGATION:
            negated = True
    return out


@dataclass(frozen=True)
class Sequence:
    """A sentence ready for the CRF: its tokens and their features."""

    sentence: Sentence
    tokens: list[Token]
    features: list[dict[str, float | str]]


def text_sequences(text: str, sentences: list[Sentence]) -> list[Sequence]:
    """The CRF sequences of a text: one per sentence with at least one token."""
    marks = text_marks(text)
    roles = sentence_roles(sentences)
    size = max(len(text), 1)
    out = []
    for sentence in sentences:
        tokens = tokenize(sentence)
        if tokens:
            features = sentence_features(
                tokens, sentence, roles[sentence.index], marks, sentence.start / size
            )
            out.append(Sequence(sentence, tokens, features))
    return out
