"""An onset told by calendar dates: the date of the first sign minus the date of the exposure.

"In March 2019 she received hyaluronic acid injections in the lips ... In May 2019 she
noticed painful nodules": neither sentence states a latency, their dates do
(docs/annotation.md, r5xx decisions: "calendar months give their difference"). A date
is read in the forms case reports write it ("March 2019", "March 12, 2019", "12 March
2019", "on March 12"; a missing year is the other date's). The exposure date is the
first date in a sentence that tells an injection; the sign date the first later date in
a sentence where a sign began (developed, noticed, appeared ...), not one where the
patient was seen (a time to presentation is no onset). With days on both dates the
difference is in days, else in months (30.4375 days each, as the annotation's unit).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sign_verbs import BEGAN

Span = tuple[int, int]

_MONTH_NAMES = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_NUMBER = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_NAMES})\.?"
    rf"|(?P<m2>{_MONTH_NAMES})\.?(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?)"
    r"(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?\b",
    re.I,
)
_EXPOSED = re.compile(
    r"\b(?:injected|injections?|received|underwent|undergone|administered|vaccinated"
    r"|vaccinations?|treated with|procedure|sessions?|filler)\b",
    re.I,
)
"""A sentence that tells the exposure ("received filler injections in March 2019")."""
_SIGN = re.compile(
    rf"\b(?:{BEGAN}|noticed|experienced|onset|first signs?|first symptoms?)\b",
    re.I,
)
"""A sentence that tells a sign beginning ("In June 2021 she developed nodules")."""
_BEFORE_YEARLESS = re.compile(r"\b(?:in|on|of|early|late|mid)[\s-]+$", re.I)
_SEEN = re.compile(
    r"\b(?:presented|admitted|referred|visited|consulted|came|seen|attended)\b", re.I
)


@dataclass(frozen=True)
class _Date:
    year: int | None
    month: int
    day: int | None
    span: Span


@dataclass(frozen=True)
class DatedOnset:
    """The onset from two calendar dates, with the exposure date's span."""

    onset: Duration
    text: str
    span: Span


def _dates(sentence: Sentence) -> list[_Date]:
    out = []
    for m in _DATE.finditer(sentence.text):
        name = (m.group("m1") or m.group("m2")).lower()[:3]
        if name == "may" and not (m.group("year") or m.group("d1") or m.group("d2")):
            continue  # the modal verb
        if not m.group("year") and not _BEFORE_YEARLESS.search(sentence.text, 0, m.start()):
            continue  # "in December", "on March 12": a date; "March" alone may be a name
        day = m.group("d1") or m.group("d2")
        year = int(m.group("year")) if m.group("year") else None
        month = _MONTH_NUMBER[name]
        span = (sentence.start + m.start(), sentence.start + m.end())
        out.append(_Date(year, month, int(day) if day else None, span))
    return out


def _difference(first: _Date, later: _Date) -> Duration | None:
    year = first.year or later.year
    later_year = later.year or year
    if year is None or later_year is None:
        return None
    if first.day and later.day:
        try:
            days = (
                datetime.date(later_year, later.month, later.day)
                - datetime.date(year, first.month, first.day)
            ).days
        except ValueError:
            return None
        return Duration(value=days, unit=TimeUnit.day) if days > 0 else None
    months = (later_year - year) * 12 + later.month - first.month
    return Duration(value=months, unit=TimeUnit.month) if months > 0 else None


def calendar_onset(sentences: list[Sentence], text: str) -> DatedOnset | None:
    """The onset from an exposure date and a later date on which a sign began."""
    exposure: _Date | None = None
    for sentence in sentences:
        dates = _dates(sentence)
        if not dates:
            continue
        if exposure is None:
            if _EXPOSED.search(sentence.text) and not _SIGN.search(sentence.text):
                exposure = dates[0]
            continue
        if _SIGN.search(sentence.text) and not _SEEN.search(sentence.text):
            onset = _difference(exposure, dates[0])
            if onset is not None:
                return DatedOnset(onset, text[exposure.span[0] : exposure.span[1]], exposure.span)
    return None
