"""Names, conditions and stated priors of the age comparison's levels of disagreement
(:func:`~dermavigil.duplicates.model.facts`: ages far apart, a slip of the pen, two
infants' ages) and of an age given in decades, kept apart from the model for its length.
Pure text and numbers."""

from __future__ import annotations

AGE_SLIP = "no agreement (ages far apart, a digit or unit slip apart)"
AGE_FAR = "no agreement (ages far apart)"
AGE_FAR_M = 0.003
"""Prior m of :data:`AGE_FAR`, exact ages more than 5 years apart that no slip of the pen
explains (:func:`~dermavigil.duplicates.pair_conditions.age_slip`): the reporters' count
of two patients (21 of the 21 FAERS version links of ``bench/faers_links.py`` with both
ages agree). An assumption: three in a thousand duplicates (-7.7 bits on FAERS). The
slips and an age outside the other's age group keep the former else level's m/u (.03 /
.76, -4.7 bits), and the m left over goes to "same age" (.45 -> .472)."""

BOTH_AGES = "age_years_l IS NOT NULL AND age_years_r IS NOT NULL"
INFANTS = "age_years_l < 1 AND age_years_r < 1"
INFANTS_APART = "no agreement (infant ages more than a month apart)"
"""Two exact ages under a year, more than a month apart (1/12 year and the rounding of a
count of months: 2 and 3 months are a month apart): an infant's age is told in months
or weeks, and one infant's two reports give one age (or a month apart: at the exposure
and at the onset), while two infants of one vaccine are vaccinated on one schedule (2,
4, 6 months) and meet within a year of age. Within a year these were "ages within 1
year" (+3 bits by its prior), the same as an adult's 40 and 41; they are a graded
disagreement of their own (weight <= 0), and "infant ages within a month" an
agreement, each with its own m and u (issue 16, eleventh session)."""


def decade_only(side: str) -> str:
    """SQL: the ``side``'s age is a decade and nothing finer (E2B(R3) D.2.2b unit 800,
    FAERS ``age_cod`` DEC: "7 DEC" is the span 70-80 with no exact age; no age group's
    span is ten years from a multiple of ten: :data:`~dermavigil.duplicates.features.
    AGE_GROUP_YEARS`)."""
    return (
        f"(age_years_{side} IS NULL AND age_high_{side} - age_low_{side} = 10 "
        f"AND age_low_{side} % 10 = 0)"
    )


def _in_decade(decade: str, other: str) -> str:
    return f"(age_years_{other} >= age_low_{decade} AND age_years_{other} < age_high_{decade})"


SAME_DECADE = "same decade"
SAME_DECADE_SQL = (
    f"({decade_only('l')} AND (({decade_only('r')} AND age_low_l = age_low_r) "
    f"OR {_in_decade('l', 'r')})) OR ({decade_only('r')} AND {_in_decade('r', 'l')})"
)
"""An age given as a decade meets the same decade, or an exact age within it (a
follow-up's 78 years against "7 DEC"; issue 16, twelfth session). It stood at "age and
age group compatible" with the age groups, whose spans are up to 55 years wide (adult
18-65). Prior m .012 and u .002 (2.6 bits) taken from that level (.17 / .06 -> .158 /
.058): a decade-only age is rare (81 of the 11,382 reports of ``bench/faers_links.py``,
16 of the 1,000 of the 2025Q4 sample), so few pairs reach the level either way; one
case's reports keep the decade (the one version link with one: "1 DEC" both), while two
reports in one decade agree by chance about one time in eight. Random pairs give u from
1,000 records on."""
