"""The two age comparisons (:func:`age_facts`, of :func:`~dermavigil.duplicates.model.facts`)
with the names, conditions and stated priors of their levels of disagreement (ages far
apart, a slip of the pen, two infants' ages) and of an age given in decades, kept apart
from the model for its length. Pure text and numbers: nothing here runs SQL."""

from __future__ import annotations

from dataclasses import replace

import splink.comparison_level_library as cll

from dermavigil.duplicates.levels import Fact
from dermavigil.duplicates.levels import else_level as _else
from dermavigil.duplicates.levels import fact as _fact
from dermavigil.duplicates.pair_conditions import age_slip, both, overlap, within

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
1,000 records on. Since the twenty-fifth session a level of the span comparison
(:func:`age_facts`), its priors given a span on one side: m .10, u .02."""


SPAN_SIDE = (
    "age_low_l IS NULL OR age_low_r IS NULL "
    "OR (age_years_l IS NOT NULL AND age_years_r IS NOT NULL)"
)
"""SQL: the pair is not one :func:`age_facts`' span comparison can meet: an age missing on
either side, or both ages exact (compared by the exact-age comparison)."""


# fmt: off
def age_facts() -> tuple[Fact, Fact]:
    """The patient's age as two comparisons, with their prior ``m``/``u``: two exact ages
    ("age"), and an age given as a span -- an age group (E2B D.2.3, FAERS ``age_grp``) or a
    decade (FAERS ``age_cod`` DEC) -- on one side at least ("age_span").

    Fellegi-Sunter weighs a level by ``m / u`` over the same pairs. Within one comparison
    "age and age group compatible" counted its ``u`` among every pair with both ages,
    nearly all two exact ages that can never reach it (a group or a decade is given by
    16 + 67 of the 2025Q4 sample's 1,000 FAERS reports and by no VAERS report), while its
    prior ``m`` (.158) said that one duplicate in six reaches it; the duplicates that
    correction expected among the sampled pairs (``chance.without_expected_matches``)
    then outnumbered the pairs seen, ``u`` fell to the sample's floor (1e-6 of 500,000
    pairs) and the level weighed +17 bits on the bench (issue 16, twenty-fifth session).
    Its likelihood ratio is that of the span given that a span is compared,
    ``P(compatible | span, M) / P(compatible | span, U)``, the chance part about how many
    ages of the product's reports fall in the span: an adult span of 18-65 years holds
    most of them. As a comparison of its own, missing unless one side is a span, both
    are counted over the pairs it can meet (splink leaves a comparison's null level out
    of its ``u`` and its EM), as for any fact one report may lack. A pair is compared by
    one of the two, never both. The exact ages keep their priors but for the spans' .171 of
    ``m``, given to "ages within 1 year" (.196 -> .367), a level whose ``m`` EM estimates at
    scale (weight 0 in main's model at 10k: its ``u``, .136, above EM's ``m``, .095), and
    their .09 of ``u``, given to "ages far apart" (.62 -> .71). First given to "same age"
    and "ages within 5 years", the spans' mass moved pairs the priors weigh alone (FAERS
    links at 0.9: 146 -> 237 flagged) and the disagreement's shrinkage target (100k: 6 more
    false pairs at 0.9)."""
    exact = _fact(
        "age", "patient age, exact on both sides (an age group or decade: age_span)",
        "age_years", "age",
        # adjusted by the age's share among the product's reports (Level.tf_given)
        ("same age", cll.ExactMatchLevel("age_years"), 0.472, 0.015, "age_years", False,
         "first_suspect"),
        ("infant ages within a month", both(INFANTS, within("age_years", 0.0934)),
         0.01, 0.002),
        (INFANTS_APART, INFANTS, 0.004, 0.01),
        ("ages within 1 year", within("age_years", 1), 0.367, 0.013),
        # a disagreement (weight <= 0, its prior 0): FAERS versions of a case keep the
        # age (21 of 21 links), EM's m (.0098 at 100k) lies far below u (.28)
        ("no agreement (ages within 5 years)", within("age_years", 5), 0.14, 0.14),
        # exact ages > 5 years apart (AGE_FAR): some a slip of the pen, the rest two patients
        (AGE_SLIP, both(BOTH_AGES, age_slip("age_years")), 0.004, 0.11),
        (AGE_FAR, BOTH_AGES, AGE_FAR_M, 0.71),
    )
    span = _fact(
        "age_span", "patient age where one report gives it as a span (an age group, or a "
        "decade) and the other any age: compared only there", "age_low", "age",
        # given a span on one side (assumptions): one patient's other report falls in it
        # (.85) or in the same decade (.10); by chance about two ages in five fall in a
        # span (an adult's 18-65 years holds most); u from the data when trained
        (SAME_DECADE, SAME_DECADE_SQL, 0.10, 0.02),
        ("age and age group compatible", overlap("age", " + 1"), 0.85, 0.40),
        _else(0.05, 0.58),
    )
    exact = replace(exact, null_label="missing on either side, or given as a span (age_span)")
    span = replace(span, null_when=SPAN_SIDE, null_label="missing on either side, or both exact")
    return exact, span
# fmt: on
