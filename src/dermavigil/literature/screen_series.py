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
the counted patients all received or underwent (:data:`_EXPOSED`) nor the denominator of a
share (:data:`_SHARE`). Pure: a draft in, a verdict out.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract import Draft

_CLAUSE_END = re.compile(r"[.;:](?=\s|$)|\n")
"""A clause ends at a full stop, semicolon or colon before a space (not the point of "2.1%"),
or at a line break (a heading, a section label)."""


_ASIDE = re.compile(r"\([^()\n]*\)")
"""A parenthesis ("30 patients (28 females; mean age, 35 years) with ..."): its stops and
semicolons end no clause."""
_EXPOSED = re.compile(
    r"(?<!\bwho )(?<!\bthat )(?<!\bwhich )\b(?:received|underwent|were (?:\w+ )?(?:given"
    r"|administered|injected|treated|enrolled|included|studied|randomi[sz]ed|recruited|followed"
    r"|vaccinated|immuni[sz]ed|evaluated|assessed|surveyed))\b",
    re.I,
)
"""The counted patients are the subject of what was done to them all ("208 patients received
4,369 injections", "a total of 400 patients were studied"): a cohort defined by its exposure
or its enrolment; a relative clause ("12 patients who received the vaccine") only says where
patients counted by their reaction came from."""


_SHARE = re.compile(r"\b(?:\d+|[a-z]+)\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?\Z", re.I)
"""A count that is the denominator of a share ("reactions occurred in 48 of 200 patients"):
the cohort a rate is taken over, not patients counted by their reaction."""


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause of ``text`` around ``text[start:end]``."""
    masked = _ASIDE.sub(lambda m: " " * len(m.group(0)), text)
    left = max((m.end() for m in _CLAUSE_END.finditer(masked, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_END.finditer(masked, end)), len(text))
    return left, right


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
        left, right = _clause(draft.text, start, end)
        if _EXPOSED.search(draft.text, end, right) or _SHARE.search(draft.text, left, start):
            continue
        for (a, b), verbatim in sorted(reactions):
            if left <= a and b <= right:
                return verbatim
    return None
