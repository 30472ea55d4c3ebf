"""What a chronological case narrative tells before its exposure, pinned on sentences we wrote
(issue 10, the e0xx round read for the first time, with d0xx and the older rounds; the published
abstracts stay out of the repository).

Classes: the complaint or illness that brought the patient to care, told before the drug given
and the reaction dated from it, and the same condition named again after the exposure; a
narrative told the other way round (the reaction first, the exposure looked back on) keeps its
reaction.
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _verbatims(text: str) -> list[str]:
    return [r["verbatim"] for r in extract_draft(text).case["reactions"]]


def test_the_illness_told_before_the_exposure_is_no_reaction():
    text = (
        "Enoxaparin skin lesions far from the injection site\n"
        "A 70-year-old man with a history of hypertension presented with an acute pulmonary "
        "embolism. Anticoagulation was started with enoxaparin subcutaneous injections. Three "
        "days after he began enoxaparin, tender haemorrhagic bullae developed on both legs."
    )
    verbatims = _verbatims(text)
    assert "haemorrhagic bullae" in " ".join(verbatims)
    assert not any("embolism" in v for v in verbatims)


def test_the_complaint_a_drug_was_given_for_stays_history_when_named_again():
    text = (
        "Skin injury after an intravenous antihistamine\n"
        "A 30-year-old woman was stung by a wasp and soon developed widespread urticaria. She "
        "received an intravenous bolus of an antihistamine into a vein of the hand. The urticaria "
        "faded within a few hours. However, two days after the injection, she developed a "
        "painful swelling of the forearm."
    )
    verbatims = _verbatims(text)
    assert "painful swelling" in verbatims
    assert not any("urticaria" in v for v in verbatims)


def test_a_narrative_that_looks_back_on_the_exposure_keeps_its_first_reaction():
    text = (
        "Necrosis after an intramuscular injection\n"
        "A 60-year-old woman presented with a painful violaceous plaque on the buttock. She had "
        "been given an intramuscular injection of diclofenac a week earlier. Two days after the "
        "injection, haemorrhagic blisters developed around the plaque."
    )
    assert "painful violaceous plaque" in " ".join(_verbatims(text))
