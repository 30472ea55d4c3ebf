"""A cohort series counts its patients with the reaction (``reacting_count``).

Texts written for these tests (docs/annotation.md, one convention for analyses of many
patients: ``patients`` is the count of patients with the reaction, not the cohort's size).
"""

from __future__ import annotations

from dermavigil.literature.extract import extract_draft


def _patients(text: str) -> int | None:
    draft = extract_draft(text)
    assert draft.is_series
    return draft.case["report"].get("patients_in_report")


def test_a_percentage_share_with_a_verb_of_what_they_had() -> None:
    text = (
        "Local reactions to a depot antipsychotic: a retrospective cohort\n"
        "A total of 150 patients received 2,310 gluteal injections between 2015 and 2020. "
        "Results: 18 (12.0%) patients developed injection-site nodules and 4 had abscesses."
    )
    assert _patients(text) == 18


def test_an_of_n_share_with_the_reaction() -> None:
    text = (
        "Granulomas after a lip filler: a follow-up study of 60 women\n"
        "A follow-up study of 60 women treated with a permanent lip filler found that 7 of "
        "the 60 women had firm granulomas two years later."
    )
    assert _patients(text) == 7


def test_a_share_that_underwent_a_procedure_is_no_count_of_reactions() -> None:
    text = (
        "Gel removal after breast injections\n"
        "Between 2010 and 2015, 30 patients underwent removal of an injected gel for lumps "
        "and pain. 25 of 30 patients underwent a second operation."
    )
    assert _patients(text) == 30


def test_a_case_series_keeps_its_count_of_described_patients() -> None:
    text = (
        "Nodules after toxin injections: five cases\n"
        "We report five patients who developed nodules after toxin injections. Three (60%) "
        "patients had a positive culture."
    )
    assert _patients(text) == 5


def test_a_share_after_the_counted_noun() -> None:
    text = (
        "Skin staining after a tracer dye: a retrospective study\n"
        "Methods: A retrospective study was conducted of 30 consecutive patients who received "
        "the dye for node mapping. Results: Six of the 30 patients (20%) developed blue "
        "plaques at the injection site."
    )
    assert _patients(text) == 6


def test_the_events_told_first_in_a_cohort_enrolled_in_another_sentence() -> None:
    text = (
        "Toxin injections for drooling in children\n"
        "A 5-year review of 45 children with drooling who had undergone gland injections of "
        "a toxin. A total of 45 children were included in the study. Complications occurred "
        "in 9 patients (11 events), most of them mild."
    )
    assert _patients(text) == 9


def test_a_qualified_or_named_event_counts_only_part_of_the_reacting_patients() -> None:
    text = (
        "Complications of a gel filler: a retrospective study\n"
        "Methods: 40 patients were included in this study, who had complications after gel "
        "injections. Results: Infection occurred in 6 cases and induration in 12. Severe "
        "adverse events occurred in 3 patients."
    )
    assert _patients(text) == 40


def test_the_part_of_a_fronted_partitive_that_had_the_reaction() -> None:
    text = (
        "Late swelling after a local anaesthetic: a retrospective review\n"
        "Methods: Records of an allergy clinic over ten years were reviewed. Results: Of 150 "
        "patients referred for symptoms after a dental injection, 32 had swelling at the "
        "injection site and 118 reported dizziness or palpitations."
    )
    assert _patients(text) == 32


def test_the_cases_identified_among_the_whole_of_a_fronted_partitive() -> None:
    text = (
        "An outbreak of abscesses after injections at one clinic\n"
        "Of the 900 patients who attended the clinic, 41 cases were identified and 90 "
        "controls were selected. Abscesses at the buttock were drained in most cases."
    )
    assert _patients(text) == 41
