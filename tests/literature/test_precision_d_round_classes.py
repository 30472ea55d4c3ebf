"""Mentions that name no reaction of the patient, first read on the d0xx round and shared with
the older tune rounds, pinned on sentences we wrote (issue 10; the published abstracts stay
out of the repository).

Classes: the disease a population of patients has, named by its short form ("children with
PAH", the short form of a named disease as its long form is) or after an age that qualifies
the patients ("children aged 3 years or older with GHD", "patients younger than 21 years of
age diagnosed with PH"): the indication of the treatment they were given, not its reaction;
a mention that modifies the head noun of a measure's, criteria's or body's name ("the
Hyperhidrosis Disease Severity Scale", "an NIH stroke score of 11", "adjusted odds ratio"):
the instrument, not the patient's reaction.
"""

from __future__ import annotations

import pytest

from dermavigil.literature.extract.negation import Assertion
from dermavigil.literature.extract.preexisting import pre_existing
from dermavigil.literature.extract.reaction_short_forms import reaction_abbreviations
from dermavigil.literature.extract.reactions import find_reactions
from dermavigil.literature.extract.sentences import split_sentences


def test_a_short_form_names_the_populations_disease_as_its_long_form_does() -> None:
    text = (
        "Site reactions to subcutaneous treprostinil\n"
        "Treprostinil was infused to children diagnosed with pulmonary arterial hypertension "
        "(PAH). The purpose was to describe why the infusion was stopped in children with PAH. "
        "Nine children had painful nodules at the infusion site."
    )
    reactions, excluded = find_reactions(
        split_sentences(text), set(), reaction_abbreviations(text), series=True
    )
    assert [r.verbatim for r in reactions] == ["painful nodules"]
    assert {e.status for e in excluded} == {Assertion.historical}


def test_an_age_between_the_patients_and_their_disease_keeps_it_their_condition() -> None:
    for text, mention in [
        ("The drug is indicated for children aged 3 years or older with hypopituitarism.", "hypo"),
        ("We studied patients younger than 21 years of age diagnosed with asthma.", "asthma"),
    ]:
        start = text.index(mention)
        end = text.index(".", start)
        assert pre_existing(text, start, end, condition=True) is Assertion.historical
    # the reaction told after the population, or after the verb of the patient's presentation,
    # stays one: the age phrase ends before a verb
    for text, mention in [
        ("We saw patients older than 60 years with necrosis after the injection.", "necrosis"),
        ("A girl aged two years presented with a discharging abscess of the buttock.", "abscess"),
    ]:
        start = text.index(mention)
        assert pre_existing(text, start, start + len(mention), condition=True) is None


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Severity was graded with the Sweating Disease Severity Scale in all patients.", []),
        ("On arrival he was drowsy, with an NIH stroke score of 9.", ["drowsy"]),
        ("Patch tests were read by the International Eczema Research Group criteria.", []),
        # a finding in a list, an index finger: no instrument
        ("The plaques were covered with crusts and scales.", ["plaques", "crusts"]),
        ("She came with a swollen index finger.", ["swollen"]),
    ],
)
def test_a_mention_that_names_an_instrument_is_no_reaction(sentence: str, kept: list[str]) -> None:
    text = f"Case report\n{sentence}"
    reactions, _ = find_reactions(split_sentences(text)[1:], set())
    found = " | ".join(r.verbatim for r in reactions)
    assert all(word in found for word in kept)
    assert not any(word in found for word in ("Sweating", "stroke", "Eczema"))
