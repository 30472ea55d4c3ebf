"""Names, conditions and stated priors of the age comparison's levels of disagreement
(:func:`~dermavigil.duplicates.model.facts`: ages far apart, a slip of the pen, two
infants' ages), kept apart from the model for its length. Pure text and numbers."""

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
