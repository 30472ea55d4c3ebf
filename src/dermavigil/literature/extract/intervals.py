"""An onset told as two intervals back from the visit: their difference.

Case reports often date both the exposure and the first sign back from the day the
patient was seen ("She received filler injections in her glabella five years ago" and
"presented with a swelling that had occurred 10 days earlier"; "underwent a cosmetic
procedure 3 weeks earlier" and "a drooping eyelid first noted 2 weeks before this
consultation"; "ten PRP sessions 4 years back" and "nodules on the face for one year").
Neither interval is the onset; their difference is (docs/annotation.md: "where a text
gives two intervals, the onset is their difference"; r081, r417, r431). A latency stated
from the exposure wins over two intervals, and so does a worded onset (:mod:`.onset`).

Only the first exposure interval and the longest sign interval of the first sentence
that gives one are read; a sign interval longer than the exposure one gives nothing (the
sign predates the exposure: a background illness); two equal intervals give 0
(docs/annotation.md, r6xx decisions: "two equal intervals give 0").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.time_units import TIME_UNITS, UNIT_WORDS

Span = tuple[int, int]

_UNIT = rf"(?P<unit>{UNIT_WORDS})s?"
_N = (
    r"(?:about |approximately |around |nearly |almost |over |more than )?"
    rf"(?P<n>{NUMBER_WORDS})(?:\s*(?:-|\u2013|to)\s*\d+(?:\.\d+)?)?"
)
"""A number, or a range read by its lower bound ("approximately 2-3 months ago", "for 1-2
weeks": docs/annotation.md, r9xx decisions: two ranged intervals give the difference of their
lower bounds)."""
_AGO = (
    r"(?:ago|earlier|back|previously|before(?! (?:the |her |his )?(?:onset|appearance|first"
    r"|symptom))|prior(?! to (?:the |her |his )?(?:onset|appearance|first|symptom)))\b"
)
_EXPOSED = (
    r"(?:received|underwent|undergone|undergoing|been injected|was injected|were injected"
    r"|had (?:an? |her |his )?(?:\w+ ){0,3}?(?:injections?|procedure|treatment|sessions?)"
    r"|vaccinated|injections?|sessions?|procedure|tattoo(?:s|ed|ing)?|microblading"
    r"|micropigmentation)"
)


@cache
def _exposure_intervals() -> tuple[re.Pattern[str], ...]:
    """The exposure dated back from the visit: "Five years ago, she had received ...", "she
    underwent an outpatient procedure 3 weeks earlier", "ten PRP sessions 4-years back", "a
    cosmetic tattoo of red ink on her lips 3 years ago", "microblading 1.5 years prior" (the u0xx
    decision: time since injection or tattooing minus the lesions' duration).
    Compiled on the first call, not at import: a case whose onset is stated never needs it."""
    return (
        re.compile(rf"(?<![\w-]){_N}[\s-]+{_UNIT}[\s-]+{_AGO}\W{{0,3}}(?:[\w-]+\s+){{0,3}}?"
                   rf"{_EXPOSED}\b", re.I),
        re.compile(rf"\b{_EXPOSED}\b[^.;]{{0,140}}?(?<![\w-]){_N}[\s-]+{_UNIT}[\s-]+{_AGO}", re.I),
    )  # fmt: skip


_SINCE = (
    r"(?:before|prior to) (?:this|the|her|his|our) (?:consultation|presentation|admission|visit)"
)


@cache
def _sign_intervals() -> tuple[re.Pattern[str], ...]:
    """The first sign dated back from the visit: "a swelling that had occurred 10 days
    earlier", "Five months ago, she had developed", "first noted 2 weeks before this
    consultation", "of 3 days duration", "a patch of
    2 months' evolution", "a 2-month history of", "presented with nodules on the face for one
    year" (the complaint's clause, not a treatment's), "pain and swelling over a period of two
    weeks", "for the past 3 days".
    (compiled on the first call, as :func:`_exposure_intervals`)"""
    return (
        # "Five months ago, she had developed ...": the interval first, then the sign's verb
        re.compile(
            rf"(?<![\w-]){_N}[\s-]+{_UNIT}[\s-]+(?:ago|earlier|previously|before|prior)\W{{0,3}}"
            r"(?:she|he|the patient)\s+(?:had\s+)?(?:first\s+)?(?:developed|noticed|noted"
            r"|experienced)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:had|has|have)\s+(?:\w+\s+){0,2}?(?:occurred|appeared|developed|started|begun|began"
            rf"|been present|existed|emerged)\s+(?:\w+\s+)?{_N}[\s-]+{_UNIT}[\s-]+(?:earlier|ago"
            r"|before|previously|prior)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:noted|noticed|appeared|developed|started|began|occurred)\s+(?:\w+\s+)?"
            rf"{_N}[\s-]+{_UNIT}[\s-]+{_SINCE}",
            re.I,
        ),
        re.compile(
            rf"\b(?:of|with an?)\s+{_N}[\s-]+{_UNIT}['\u2019]?[\s-]+"
            r"(?:duration|history|evolution)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:present(?:ed|s|ing)|complain\w*)\s+(?:to\s+[^.;]{0,120}?\s+)?(?:of|with|about)\s+"
            r"(?:(?!treated|given|for\b)"
            rf"[^.;]){{3,80}}?\bfor\s+(?:the\s+(?:past|last)\s+)?{_N}[\s-]+{_UNIT}\b",
            re.I,
        ),
        re.compile(rf"(?<![\w-]){_N}[\s-]+{_UNIT}[\s-]+history of\b", re.I),
        re.compile(
            r"\b(?:over|for|during)\s+(?:a\s+(?:period|course|span)\s+of|the\s+(?:past|last"
            rf"|previous|preceding))\s+{_N}[\s-]+{_UNIT}\b",
            re.I,
        ),
    )


_PRESENTING = re.compile(
    r"\b(?:present(?:ed|s|ing)|complain\w*|referred|admitted|came|visited|consulted|seen"
    r"|history)\b",
    re.I,
)
"""A sign's duration counts in a sentence about the visit ("presented with ... for one
year"), not in one about a treatment ("treated for 2 weeks"); a sign's own verb ("had
started 6 months previously") counts anywhere."""


