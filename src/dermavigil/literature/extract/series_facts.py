"""A series' facts stated for a group of its patients: reactions and seriousness.

A series abstract often singles out no patient ("Five patients presented with granuloma
formation after ...", "Complications included hematomas, infection, nodule formation"): its
sentences that count this report's patients tell the series' reactions
(:func:`with_groups`), outside a discussion or conclusion and not about the literature.

``docs/annotation.md``: a series is ``serious`` when the text states a criterion (ICH E2A)
for any of its patients. A series abstract tells them for a counted group, not for a
patient it singles out: "Three patients required surgical excision", "seven women fell ill;
four were hospitalized", "17 patients who underwent perilesional surgical excision", "23 of
24 cases underwent surgery", "five cases of granulomas that required extensive surgical
excision". The criteria are those of :func:`.seriousness.find_seriousness`, asserted and
not hypothetical, read from the sentences that count patients outside a background,
discussion or conclusion section. An excision counts as the text states it: the rule that
ties an excision to a stated resolution (r7xx decisions) is for one patient's narrative,
and a series rarely tells each patient's resolution.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.cohort import exposed_count
from dermavigil.literature.extract.numbers import NUMBER_WORDS
from dermavigil.literature.extract.outcome import OutcomeFacts
from dermavigil.literature.extract.relevance import generic_section, literature_statement
from dermavigil.literature.extract.reported_events import analyses_reports, reported_counts
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.series_cue import find_series
from dermavigil.literature.extract.seriousness import find_seriousness
from dermavigil.literature.extract.study_design import TRIAL

_GROUP = re.compile(
    rf"\b(?:{NUMBER_WORDS})\s+(?:of\s+(?:the\s+|these\s+|them\b|our\s+|\d+\b)\s*)?(?:[\w-]+\s+){{0,3}}?"
    r"(?:patients|cases|women|men|children|girls|boys|subjects|individuals|victims|clients)\b"
    rf"|\b(?:{NUMBER_WORDS})\s+(?:of\s+(?:them|these|the\s+\w+))?\s*(?:were|was|had|required"
    r"|underwent|needed|died)\b"
    r"|\b(?:all|both|the (?:other|remaining))\s+(?:patients?|cases?)\b"
    r"|\b(?:the|most(?: of(?: the)?)?)\s+(?:patients|children|infants|women|men|girls|boys)\b"
    r"|\b(?:in|of) (?:selected|some|several|many|most|certain|a few) (?:patients|cases)\b"
    r"|\bthe (?:first|second|third) (?:patient|case)\b",
    re.I,
)
"""A sentence that speaks of a counted group of the series' patients (or of an uncounted part
of them: "surgical resections were indicated in selected cases"), or of all or most of them
by a definite plural ("The children had itching nodules", "Most of the patients needed
care"): in a series, the patients are the series'."""
_SUMMED = re.compile(
    r"(?:^|:)\s*(?:the )?(?:[\w-]+\s+){0,2}?(?:complications|adverse (?:events|reactions|effects)"
    r"|reactions|events|side effects) (?:(?:mainly|mostly|chiefly|largely|primarily) )?(?:included"
    r"|comprised|consisted)\b",
    re.I,
)
"""'Complications included hematomas, infection, ...', 'Common adverse events included ...',
'Adverse effects comprised mainly of pain and swelling': the series' events summed up (the
verb that sums them up tells them)."""


def add_group_seriousness(outcome: OutcomeFacts, sentences: list[Sentence]) -> None:
    """Add to ``outcome`` the criteria a series states for a group of its patients."""
    group = [
        s
        for s in sentences
        if s.section != "title"
        and not generic_section(s.section)
        and (m := _GROUP.search(s.text))
        and not literature_statement(s.text, *m.span())
    ]
    criteria, spans = find_seriousness(group)
    for criterion, span in zip(criteria, spans, strict=True):
        if criterion not in outcome.seriousness:
            outcome.seriousness.append(criterion)
            outcome.spans.setdefault("seriousness", []).append(span)


_AFTER_CASES = frozenset({"discussion", "conclusion", "conclusions", "lessons"})
_TOLD = re.compile(
    r"\b(?:presented|developed|experienced|had|showed|suffered|included|complicated|were"
    r" (?:diagnosed|seen|treated|admitted|referred|identified|found|noted|observed)|underwent"
    r"|required|reports?|describes?|occurred|appeared|arose|revealed)\b",
    re.I,
)
"""A group sentence that tells what happened (not only how many were studied): a verb of
having, presenting or undergoing, or of occurring or being found ("revealed 124 children
with ...", "nodules occurred in 6 infants")."""


_COUNTED = re.compile(
    r"[a-z]\s*\(\s*(?:n\s*=\s*\d|\d[\d,.]*\s*(?:cases?|patients?|reports?|events?|subjects?"
    r"|participants?|children)\b|\d+\s*/\s*\d+\s*[,;)])",
    re.I,
)
"""A results sentence of a series that counts an event among its patients: a term with its
count in parentheses ("swelling (n = 5, 24%)", "nodule formation (2952 cases)"), or with
the count of the patients who had it over the series' size ("itching (4/11)")."""
_SHARED = re.compile(
    r"[a-z]\s*\(\s*\d[\d,.]*\s*%"
    r"|\b\d+(?:\.\d+)?\s?%\s+(?:(?:were|was|had|showed|developed|experienced)\s+)?[a-z]",
    re.I,
)
"""An event shared out as a rate: a term with its share ("pain (9.3%)", "21.5%
hypersensitivity"). An analysis of reported events tells its reactions so; a trial or a cohort
reporting only rates is no series of cases (``docs/annotation.md``, kinds: "a trial or
efficacy study reporting only rates ... `no_case`"), so elsewhere a rate is no cue."""
_MOST = re.compile(
    r"\bmost (?:common(?:ly)?|frequent(?:ly)?)(?: reported| observed| seen)?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:adverse events?|complications?|reactions?|side effects?|events?|symptoms?|lesions?"
    r"|findings?|manifestations?|injur(?:y|ies)|AEs)\b",
    re.I,
)
"""The most frequent events named ("The most commonly reported events were ...", "Nodules were
the most common complication"): how an analysis of reported events, or the results section
of a series, ranks the events of its patients."""
_RATE = re.compile(r"\d\s?%|\bper\s?cent\b", re.I)
"""A rate in a ranking ("the most frequent events were erythema (12%) and ..."): events of a
cohort reported in aggregate, not a series' events (``docs/annotation.md``, kinds)."""
_BEFORE_RESULTS = re.compile(
    r"method|objective|aim|purpose|background|introduction|design|setting|rationale", re.I
)
"""Sections of a structured abstract before its results: what was studied, not what happened."""


_RESULTS = frozenset({"results", "result", "findings"})
"""A results section: its "adverse events include ..." tells the series' own events."""


def results_sentence(sentence: Sentence, analysis: bool = False) -> bool:
    """A results sentence of a series that tells its events with their counts
    (:data:`_COUNTED`), or, in an ``analysis`` of a reporting system, with their shares
    (:data:`_SHARED`) or the count of the reports of an event
    (:func:`.reported_events.reported_counts`), or, in an analysis or a results section
    giving no rate (:data:`_RATE`), by their rank (:data:`_MOST`): not the title, a section
    before the results (methods, objective) or after them (discussion, conclusion), not a
    statement about the literature outside a results section."""
    section = sentence.section or ""
    if section == "title" or section in _AFTER_CASES or _BEFORE_RESULTS.search(section):
        return False
    match = (
        _COUNTED.search(sentence.text)
        or analysis
        and _SHARED.search(sentence.text)
        or (analysis or section in _RESULTS and not _RATE.search(sentence.text))
        and _MOST.search(sentence.text)
    )
    if match and (section in _RESULTS or not literature_statement(sentence.text, *match.span())):
        return True
    return bool(reported_counts(sentence.text, analysis))  # "we found 192 reports of X"


_WANTED = re.compile(r"\b(?:needed|should|warrant\w*|future|further)\b", re.I)
"""A trial only wished for ("controlled trials are needed"): not what the text is."""


def is_trial(sentences: list[Sentence]) -> bool:
    """The text is a trial (:data:`.study_design.TRIAL`) by its title or a sentence before its
    discussion that wishes for none."""
    return any(
        TRIAL.search(s.text) and not _WANTED.search(s.text)
        for s in sentences
        if s.section not in _AFTER_CASES
    )


def with_groups(told: list[Sentence], sentences: list[Sentence]) -> list[Sentence]:
    """``told`` and, in a series, the sentences that count its patients and tell what
    happened or that sum its events up ("Complications included ..."), and, unless it is a trial
    (:func:`is_trial`) or a cohort counted by its exposure (:func:`.cohort.exposed_count`), its
    results sentences that count or share out its events (:func:`results_sentence`), in text
    order."""
    found = find_series(sentences)
    if found is None:
        return told
    have = {s.index for s in told}
    analysis = analyses_reports(sentences)
    # a trial's, or a cohort's counted by what its patients received, are events in aggregate
    aggregate = is_trial(sentences) or exposed_count(sentences, found)
    extra = [
        s
        for s in sentences
        if s.index not in have
        and s.section != "title"
        and s.section not in _AFTER_CASES
        and (
            ((m := _GROUP.search(s.text)) and _TOLD.search(s.text) or _SUMMED.search(s.text))
            and not literature_statement(s.text, *(m.span() if m else (0, len(s.text))))
            or not aggregate
            and results_sentence(s, analysis)
        )
    ]
    return sorted([*told, *extra], key=lambda s: s.index) if extra else told
