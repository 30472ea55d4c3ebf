"""An analysis of reported adverse events is a series counted in reports, not patients.

``docs/annotation.md`` (kinds, the b0xx convention kept for every round): "cohort, registry
and surveillance analyses naming a count of patients with the reaction are `series`
(`patients` null when the text counts reports rather than patients)". An analysis of a
reporting system (a spontaneous-reporting or device-report database, a registry, a
pharmacovigilance or surveillance programme, post-marketing safety data) counts what it
found as reports, events or complications ("a total of 34 device reports were identified",
"we found 192 reports", "1,204 complications were identified", "338 events were
identified"), not as patients. Such a count, in a text that names a reporting system
(:data:`SYSTEM`), is the cue of a series whose number of patients the text does not give.

The reporting system is named by its kind (the words of the pharmacovigilance vocabulary:
ICH E2D's "spontaneous report", "post-marketing", "registry"; WHO's "surveillance") or by the
acronym of a national or international reporting database.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

SYSTEM = re.compile(
    r"\b(?:database|data base|registry|registries|reporting system|pharmacovigilance"
    r"|surveillance|spontaneous(?:ly)? report\w*|post-?market\w*|safety reports?"
    r"|adverse event reports?)\b"
    r"|\b(?:MAUDE|FAERS|VAERS|AERS|EudraVigilance|VigiBase|MHRA|Yellow Card)\b",
    re.I,
)
"""A reporting system the text analyses (by its kind or its acronym)."""
_SEARCHED = re.compile(
    r"\b(?:literature|medline|pubmed|embase|scopus|cochrane|web of science|google scholar"
    r"|published)\b",
    re.I,
)
"""A literature search ("the PubMed database was searched"): its database holds articles, not
reports of adverse events."""

_COUNT = rf"(?:\d{{1,3}}(?:[,\u00a0\u202f ]\d{{3}})+|{NUMBER_WORDS})"
REPORTED = re.compile(
    rf"(?<![\d.,])(?P<n>{_COUNT})\s+(?!per\s?cent)(?:(?:of\s+)?[a-z][\w-]*\s+){{0,3}}?"
    r"(?:reports|adverse events|adverse reactions|events|complications|reactions)\b"
    r"(?!\s+(?:for every|in every|per)\b)",
    re.I,
)
"""A count of reports, events or complications ("34 medical device reports", "28
spontaneously reported adverse events", "thirteen of these reports"), not a percentage nor a
rate ("3 severe reactions for every 100,000 injections")."""


_DATABASE = re.compile(r"data ?base", re.I)
"""The one word of :data:`SYSTEM` that also names where articles are held (PubMed's database)."""


def analyses_reports(sentences: list[Sentence]) -> bool:
    """The text names a reporting system (:data:`SYSTEM`): by its kind or its acronym in any
    sentence ("the cases published in the literature and those notified to the national
    pharmacovigilance system"), or as a bare database in a sentence that is not about a
    literature search (whose database holds articles)."""
    return any(
        not _SEARCHED.search(s.text)
        or any(not _DATABASE.fullmatch(m.group(0)) for m in SYSTEM.finditer(s.text))
        for s in sentences
        if SYSTEM.search(s.text)
    )


def reported_counts(text: str, analysis: bool) -> list[Span]:
    """The spans of the counts of reports or events in a sentence ``text`` of a text that
    names a reporting system (``analysis``); none in any other text."""
    if not analysis:
        return []
    return [
        m.span()
        for m in REPORTED.finditer(text)
        if (number_value(re.sub(r"[,\u00a0\u202f ](?=\d{3})", "", m["n"])) or 0) >= 2
    ]


def counts_reports(sentences: list[Sentence], found: tuple[int | None, Span] | None) -> bool:
    """The series cue ``found`` (:func:`.series_cue.find_series`) is a count of reports or
    events in a text that analyses a reporting system (:func:`analyses_reports`)."""
    if found is None or not analyses_reports(sentences):
        return False
    start, end = found[1]
    return any(
        s.start <= start
        and end <= s.end
        and REPORTED.fullmatch(s.text, start - s.start, end - s.start)
        for s in sentences
    )
