"""A study that counts its patients by their reaction is a case series and is kept for
reading; a study of patients counted by what they all received stays screened out
(literature/screen_series.py, screen.py rule 3; a count that is the denominator of a share
is tested in test_reaction_candidates.py). Every text here is our own."""

from __future__ import annotations

from dermavigil.literature.biblio import Record
from dermavigil.literature.screen import screen_record
from dermavigil.literature.screen_series import counted_by_reaction

SERIES = Record(
    title="Nasal tip necrosis after hyaluronic acid filler: a retrospective study",
    abstract=(
        "Objective: To describe the course of vascular events after nasal filler injection. "
        "Methods: We retrospectively analyzed 22 patients (19 women; mean age, 36 years) with "
        "skin necrosis of the nasal tip after hyaluronic acid filler injection between 2014 "
        "and 2021. Results: Hyaluronidase was injected in all patients; 4 patients were left "
        "with a scar."
    ),
)
COHORT = Record(
    title="Tolerability of intramuscular testosterone: a prospective study",
    abstract=(
        "Methods: In this prospective study, 180 men received 1,260 intramuscular testosterone "
        "injections over two years and 14 of them developed painful swelling at the injection "
        "site. Results: No patient stopped treatment."
    ),
)


def test_a_study_of_patients_counted_by_their_reaction_is_kept_as_a_series():
    verdict = screen_record(SERIES)
    assert verdict.relevant
    assert verdict.reason.startswith("a study counting its patients by their reaction (")
    assert "series of 22 patients" in verdict.reason
    assert verdict.draft is not None and counted_by_reaction(verdict.draft) is not None


def test_a_cohort_counted_by_what_it_received_is_still_a_study():
    verdict = screen_record(COHORT)
    assert not verdict.relevant
    assert verdict.reason == "a study, not a case report"


SHARE_THAT_REACTED = Record(
    title="Complications of salivary gland toxin injections in children",
    abstract=(
        "Design: retrospective cohort. A 6-year review of 52 children with drooling who "
        "had undergone salivary gland injection of botulinum toxin type A. A total of 52 "
        "children were included in the study. Complications occurred in 11 patients (13 "
        "events). Major complications included aspiration pneumonia (n = 2) and severe "
        "dysphagia (n = 3)."
    ),
)


def test_a_cohort_share_that_had_the_reaction_is_kept_as_a_series():
    verdict = screen_record(SHARE_THAT_REACTED)
    assert verdict.relevant
    assert verdict.reason.startswith("a study counting its patients by their reaction (")
    assert "series of 11 patients" in verdict.reason
