"""The facts a report's numbers give the duplicate model: the sender's report number and
the regulatory authority's case number (:mod:`~dermavigil.duplicates.report_ids` makes
their keys; it also keys the suspects' doses, which no comparison uses: see
``bench/faers_links.py``, fifteenth session). Real duplicates differ in
them in a known way (Norén et al. 2007, vigiMatch, Data Min Knowl Disc 14:305-328;
Kreimeyer et al. 2017, Drug Saf 40:571-582; Tregunno et al. 2014, Drug Saf 37:249-258):
one patient's reaction reported by several firms carries each firm's own number (no
evidence either way) but, when it reached them from an authority, the authority's one
number; a sender or an authority keeps one number per case and screens its own
database for duplicates (ICH E2B(R3) C.1.1, C.1.8.1; EU GVP Module VI Addendum I), so
two numbers of one sender or one authority are two of its cases.

The ``m`` of these facts are stated priors that EM does not replace (:data:`M_HELD`).
"""

from __future__ import annotations

import dataclasses

import splink.comparison_level_library as cll

from dermavigil.duplicates.levels import Fact
from dermavigil.duplicates.levels import fact as _fact

REPORT_NUMBER_SAME_SCHEME_M = 0.001
"""Prior m of "one numbering scheme, numbers differ": a duplicate whose two reports
carry two numbers of one sender is one the sender itself failed to link. A sender keeps
one number for a case over its follow-ups (ICH E2B(R3) C.1.1 and C.1.8.1, the
worldwide unique case number) and must screen its own database for duplicates (EU GVP
Module VI Addendum I, duplicate management of suspected adverse reaction reports);
second reporters of a case are mostly other senders (a patient, a second company) with
numbers of their own scheme or none.
All 31 FAERS version links of ``bench/faers_links.py`` keep their number. An assumption
(no published rate at hand), stated with the model: one in a thousand duplicates. The
data there bound it loosely: pairs of one sender's two numbers agreeing on the exact
event day, age, sex and country are 14, where shuffling the ages leaves 9 (max 17 of 20
shuffles), against 609 and 37 for all pairs, so one sender's own unlinked duplicates
are at most a few percent of the duplicates found that way (point estimate ~0.01, its
range including 0): 0.001 is a choice within it. It was 0.01, which weighed one sender's
two numbers at -2.6 bits where two FAERS reports share a numbering scheme by chance (u
.06, random pairs): less than a shared rare country or the products (outvoted)."""

AUTHORITY_TWO_NUMBERS_M = 0.01
"""Prior m of "one authority, numbers differ": of the duplicates whose two reports both
carry a case number of one authority, the share carrying two of its numbers, i.e. one
patient the authority itself holds as two cases (two reporters it did not link). An
authority screens its database for duplicates (EU GVP Module VI Addendum I) and a case
keeps its number over follow-ups (E2B(R3) C.1.9.1), so this is rare; an assumption (no
published rate at hand), ten times the sender's (:data:`REPORT_NUMBER_SAME_SCHEME_M`):
an authority receives one patient from more independent reporters than a firm does."""

M_HELD = ("report_number", "authority_number")
"""Facts whose ``m`` stays the stated prior whatever EM estimates. EM's blocks pair
reports of one product, day and state, or one sex, age and day: a clinic's reports of one
lot and day, numbered one by one by one sender, fill them, and EM takes such a session
for its match class (10k bench: 316 expected matches among 385 pairs of the first
block), so it learns the session's "one scheme, numbers differ" as what duplicates do
(m 0.076, a weight of -1.1 where the prior gives -4 to -6): the number is the very
fact that tells a session from a duplicate, and the blocks cannot estimate it. The
authority's number is a FAERS fact that EM's blocks (VAERS sessions at the bench's
sizes) hardly hold."""

TWO_AUTHORITIES = (
    "authority_number_l <> authority_number_r AND (authority_l IS NULL OR authority_r IS NULL "
    "OR authority_l <> authority_r)"
)
"""Two case numbers of two authorities (or of an authority the number does not name):
two routes a case may have taken, no evidence either way."""


def _with_null(fact: Fact, also: str, label: str) -> Fact:
    """``fact`` whose missing level also holds the pairs of ``also`` (weight 0)."""
    return dataclasses.replace(fact, null_when=f"{fact.null_when} OR ({also})", null_label=label)


# fmt: off
def number_facts() -> tuple[Fact, ...]:
    """The sender's report number and the authority's case number."""
    return (
        _fact(
            "report_number", "the manufacturer's report number (FAERS mfr_num, VAERS "
            "SPLTTYPE): a sender keeps one number for a case over its follow-ups (ICH "
            "E2B(R3) C.1.1), so two numbers of one numbering scheme are two cases of one "
            "sender (a clinic's reports of one lot and day, numbered one by one), while "
            "numbers of two schemes are two senders, who may report one case",
            "report_number", "report_number",
            ("same report number", "report_number_l = report_number_r", 0.60, 0.00001),
            # two senders: no evidence either way (an agreement level, so its weight is
            # held at >= 0; its prior m/u is 1)
            ("numbers of two schemes (two senders)", "number_scheme_l <> number_scheme_r",
             round(0.40 - REPORT_NUMBER_SAME_SCHEME_M, 9),
             round(0.40 - REPORT_NUMBER_SAME_SCHEME_M, 9)),
            ("no agreement (one numbering scheme, numbers differ)", cll.ElseLevel(),
             REPORT_NUMBER_SAME_SCHEME_M, round(0.60 - 0.00001 + REPORT_NUMBER_SAME_SCHEME_M, 9)),
        ),
        _with_null(_fact(
            "authority_number", "the regulatory authority's case number (FAERS auth_num, "
            "E2B(R3) C.1.9.1.r.2): every firm forwarding an authority's case gives its one "
            "number, so the same number is one case whatever the firms' own numbers, and "
            "two numbers of one authority are two of its cases; numbers of two authorities "
            "say nothing (counted as missing)",
            "authority_number", "authority_number",
            ("same authority number", "authority_number_l = authority_number_r",
             round(1 - AUTHORITY_TWO_NUMBERS_M, 9), 0.0001),
            ("no agreement (one authority, numbers differ)", cll.ElseLevel(),
             AUTHORITY_TWO_NUMBERS_M, 0.9999),
        ), TWO_AUTHORITIES, "missing on either side, or numbers of two authorities"),
    )
# fmt: on
