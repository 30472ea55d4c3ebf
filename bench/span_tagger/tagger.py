"""The learned span tagger: a CRF that reads reactions, treatments, histopathology and sites
from a case report's words and context.

A model (a CRFsuite model: Okazaki 2007, "CRFsuite: a fast implementation of conditional
random fields"; trained by ``bench/span_tagger_train.py`` on the annotated dev abstracts
only) is opened once per path. It is not shipped: on rounds it did not see it added nothing
the rules lacked on most of them (``docs/design-notes.md``, "No learned span tagger").
:func:`tag_spans` labels each sentence's tokens (:mod:`.span_features`) and returns the
spans with the probability the model gives the span's tags (the smallest marginal of its
tokens, the forward-backward marginals of Lafferty et al. 2001), so a caller keeps only
confident spans. Every span is the text's own characters: nothing is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dermavigil.literature.extract.sentences import Sentence
from span_tagger.features import Sequence, text_sequences
from span_tagger.labels import decode


@dataclass(frozen=True)
class TaggedSpan:
    """A span the tagger labels: its field, characters, sentence, role and probability."""

    field: str
    start: int
    end: int
    text: str
    sentence: int
    role: str
    probability: float


@lru_cache(maxsize=4)
def load_tagger(path: str):  # -> pycrfsuite.Tagger
    """The CRFsuite tagger of the model at ``path``, opened once."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(Path(path)))
    return tagger


def tag_sequences(sequences: list[Sequence], text: str, tagger) -> list[TaggedSpan]:
    """The spans ``tagger`` labels in the prepared ``sequences`` of ``text``."""
    out = []
    for sequence in sequences:
        tagger.set(sequence.features)
        tags = tagger.tag()
        role = str(sequence.features[0]["role"])
        for field, start, end, positions in decode(sequence.tokens, tags):
            probability = min(tagger.marginal(tags[i], i) for i in positions)
            out.append(
                TaggedSpan(
                    field, start, end, text[start:end], sequence.sentence.index, role, probability
                )
            )
    return out


def tag_spans(text: str, sentences: list[Sentence], path: str) -> list[TaggedSpan]:
    """The spans the model at ``path`` labels in ``text`` split into ``sentences`` (those of
    :func:`.sentences.split_sentences`), in text order."""
    return tag_sequences(text_sequences(text, sentences), text, load_tagger(path))
