"""Treatment names compared word by word (realscore_names.same_treatment)."""

from dermavigil.literature.realscore_names import same_name, same_treatment, score_names
from dermavigil.literature.scoring import ListScore


def test_a_head_noun_that_only_says_a_treatment_was_given_is_one_word() -> None:
    assert same_treatment("antifungal therapy", "antifungal treatment")
    assert same_treatment("conservative care", "conservative management")
    assert not same_name("antifungal therapy", "antifungal treatment")


def test_the_words_of_one_name_among_the_words_of_the_other_match() -> None:
    assert same_treatment("antiviral therapy", "intravenous antivirals")
    assert same_treatment("physiotherapy treatments", "supervised physiotherapy")


def test_an_acid_and_its_anion_are_one_name() -> None:
    assert same_treatment("piperacillin/clavulanic acid", "piperacillin-clavulanate")


def test_a_route_with_a_head_noun_alone_names_no_drug() -> None:
    assert not same_treatment("topical treatment", "topical retinoids")
    assert same_treatment("topical treatment", "topical therapy")


def test_different_drugs_stay_apart() -> None:
    assert not same_treatment("oral antivirals", "oral antifungals therapy")
    assert not same_treatment("surgical excision", "surgical debridement")


def test_each_gold_name_takes_one_extracted_name() -> None:
    entry = ListScore()
    score_names(entry, ["antiviral therapy", "wound dressing"], ["intravenous antivirals", "laser"])
    assert (entry.tp, entry.fp, entry.fn) == (1, 1, 1)
