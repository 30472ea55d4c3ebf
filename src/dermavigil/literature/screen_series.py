"""Is a study a series of cases? Its count of patients is defined by their reaction.

A study or a review is screened out as no case report (:mod:`dermavigil.literature.screen`,
rules 2 and 3), but a retrospective study, a survey or a registry analysis of patients who
had an adverse reaction is a case series (``docs/annotation.md``, kinds: "a retrospective
series or survey counted by patients is a `series`"; "cohort, registry and surveillance
analyses naming a count of patients with the reaction are `series`"), while a trial or cohort
of patients who received a product and whose reactions are reported as rates is not ("a
trial or study reporting only rates ... `no_case`").

The two differ in what defines the counted population, which the clause of the count says:
a series counts patients *by their reaction* ("30 patients with vascular compromise",
"12 cases of granuloma", "complications were observed in eight patients"), a cohort counts
them by their exposure ("208 patients received 4,369 injections", "a total of 400 patients
were studied"), its reactions told in another clause, or in the same clause as a share of
the cohort ("reactions occurred in 48 of 200 patients") or after what all of them received.
So a draft that the extractor made a series of
(:attr:`~dermavigil.literature.extract.Draft.is_series`) is a series of cases when the
clause holding its count (evidence ``report.patients_in_report``; a clause ends at a full
stop, a semicolon, a colon or a line break outside parentheses) also holds one of its
reactions (evidence ``reactions.N.verbatim``), and the count is neither followed by what
the counted patients all received or underwent (:data:`.extract.cohort.EXPOSED`) nor the
denominator of a share (:data:`_SHARE`), or when the count is the share of a cohort that had
something (:func:`.extract.reacting_count.counts_reacting`: "five of the 24 patients (21%)
developed ...", "complications occurred in 19 patients"). An analysis of a reporting system
counts reports, not patients (:func:`counted_in_reports`): its draft is a series of reported
cases too. Pure: a draft in, a verdict out.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract import Draft
from dermavigil.literature.extract.cohort import EXPOSED, clause_bounds
from dermavigil.literature.extract.reacting_count import counts_reacting
from dermavigil.literature.extract.reported_events import REPORTED

_SHARE = re.compile(r"\b(?:\d+|[a-z]+)\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?\Z", re.I)
"""A count that is the denominator of a share ("reactions occurred in 48 of 200 patients"):
the cohort a rate is taken over, not patients counted by their reaction."""


def counted_by_reaction(draft: Draft) -> str | None:
    """The reaction that defines the counted patients of a series draft (the first of its
    reactions told in the clause of its count), or None when the draft is no series or its
    count is of patients defined otherwise (by what they received)."""
    if not draft.is_series:
        return None
    reactions = [
        (span, reaction["verbatim"])
        for i, reaction in enumerate(draft.case.get("reactions", []))
        for span in draft.evidence.get(f"reactions.{i}.verbatim", [])
    ]
    for start, end in draft.evidence.get("report.patients_in_report", []):
        if reactions and counts_reacting(draft.text, start, end):
            return str(sorted(reactions)[0][1])  # a cohort's share that had the reaction
        left, right = clause_bounds(draft.text, start, end)
        if EXPOSED.search(draft.text, end, right) or _SHARE.search(draft.text, left, start):
            continue
        for (a, b), verbatim in sorted(reactions):
            if left <= a and b <= right:
                return verbatim
    return None


def counted_in_reports(draft: Draft) -> str | None:
    """The first reaction of a series draft whose count is of reports or events in an
    analysis of a reporting system (:mod:`.extract.reported_events`: "we identified 57
    reports of ...", annotated `series` with `patients` null), or None."""
    if not draft.is_series or not draft.case.get("reactions"):
        return None
    spans = draft.evidence.get("report.patients_in_report", [])
    if any(REPORTED.fullmatch(draft.text, start, end) for start, end in spans):
        return str(draft.case["reactions"][0]["verbatim"])
    return None
