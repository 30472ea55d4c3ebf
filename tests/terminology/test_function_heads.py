"""The head nouns of bodily functions read off the HPO's names of their deficits."""

from __future__ import annotations

import pytest

from dermavigil.terminology.function_heads import function_heads


@pytest.mark.parametrize(
    "word", ["movement", "sensation", "mobility", "consciousness", "reflex", "vision", "range"]
)
def test_a_function_the_hpo_names_lessened_is_a_head(word):
    assert word in function_heads()


@pytest.mark.parametrize("word", ["pressure", "volume", "finger", "bone", "size", "concentration"])
def test_a_measure_or_a_structure_is_no_function(word):
    # "increased/decreased pressure": measured both ways; "abnormal finger morphology": a
    # part; "decreased ... concentration": a laboratory value
    assert word not in function_heads()
