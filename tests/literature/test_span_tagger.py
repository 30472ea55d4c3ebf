"""The learned span tagger experiment (issue 10; bench/span_tagger, not part of the
extractor: docs/design-notes.md, "No learned span tagger"): training labels, the dev-only
trainer, deterministic models.

Texts here are written by us (never copied from an abstract).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from span_tagger.features import sentence_roles, text_sequences
from span_tagger.labels import bio_labels, decode, gold_spans, locate
from span_tagger.tagger import tag_spans
from span_tagger.training import (
    HeldOutRefused,
    item_sequences,
    train,
    training_sequences,
)

from dermavigil.literature.extract.sentences import split_sentences  # noqa: E402
from dermavigil.terminology.phenotype_spans import phenotype_spans

TEXT = (
    "Granulomas after a filler: a case report\n"
    "Background: Nodules are a known complication of dermal fillers. Case report: A "
    "61-year-old woman received a "
    "hyaluronic acid filler in the cheeks. Two months later she had firm red nodules on both "
    "cheeks. Biopsy showed foreign-body granulomas. She was given oral doxycycline and the "
    "nodules resolved."
)
GOLD = {
    "reactions": ["nodules"],
    "treatments": ["doxycycline"],
    "histopathology": ["foreign body granulomas"],
    "sites": ["cheek"],
}


def test_gold_terms_are_located_in_the_case_sentences_first():
    sentences = split_sentences(TEXT)
    spans = gold_spans(TEXT, sentences, sentence_roles(sentences), GOLD)
    ((term, found),) = spans["REACTION"]
    # "Nodules are a known complication" is a background sentence: not labelled
    assert [TEXT[a:b] for a, b in found] == ["nodules", "nodules"]
    assert [TEXT[a:b] for _, f in spans["HISTO"] for a, b in f] == ["foreign-body granulomas"]
    assert [TEXT[a:b] for _, f in spans["TREATMENT"] for a, b in f] == ["doxycycline"]
    assert all(f for _, f in spans["SITE"])


def test_a_plural_or_a_hyphen_still_locates_a_term():
    assert locate("two nodule-like papules", "papule", coded=False) == [(16, 23)]
    assert locate("oral antibiotic therapy", "antibiotics", coded=False) == [(5, 15)]
    assert locate("a nodulectomy", "nodule", coded=False) == []


def test_bio_labels_decode_back_to_the_labelled_spans():
    sentences = split_sentences(TEXT)
    sequence = next(s for s in text_sequences(TEXT, sentences) if "Biopsy" in s.sentence.text)
    start = TEXT.index("foreign-body granulomas")
    tags = bio_labels(sequence, {"HISTO": [(start, start + len("foreign-body granulomas"))]})
    assert tags.count("B-HISTO") == 1 and tags.count("I-HISTO") == 3
    ((field, a, b, _),) = decode(sequence.tokens, tags)
    assert (field, TEXT[a:b]) == ("HISTO", "foreign-body granulomas")


def test_the_trainer_refuses_held_out_items():
    item = {"id": "x001", "split": "held_out", "gold": GOLD}
    with pytest.raises(HeldOutRefused):
        item_sequences(item, TEXT)
    dev = {"id": "r001", "split": "dev", "gold": GOLD}
    with pytest.raises(HeldOutRefused):
        training_sequences([(dev, TEXT), (item, TEXT)])
    sequences, located = training_sequences([(dev, TEXT)])
    assert sequences and located.found["REACTION"] == 1


def _tiny_model(folder, name="tiny.crfsuite") -> str:
    """A model trained on texts we write: reactions told as "she developed X at the
    injection site", X words the HPO index holds."""
    items = []
    for n, phrase in enumerate(("painful nodules", "skin necrosis", "erythema", "swelling")):
        text = (
            f"A reaction after an injection: a case report\n"
            f"A {40 + n}-year-old woman received an injection in the cheek. Two weeks later "
            f"she developed {phrase} at the injection site. It resolved with warm compresses."
        )
        gold = {"reactions": [phrase], "treatments": ["warm compresses"], "sites": ["cheek"]}
        items.append(({"id": f"r90{n}", "split": "dev", "gold": gold}, text))
    sequences, _ = training_sequences(items)
    path = str(folder / name)
    train(sequences, path, c1=0.0, c2=0.01, iterations=50)
    return path


def test_a_model_trained_twice_is_the_same_and_tags_deterministically(tmp_path):
    first, again = _tiny_model(tmp_path, "a.crfsuite"), _tiny_model(tmp_path, "b.crfsuite")
    assert Path(first).read_bytes() == Path(again).read_bytes()
    sentences = split_sentences(TEXT)
    assert tag_spans(TEXT, sentences, first) == tag_spans(TEXT, sentences, first)


def test_the_tagger_reads_a_reaction_the_vocabulary_does_not_hold(tmp_path):
    text = (
        "A reaction after an injection: a case report\n"
        "A 52-year-old man received an injection in the cheek. Two weeks later he developed "
        "woody plaquettes at the injection site. It resolved with warm compresses."
    )
    assert not any("plaquette" in text[p.start : p.end] for p in phenotype_spans(text))
    spans = tag_spans(text, split_sentences(text), _tiny_model(tmp_path))
    assert ("REACTION", "woody plaquettes") in {(s.field, s.text) for s in spans}
