"""A treatment told with the condition it was given for, on texts we wrote.

docs/annotation.md, ``treatments``: what was given or done for the reaction. A drug told
with an indication that is another condition of the patient ("treated for psoriasis with",
"in the treatment of acne") treated that condition, not the reaction; one told for the
reaction, for a word that refers to it, or for a diagnosis only suspected, stays.
"""

from __future__ import annotations

from dermavigil.literature.extract.sentences import Sentence, split_sentences
from dermavigil.literature.extract.treatment import find_treatments
from dermavigil.literature.extract.treatment_indication import for_another_condition


def _sentences(*texts: str) -> list[Sentence]:
    return split_sentences(" ".join(texts))


def _span(text: str, word: str) -> tuple[int, int]:
    return text.index(word), text.index(word) + len(word)


def _told(sentences: list[Sentence], word: str) -> tuple[tuple[int, int], ...]:
    for s in sentences:
        if word in s.text:
            a, b = _span(s.text, word)
            return ((s.start + a, s.start + b),)
    return ()


def test_a_drug_given_for_another_disease_after_the_reaction_is_no_treatment():
    case = _sentences(
        "A 52-year-old man received an intramuscular injection of a depot antipsychotic.",
        "Two days later he developed a painful ulcer at the injection site.",
        "During the admission he was treated for acne with doxycycline.",
        "The ulcer healed after debridement.",
    )
    found = find_treatments(
        case, frozenset({"antipsychotic"}), (), 1, case[0], _told(case, "ulcer")
    )
    names = [t.drug for t in found]
    assert "doxycycline" not in names
    assert "debridement" in names


def test_a_drug_for_the_reaction_or_a_word_for_it_stays_a_treatment():
    text = "She was treated for the nodules with intralesional triamcinolone."
    assert not for_another_condition(text, *_span(text, "triamcinolone"), [])
    text = "He was treated for necrosis with hyperbaric oxygen."
    assert not for_another_condition(
        text, *_span(text, "hyperbaric oxygen"), [_span(text, "necrosis")]
    )


def test_a_drug_for_a_suspected_diagnosis_of_the_reaction_stays_a_treatment():
    text = "She was first treated for presumed cellulitis with cefalexin."
    assert not for_another_condition(text, *_span(text, "cefalexin"), [])


def test_an_indication_after_the_name_is_read_too():
    text = "He had used topical tretinoin in the treatment of acne."
    assert for_another_condition(text, *_span(text, "tretinoin"), [])
    text = "She took prednisolone for ten days."
    assert not for_another_condition(text, *_span(text, "prednisolone"), [])


def test_the_indication_as_the_modifier_or_subject_of_treating_is_read_too():
    text = "Her long-standing psoriasis treated with methotrexate had been stable."
    assert for_another_condition(text, *_span(text, "methotrexate"), [])
    text = "Acne therapy was started with isotretinoin in the spring."
    assert for_another_condition(text, *_span(text, "isotretinoin"), [])
    text = "The nodules were treated with intralesional triamcinolone."
    assert not for_another_condition(text, *_span(text, "triamcinolone"), [])
