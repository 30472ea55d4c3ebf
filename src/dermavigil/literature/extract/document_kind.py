"""What kind of document a text is: the report of a case of its own, or a review, guideline or
consensus that reports none.

A literature search returns case reports beside reviews, guidelines and consensus statements
about the same products (the hard negatives of GVP Module VI.B.1.1.2 screening). A text tells a
case of its own when it has a *case cue* (:func:`case_cue`: "we report", "the authors report",
"a 45-year-old", "our patient", "a previously healthy woman", a heading "Case report", "report
of two cases"), not when it only names the case reports it searched or counts a study's
participants. A text that calls itself a review, a guideline, a consensus or a set of
recommendations (:data:`.study_design.REVIEW`) and has no case cue reports no case
(:func:`no_case_document`): its reactions, products and sites are the literature's, not a
patient's (``docs/annotation.md``: `no_case`, "no individual patient with an adverse event";
the issue: "abstracts with no adverse event give an empty draft marked so"). Both are read by
the screening of records (:mod:`dermavigil.literature.screen`) and by the extractor
(:mod:`.draft`). Pure: text in, verdict out.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.study_design import REVIEW

_STUDY_NOUNS = (
    r"(?:experiences?|data|results?|outcomes?|findings|incidence|rates?|cohort"
    r"|stud(?:y|ies)|(?:meta-)?analys[ie]s|reviews?|trials?|surveys?)"
)
"""What a study reports on ("we report on our clinical experience", "we describe the
clinical data of patients", "we present data from a trial"), or the study or review the text
is ("we present a systematic review", "we report a retrospective study"; not "a case
study"): an institution's patients in aggregate, or other texts, not a case."""
_CASES = (
    r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r" (?:new |further |additional |more )?(?:cases|patients)\b"
)
"""A count of cases ("2 new cases", "three patients"): the text's own when the text calls
itself their report ("...: report of two new cases and review of the literature"); a bare
count may be of other texts' cases or of a study's participants ("93 cases described in 30
articles", "780 patients treated")."""
_CASE = re.compile(
    rf"\b(?:(?:report|description|presentation)s? of {_CASES}"
    r"|(?:we|the authors) (?:here(?:by|in)? )?(?:report|present|describe)"
    r"(?!\s+(?:on\s+)?(?:(?:our|the|an?|this)\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}(?<!\bcase\s){_STUDY_NOUNS}\b)"
    # "in case of anaphylaxis" is a condition, not a case
    r"|(?<!\bin )case (?:report|of|series|presentation)"
    # an age bound of a population ("adults over 85 years old") is no patient's age
    r"|(?<!\bover )(?<!\bunder )(?<!\bthan )\d+[- ](?:year|yr|month|week)s?[- ]old"
    # "our patient", "one of our patients"; not "our patients", an institution's in aggregate
    r"|our patient(?!s)|\bone of our patients"
    # the patient introduced by an indefinite noun phrase, adjectives and all ("a woman", "a
    # previously healthy man", "an elderly female patient"; "one patient" only bare)
    r"|(?:(?:a|an) (?:(?!(?:of|with|and|or|in|for|to|who|that)\b)[a-z-]+ ){0,2}?|one )(?:man"
    r"|woman|boy|girl|patient|child|infant|baby|toddler|neonate|newborn|adolescent|teenager"
    r"|lady|gentleman)\b)"
    # the same cues in the other languages read: "estudo de um caso", "relatar o caso",
    # "presentamos el caso", "cas clinique", "caso clinico", "Fallbericht", and a patient's age
    # ("niña de 6 años", "mulher de 30 anos", "eine 45-jährige Patientin")
    r"|\b(?:estudo de (?:um )?caso|relat(?:o|ar|amos) (?:de |o |um )?caso|(?:presentamos|reportamos"
    r"|describimos) (?:el |un )?caso|reporte de (?:un )?caso|caso cl[ií]nico|cas clinique"
    r"|Fallbericht|Kasuistik|presentiamo (?:il |un )?caso"
    r"|(?:ni[ñn][oa]|mujer|hombre|var[óo]n|paciente|menin[oa]|mulher|homem) de \d+ (?:a[ñn]os|anos)"
    r"|\d+-j[äa]hrige[rn]?)\b",
    re.I,
)
_SOURCE_CUE = re.compile(r"case reports|case series|one patient", re.I)
"""Case cues that, in running text, name other texts or count patients: plural "case
reports" and "case series" are the sources a review searched, included or excluded ("case
reports and case series published since 2004 were included"), and "one patient" counts
among a study's participants ("one patient developed an abscess"); a text introduces its own
case as "a patient" or "a 45-year-old"."""
_OWN_KIND = re.compile(r"(?:^|[:•*]|\b(?:an?|this|our|the present))\s*\Z", re.I | re.M)
"""Before a case cue, what makes it the text's own kind: the start of a line (a heading or
a PubMed publication type, "Case Reports"), a title's subtitle after a colon ("...: case
reports and literature review"), or a determiner ("a case series", "this case series")."""


def case_cue(text: str) -> bool:
    """The text tells a case of its own (:data:`_CASE`), not only its sources or a count of
    participants (:data:`_SOURCE_CUE`, unless in a heading, a subtitle or after a
    determiner: :data:`_OWN_KIND`)."""
    for match in _CASE.finditer(text):
        cue = text[match.start() : match.end() + 1].rstrip(" \n.,;:)")
        if not _SOURCE_CUE.fullmatch(cue):
            return True
        if _OWN_KIND.search(text, max(0, match.start() - 20), match.start()):
            return True
    return False


def no_case_document(text: str) -> bool:
    """The text is a review, a guideline, a consensus or a set of recommendations
    (:data:`.study_design.REVIEW`) and tells no case of its own (:func:`case_cue`)."""
    return bool(REVIEW.search(text)) and not case_cue(text)
