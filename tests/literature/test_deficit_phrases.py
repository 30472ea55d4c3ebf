"""A lost or lessened function is a reaction, on sentences we wrote (issue 10: deficits the
HPO names only in other words, "limited abduction", "loss of sensation")."""

from __future__ import annotations

import pytest

from dermavigil.literature.extract import extract_draft
from dermavigil.literature.extract.deficit_phrases import deficit_phrases
from dermavigil.literature.extract.mentions import mentions


def _phrases(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in deficit_phrases(sentence, [])]


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("On review she had limited abduction of the right arm.", "limited abduction"),
        ("Over months he regained little after the loss of sensation.", "loss of sensation"),
        ("A marked reduction in range of motion was measured.", "reduction in range of motion"),
        (
            "He showed impaired orbicularis oris muscle function.",
            "impaired orbicularis oris muscle function",
        ),
        ("Both eyes showed ocular movements limitation on gaze.", "ocular movements limitation"),
        ("The child had decreased limb movements for a week.", "decreased limb movements"),
    ],
)
def test_a_quality_of_decrease_before_or_after_a_function_is_a_deficit(sentence, phrase):
    assert _phrases(sentence) == [phrase]


@pytest.mark.parametrize(
    "sentence",
    [
        "The swelling decreased over a week.",  # a reaction improving, no function lost
        "Reduced doses were given at the next visit.",
        "Limited data exist on this product.",
        "Increased range of motion followed the exercises.",
        "The nodules showed a poor response to oral steroids.",  # a treatment's result
    ],
)
def test_no_function_after_the_quality_is_no_deficit(sentence):
    assert _phrases(sentence) == []


def test_a_deficit_the_index_names_already_is_left_to_it():
    sentence = "She developed decreased range of motion of the shoulder."
    found = [m.text for m in mentions(sentence, {})]
    assert sum("range of motion" in f for f in found) == 1


def test_a_deficit_is_a_reaction_of_the_case_and_a_negated_one_is_none():
    text = (
        "Shoulder pain after an influenza vaccine: a case report\n"
        "A 58-year-old man received an influenza vaccine in the left deltoid. Three days later "
        "he developed shoulder pain and restricted shoulder movement. Impaired consciousness "
        "was not present."
    )
    verbatims = [r["verbatim"] for r in extract_draft(text).case["reactions"]]
    assert "restricted shoulder movement" in verbatims
    assert not any("consciousness" in v for v in verbatims)
