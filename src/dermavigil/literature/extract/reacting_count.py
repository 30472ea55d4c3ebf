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

from dermavigil.literature.extract.cohort import clause_bounds, exposed_count
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.relevance import generic_section, literature_statement
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

_PEOPLE = r"patients|cases|children|infants|subjects|participants|individuals|women|men|adults"
_SUBGROUP = re.compile(
    rf"(?<![\w.,])(?P<n>{NUMBER_WORDS})\s*(?:\(\s*\d+(?:[.,]\d+)?\s*%\s*\)|of\s+(?:the\s+|these"
    rf"\s+|all\s+)?(?:{NUMBER_WORDS}))\s+(?:[\w-]+\s+)?(?:(?:{_PEOPLE})\s+)?(?:who\s+)?"
    r"(?:had|have|experienced|developed|showed|suffered|presented|reported|complained"
    r"|exhibited|with)\b",
    re.I,
)
"""A share of the cohort that had something: the count, its share (a percentage or "of N"),
at most one word and the counted noun, then a verb of what they had or "with"."""
_STUDIED = re.compile(
    r"\b(?:stud(?:y|ied)|survey|cohort|audit|involving|follow-up|followed)\b", re.I
)
"""The cue's clause says the count is of a studied cohort ("a study involving 133 children")."""


def _cohort(sentences: list[Sentence], found: tuple[int | None, Span]) -> bool:
    """The series cue counts a cohort by its exposure (:func:`.cohort.exposed_count`) or by the
    study that took it in (:data:`_STUDIED` in its clause)."""
    if exposed_count(sentences, found):
        return True
    start, end = found[1]
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            a, b = clause_bounds(sentence.text, start - sentence.start, end - sentence.start)
            return _STUDIED.search(sentence.text, a, b) is not None
    return False


def reacting_count(
    sentences: list[Sentence], found: tuple[int | None, Span] | None
) -> tuple[int, Span] | None:
    """The number of the cohort's patients with the reaction and its span, when the series cue
    ``found`` (:func:`.series_cue.find_series`) counts a cohort (:func:`_cohort`) and a later
    sentence, outside a background or discussion, counts a share of it that had something
    (:data:`_SUBGROUP`) smaller than the cohort; None otherwise."""
    if found is None or found[0] is None or not _cohort(sentences, found):
        return None
    total, (cue_start, _) = found[0], found[1]
    for sentence in sentences:
        if sentence.end <= cue_start or generic_section(sentence.section):
            continue
        for match in _SUBGROUP.finditer(sentence.text):
            at = sentence.start + match.start()
            value = number_value(match["n"])
            if at <= cue_start or value is None or not 2 <= value < total:
                continue
            if literature_statement(sentence.text, *match.span()):
                continue
            return int(value), (at, sentence.start + match.end("n"))
    return None
