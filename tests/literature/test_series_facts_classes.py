"""A series' seriousness stated for a counted group of its patients (``series_facts``).

Texts written for these tests (docs/annotation.md: a series is serious when the text states
a criterion for any of its patients).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _criteria(text: str) -> set[str]:
    draft = extract_draft(text)
    assert draft.is_series
    return {c for r in draft.case["reactions"] for c in r.get("seriousness", [])}


def test_an_excision_told_for_a_group_is_serious() -> None:
    text = (
        "Delayed nodules after poly-L-lactic acid: a case series\n"
        "We report three patients who developed painful subcutaneous nodules after "
        "poly-L-lactic acid injections in the cheeks. Two of them underwent surgical excision "
        "of the nodules."
    )
    assert "medically_important" in _criteria(text)


def test_a_hospitalisation_told_for_a_group_is_serious() -> None:
    text = (
        "Botulism after counterfeit toxin: a report of five women\n"
        "Five women developed ptosis, dysphagia and diplopia after cosmetic botulinum toxin "
        "injections given at home; three were hospitalized."
    )
    assert "hospitalisation" in _criteria(text)


def test_a_group_criterion_only_considered_is_not() -> None:
    text = (
        "Delayed nodules after poly-L-lactic acid: a case series\n"
        "We report three patients who developed painful subcutaneous nodules after "
        "poly-L-lactic acid injections in the cheeks. Surgical excision may be needed if the "
        "nodules of these patients persist."
    )
    assert _criteria(text) == set()


def test_a_series_that_singles_out_no_patient_keeps_its_group_reactions() -> None:
    text = (
        "Late reactions to a permanent filler\n"
        "Background: Six patients presented to our clinic with granulomas after lip "
        "augmentation with a polyacrylamide gel. Results: Complications included abscesses and "
        "migration of the gel. Four patients required surgical excision. Conclusion: Permanent "
        "fillers can cause nodules and fistulas years later."
    )
    draft = extract_draft(text)
    assert draft.is_series
    verbatims = " ".join(r["verbatim"] for r in draft.case["reactions"]).lower()
    assert "granuloma" in verbatims and "abscess" in verbatims
    assert "fistula" not in verbatims  # the conclusion speaks of fillers in general
    assert "medically_important" in _criteria(text)


def test_a_series_of_a_woman_and_a_man_has_no_sex() -> None:
    text = (
        "Nodules after hyaluronic acid filler: two cases\n"
        "Case 1: A 40-year-old woman developed painful nodules in the lips two weeks after a "
        "hyaluronic acid filler. Case 2: A 52-year-old man developed nodules in the cheeks "
        "after a hyaluronic acid filler."
    )
    draft = extract_draft(text)
    assert draft.is_series and "sex" not in draft.case["patient"]


def test_a_series_counted_as_women_is_female() -> None:
    text = (
        "Counterfeit botulinum toxin: a report from the field\n"
        "What is added by this report? During March 2024, seven women experienced illness "
        "after receiving botulinum toxin injections in nonmedical settings."
    )
    draft = extract_draft(text)
    assert draft.is_series and draft.case["patient"].get("sex") == "female"