@dataclass(frozen=True)
class Intervals:
    """The onset as the difference of two intervals, with the exposure interval's span."""

    onset: Duration
    text: str
    span: Span


def _days(match: re.Match[str]) -> float | None:
    value = number_value(match.group("n"))
    unit = TIME_UNITS.get(match.group("unit").lower())
    if value is None or unit is None:
        return None
    return Duration(value=value, unit=unit).days()


def _exposure(sentences: list[Sentence]) -> tuple[float, re.Match[str], Sentence] | None:
    for sentence in sentences:
        found = [m for p in _exposure_intervals() for m in p.finditer(sentence.text)]
        for match in sorted(found, key=lambda m: m.start()):
            days = _days(match)
            if days is not None:
                return days, match, sentence
    return None


def _sign(sentences: list[Sentence]) -> float | None:
    """The longest sign interval of the first sentence that gives one: a sign's own verb
    dates it anywhere ("The patient reported that the edema had started 6 months
    previously"), a duration only in a sentence about the visit."""
    for sentence in sentences:
        signs = _sign_intervals()
        if not _PRESENTING.search(sentence.text):
            signs = signs[:3]
        days = [_days(m) for p in signs for m in p.finditer(sentence.text)]
        known = [d for d in days if d is not None]
        if known:
            return max(known)
    return None


def dated_back(text: str) -> bool:
    """The words date the exposure back from the visit ("Three weeks earlier, the patient
    underwent ...")."""
    return any(p.search(text) for p in _exposure_intervals())


def two_intervals(sentences: list[Sentence]) -> Intervals | None:
    """The onset from an exposure and a first sign both dated back from the visit."""
    exposure = _exposure(sentences)
    sign = _sign(sentences)
    if exposure is None or sign is None:
        return None
    days, match, sentence = exposure
    if sign > days:
        return None  # the sign predates the exposure: a background illness
    span = (sentence.start + match.start(), sentence.start + match.end())
    onset = Duration(value=round(days - sign, 4), unit=TimeUnit.day)
    return Intervals(onset, match.group(0), span)
