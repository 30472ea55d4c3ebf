"""The head nouns of clinical findings read off the HPO's and the Disease Ontology's names."""

from __future__ import annotations

import pytest

from dermavigil.terminology.finding_heads import (
    finding_gerunds,
    finding_heads,
    finding_participles,
)


@pytest.mark.parametrize(
    "word", ["stiffness", "infarction", "enlargement", "dysfunction", "failure", "deformity"]
)
def test_the_head_of_many_finding_names_is_a_head(word):
    assert word in finding_heads()


@pytest.mark.parametrize("word", ["movement", "joint", "skin", "node", "bone"])
def test_a_word_of_where_is_no_head(word):
    # "Abnormality of movement", "Abnormal joint morphology": a grouping term names these
    # as the part or function its findings are of; "joint" and "node" have no noun suffix
    assert word not in finding_heads()


def test_participles_that_begin_phenotype_names_modify_and_verbs_do_not():
    assert {"impaired", "enlarged", "reduced"} <= finding_participles()
    assert not {"noticed", "developed", "presented"} & finding_participles()


def test_ing_forms_that_begin_finding_names_modify_and_verbs_do_not():
    assert {"relapsing", "necrotizing", "sclerosing"} <= finding_gerunds()
    assert not {"causing", "enlarging", "receiving"} & finding_gerunds()
