"""Reactions no vocabulary holds, read by the sentence's grammar (issue 10, the c0xx round and
the tune rounds): the head of a case report's title, tied to the exposure by a cause word, and
the other items of a list of reaction mentions. Texts we wrote."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.listed_items import listed_items
from dermavigil.literature.extract.mentions import mentions
from dermavigil.literature.extract.title_head import title_heads


def _verbatims(draft) -> set[str]:
    return {r["verbatim"].lower() for r in draft.case["reactions"]}


@pytest.mark.parametrize(
    ("title", "heads"),
    [
        ("Cheek hollowing and lip eversion after a filler", ["Cheek hollowing", "lip eversion"]),
        ("An unusual scalp tightness following botulinum toxin injection", ["scalp tightness"]),
        ("Orbital fat herniation associated with deoxycholic acid", ["Orbital fat herniation"]),
        ("Management of lip eversion after filler injection", []),
        ("Botulinum toxin injections after stroke: a case report", []),
        ("Rare complications following PRP injection", []),
        ("Problems after a filler in the hands", []),
        ("Lip eversion in a patient given hyaluronic acid", []),
        ("Cheek hollowing, a study after fillers", []),
        # tied to the exposure by its time, a verb of onset or "as a complication of"; an "of"
        # phrase ties nothing
        ("Scalp tightness during a mesotherapy session", ["Scalp tightness"]),
        ("Brow heaviness arising within a cosmetic tattoo", ["Brow heaviness"]),
        ("Lip eversion as a late complication of filler injection", ["Lip eversion"]),
        ("Tolerability of intramuscular injections of vancomycin", []),
        ("Lip eversion of a young woman", []),
        ("Management during lip eversion of filler injection", []),
    ],
)  # fmt: skip
def test_the_title_head_before_a_cause_word_is_read_conjunct_by_conjunct(title, heads):
    assert [title[a:b] for a, b in title_heads(title, [])] == heads


def test_a_title_head_tied_by_its_time_is_the_case_reaction():
    draft = extract_draft(
        "Brow heaviness during a mesotherapy session: a case report\n"
        "A 41-year-old woman received mesotherapy injections in the forehead. Within an hour "
        "she felt a heavy brow, which resolved over two weeks."
    )
    assert "brow heaviness" in _verbatims(draft)


def test_a_title_conjunct_a_mention_covers_is_left_to_it():
    title = "Skin necrosis and lip eversion after hyaluronic acid filler"
    assert [title[a:b] for a, b in title_heads(title, [(0, 13)])] == ["lip eversion"]


def test_a_title_head_no_vocabulary_codes_is_the_case_reaction():
    draft = extract_draft(
        "Cheek hollowing and lip eversion after hyaluronic acid filler: a case report\n"
        "A 38-year-old woman received hyaluronic acid filler in both cheeks. Two weeks later "
        "she returned with an altered facial contour, which resolved after hyaluronidase."
    )
    assert {"cheek hollowing", "lip eversion"} <= _verbatims(draft)


def _texts(sentence: str) -> list[str]:
    return [m.text for m in mentions(sentence, {})]


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        # two mentions in the list: its other items are findings too
        ("On day two he had fever, swelling and gum soreness.", "gum soreness"),
        ("Within minutes she had urticaria, wheezing and desaturation to 85%.", "desaturation"),
        # one mention, the list told by a verb of what the patient had
        ("He complained of voice fatigability and progressive diplopia.", "voice fatigability"),
        ("She developed pain and a dragging gait.", "dragging gait"),
    ],
)  # fmt: skip
def test_the_other_items_of_a_list_of_reaction_mentions_are_findings(sentence, item):
    assert item in _texts(sentence)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # one mention and no verb that tells the patient's findings
        ("Voice fatigability and diplopia can follow the injection.", "fatigability"),
        # a list of drugs, sites, history or tests holds no finding
        ("He was given ibuprofen, paracetamol and rest for the pain.", "rest"),
        ("Pain and swelling of the left arm and the buttock were noted.", "buttock"),
        ("She had pain, swelling and a history of migraine.", "history"),
        ("He had pain, swelling and laboratory results within range.", "laboratory"),
        # a bare frame word, a word cut by the excerpt's end, a time, a place, an adjective
        ("She developed pain, swelling and, four months later, ulcers.", "months"),
        ("He had pain, swelling and the upper lid was red.", "upper lid"),
        ("The nodules were firm, mobile and nontender.", "mobile"),
        ("She developed pain, swelling and vascular complications.", "complications"),
        ("She developed pain, swelling and other symptoms.", "symptoms"),
        ("She developed pain, swelling and loss of s", "loss of s"),
    ],
)  # fmt: skip
def test_no_finding_is_read_where_the_list_holds_none(sentence, words):
    taken = [(m.start, m.end) for m in mentions(sentence, {})]
    assert not any(words in sentence[a:b] for a, b in listed_items(sentence, taken))
    assert not any(words in t for t in _texts(sentence))


def test_a_listed_item_the_coder_codes_is_left_to_the_index():
    """A phrase the HPO coder codes is the index's to find, not this reading's."""
    sentence = "She developed dyspnoea, chest discomfort and wheezing."
    taken = [(m.start, m.end) for m in mentions(sentence, {})]
    assert listed_items(sentence, [t for t in taken if sentence[t[0] : t[1]] != "wheezing"]) == []


def test_a_listed_finding_no_vocabulary_codes_is_a_reaction_of_the_case():
    draft = extract_draft(
        "Dysphagia after a botulinum toxin injection: a case report\n"
        "A 45-year-old woman received botulinum toxin in the neck. Three days later she "
        "developed dysphagia, gum soreness and voice fatigability."
    )
    assert {"gum soreness", "voice fatigability"} <= _verbatims(draft)
