"""How many patients of a studied cohort had the reaction: the series' count of patients.

``docs/annotation.md`` (one convention for analyses of many patients): a cohort, registry or
survey analysis naming a count of patients with the reaction is a series whose ``patients``
is that count, not the size of the cohort ("27 patients with systemic reactions of 208
treated"; the check rounds corrected "from the whole cohort to those with the reaction").
Such a text counts its cohort first, by what was done to them all or by the study that
took them in ("a total of 208 patients received 4,369 injections", "a study involving 133
children"), then the part of it that reacted, marked as a share of the cohort: a percentage
or an "of N" after the count, the counted noun, and a verb of what they had or "with"
("27 (13.0%) patients experienced systemic reactions", "124 (93%) children with sciatic nerve
injury", "9 of the 40 patients developed nodules"). A subgroup counted by what was done to it
("23 of 24 cases underwent surgery") is no count of reactions.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.cohort import EXPOSED, clause_bounds, exposed_count
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.relevance import generic_section, literature_statement
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

_PEOPLE = r"patients|cases|children|infants|subjects|participants|individuals|women|men|adults"
_SHARE = r"\(\s*\d+(?:[.,]\d+)?\s*%\s*\)"
_HAD = (
    r"(?:had|have|experienced|developed|showed|suffered|presented|reported|complained"
    r"|exhibited|with)\b"
)
_SUBGROUP = re.compile(
    rf"(?<![\w.,])(?P<n>{NUMBER_WORDS})\s*(?:{_SHARE}|of\s+(?:the\s+|these\s+|all\s+)?"
    rf"(?:{NUMBER_WORDS}))\s+(?:[\w-]+\s+)?(?:(?:{_PEOPLE})\s+(?:{_SHARE}\s+)?)?(?:who\s+)?{_HAD}"
    rf"|\b(?<!severe )(?<!serious )(?<!major )(?<!minor )(?<!mild )(?:complications|adverse"
    rf" (?:events|reactions|effects)|side effects|AEs)\s+(?:occurred|developed|appeared"
    rf"|(?:was|were) (?:observed|noted|seen|found|reported|recorded))\s+in\s+"
    rf"(?P<m>{NUMBER_WORDS})\s+(?:[\w-]+\s+)?(?:{_PEOPLE})\b",
    re.I,
)
"""A share of the cohort that had something: the count, its share (a percentage or "of N",
also after the noun: "five of the 24 patients (21%) developed"), at most one word and the
counted noun, then a verb of what they had or "with"; or the event told first and the
patients it occurred in ("complications occurred in 19 patients", "pain was observed in
12 children")."""
_PART = re.compile(
    rf"\bof\s+(?:the\s+|these\s+|all\s+)?(?P<total>{NUMBER_WORDS})\s+[^,;.()]{{3,120}}?,\s*"
    rf"(?P<n>{NUMBER_WORDS})\s+(?:[\w-]+\s+)?(?:(?:{_PEOPLE})\s+)?(?:{_HAD}|(?:was|were)\s+"
    r"(?:identified|diagnosed|found|confirmed)\b)",
    re.I,
)
"""The whole named first and its part after the comma ("Of 202 patients seen for late
symptoms, 40 had swelling at the site", "Of the 900 patients who attended, 31 cases were
identified"): a fronted partitive, whose part is the share that had something."""
_PLANNED = re.compile(r"aim|objective|purpose|method|design|introduction", re.I)
"""A section that says what was planned, not what happened: an event told first and the
patients it occurred in is a result only outside one (two-column text runs a result into the
aim)."""
_STUDIED = re.compile(
    r"\b(?:stud(?:y|ied)|survey|cohort|audit|involving|follow-up|followed)\b", re.I
)
"""The cue's clause says the count is of a studied cohort ("a study involving 133 children")."""


_PEOPLE_COUNT = re.compile(
    rf"(?<![\w.,])(?P<n>{NUMBER_WORDS})\s+(?:[\w-]+\s+){{0,2}}?(?:{_PEOPLE})\b", re.I
)
"""A count of patients ("a total of 69 children", "208 consecutive patients")."""


def _enrolled(sentence: Sentence, start: int, end: int) -> bool:
    """The count at ``sentence.text[start:end]`` is of a cohort: the subject of what was done
    to them all (:data:`.cohort.EXPOSED` after it) or counted by the study that took them in
    (:data:`_STUDIED` in its clause)."""
    a, b = clause_bounds(sentence.text, start, end)
    return bool(EXPOSED.search(sentence.text, end, b) or _STUDIED.search(sentence.text, a, b))


def _cohort(sentences: list[Sentence], found: tuple[int | None, Span]) -> bool:
    """The series cue counts a cohort by its exposure (:func:`.cohort.exposed_count`) or by the
    study that took it in (:data:`_STUDIED` in its clause), or its number is counted so in
    another sentence ("a review of 69 children ... A total of 69 children were included in the
    study"), or is the whole that a fronted partitive divides (:data:`_PART`)."""
    if exposed_count(sentences, found) or _partitioned(sentences, found[0]):
        return True
    start, end = found[1]
    if any(
        s.start <= start < s.end and _enrolled(s, start - s.start, end - s.start) for s in sentences
    ):
        return True
    return any(
        number_value(m["n"]) == found[0] and _enrolled(sentence, *m.span())
        for sentence in sentences
        if not generic_section(sentence.section)
        for m in _PEOPLE_COUNT.finditer(sentence.text)
    )


def _partitioned(sentences: list[Sentence], total: int | None) -> list[re.Match[str]]:
    """The fronted partitives (:data:`_PART`) whose whole is the series cue's count."""
    return [
        match
        for sentence in sentences
        for match in _PART.finditer(sentence.text)
        if total is not None and number_value(match["total"]) == total
    ]


def _shares(sentence: Sentence, total: int) -> list[re.Match[str]]:
    """The shares of the cohort a sentence counts (:data:`_SUBGROUP`, and the parts of a
    fronted partitive whose whole is the cohort, :data:`_PART`), in text order."""
    found = [*_SUBGROUP.finditer(sentence.text), *_partitioned([sentence], total)]
    return sorted(found, key=lambda match: match.start("n" if match["n"] else "m"))


def reacting_count(
    sentences: list[Sentence], found: tuple[int | None, Span] | None
) -> tuple[int, Span] | None:
    """The number of the cohort's patients with the reaction and its span, when the series cue
    ``found`` (:func:`.series_cue.find_series`) counts a cohort (:func:`_cohort`) and a later
    sentence, outside a background or discussion, counts a share of it that had something
    (:func:`_shares`) smaller than the cohort; None otherwise."""
    if found is None or found[0] is None or not _cohort(sentences, found):
        return None
    total, (cue_start, _) = found[0], found[1]
    for sentence in sentences:
        if sentence.end <= cue_start or generic_section(sentence.section):
            continue
        for match in _shares(sentence, total):
            group = "n" if match["n"] else "m"
            at = sentence.start + match.start(group)
            value = number_value(match[group])
            if at <= cue_start or value is None or not 2 <= value < total:
                continue
            if literature_statement(sentence.text, *match.span()):
                continue
            if group == "m" and _PLANNED.search(sentence.section or ""):
                continue
            offset = sentence.start
            return int(value), (offset + match.start(group), offset + match.end(group))
    return None


def counts_reacting(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is the count of a share of a cohort that had something
    (:data:`_SUBGROUP`, :data:`_PART`: the count :func:`reacting_count` gives a series):
    patients counted by their reaction."""
    left, right = clause_bounds(text, start, end)
    return any(
        match.span("n" if match["n"] else "m") == (start, end)
        for match in [*_SUBGROUP.finditer(text, left, right), *_PART.finditer(text, left, right)]
    )
