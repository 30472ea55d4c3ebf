"""Screening of the x0xx round's records, each class pinned on a text we wrote: studies and
reviews whose wording read as a case cue, and an antivenom given without an injection word."""

from __future__ import annotations

import pytest

from dermavigil.literature.biblio import Record
from dermavigil.literature.screen import screen_record


@pytest.mark.parametrize(
    ("title", "abstract", "reason"),
    [
        (
            "Injection-site nodules after a depot hormone in one urology clinic",
            "Nodules at the injection site are thought to be rare. We report on our clinical "
            "experience with such nodules after a depot hormone analogue. We used the records "
            "of 90 men given the analogue in one year. Nodules developed in four patients "
            "after subcutaneous injection; the incidence rate was 4.4%.",
            "a study, not a case report",
        ),
        (
            "Skin reactions after a zoster vaccine: a scoping review",
            "The risk of shingles rises with age, to one in two among adults over 85 years "
            "old. This scoping review collects the skin reactions reported after injection "
            "of a recombinant zoster vaccine, with erythema and vesicles at the injection "
            "site after vaccination.",
            "a review, not a case report",
        ),
    ],
)
def test_a_study_reporting_its_experience_or_a_population_age_is_screened_out(
    title, abstract, reason
):
    """'We report on our clinical experience' and 'adults over 85 years old' are no case
    cues: the study or review words decide, and an incidence rate is a study's."""
    screening = screen_record(Record(title=title, abstract=abstract))
    assert (screening.relevant, screening.reason) == (False, reason)


def test_a_case_of_a_reaction_to_an_antivenom_is_kept():
    """No injection word is written, but an antivenom (an immunoglobulin) is given
    intravenously: the case report is kept."""
    title = "Serum sickness after a snakebite treated with antivenom: a case report"
    abstract = (
        "A 38-year-old woman bitten on the ankle developed fever, urticaria and arthralgia "
        "nine days after antivenom was given in the emergency department."
    )
    screening = screen_record(Record(title=title, abstract=abstract))
    assert screening.relevant, screening.reason
