"""Training the span tagger (:mod:`.extract.span_tagger`) on annotated dev abstracts.

Only items of the ``dev`` split are accepted (``docs/annotation.md``, "Selection and split":
held-out rounds are a blind test; anything trained is trained on dev only):
:func:`training_sequences` raises on any other item. Each text is read as the extractor reads
it (:func:`.extract.quality.check_text`, :func:`.extract.sentences.split_sentences`), its gold
terms located (:func:`.extract.span_labels.gold_spans`) and every sentence labelled BIO.
:func:`train` fits a CRF with L1 + L2 regularisation (the elastic net of Zou & Hastie 2005,
by OWL-QN, Andrew & Gao 2007, as CRFsuite implements it): L1 drops most feature weights, so
the model stays small. Deterministic: same items in, same model out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dermavigil.literature.extract.quality import check_text
from dermavigil.literature.extract.sentences import Sentence, split_sentences
from span_tagger.features import Sequence, sentence_roles, text_sequences
from span_tagger.labels import bio_labels, gold_spans


class HeldOutRefused(ValueError):
    """An item outside the dev split was offered for training."""


@dataclass
class Located:
    """How many gold terms of each field were found in their texts."""

    found: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        return [
            f"{name:9} {self.found[name]}/{self.total[name]}"
            f" ({self.found[name] / max(self.total[name], 1):.0%})"
            for name in sorted(self.total)
        ]


def read_text(text: str) -> tuple[str, list[Sentence]]:
    """The text as the extractor reads it and its sentences."""
    check = check_text(text)
    read = check.text if check.usable else text
    return read, split_sentences(read)


def item_sequences(
    item: Mapping[str, Any], raw: str, located: Located | None = None
) -> list[tuple[Sequence, list[str]]]:
    """The labelled sequences of one dev item (its annotation and cached text)."""
    if item.get("split") != "dev":
        raise HeldOutRefused(f"{item.get('id')}: only dev items train the span tagger")
    text, sentences = read_text(raw)
    roles = sentence_roles(sentences)
    spans = gold_spans(text, sentences, roles, item["gold"])
    if located is not None:
        for name, terms in spans.items():
            located.total[name] += len(terms)
            located.found[name] += sum(bool(s) for _, s in terms)
    by_field = {name: [s for _, found in terms for s in found] for name, terms in spans.items()}
    return [(seq, bio_labels(seq, by_field)) for seq in text_sequences(text, sentences)]


def training_sequences(
    items: Iterable[tuple[Mapping[str, Any], str]],
) -> tuple[list[tuple[Sequence, list[str]]], Located]:
    """Every labelled sentence of the (item, text) pairs, and how many gold terms were found;
    :class:`HeldOutRefused` for an item outside the dev split."""
    located = Located()
    out: list[tuple[Sequence, list[str]]] = []
    for item, text in items:
        out.extend(item_sequences(item, text, located))
    return out, located


def train(
    sequences: Iterable[tuple[Any, list[str]]],
    path: str,
    c1: float = 0.1,
    c2: float = 0.01,
    iterations: int = 150,
    verbose: bool = False,
) -> None:
    """Fit the CRF (L1 ``c1``, L2 ``c2``) on labelled sequences and write it to ``path``
    (a sequence: a :class:`Sequence`, or its features already as a ``pycrfsuite.ItemSequence``,
    which a caller training many models on the same sentences builds once)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    for sequence, labels in sequences:
        trainer.append(getattr(sequence, "features", sequence), labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 2,
        }
    )
    trainer.train(path)
