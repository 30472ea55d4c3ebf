"""The onset latency a reaction's sentence states, or its worded onset.

A latency ("three days after injection", "after 2 weeks", "by 12 hours", "the next day", "the
day after the area was injected")
or a worded onset ("shortly after the injection", "overnight") in the
sentence of a reaction mention; a time to recovery ("resolved after 6
weeks") is none, and so is a time on treatment ("after 10 years administration of
interferon"): the latency runs from the (last) exposure (``docs/annotation.md``, ``onset_days``).
"""

from __future__ import annotations

import re

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

_UNIT = r"(?:minute|min|hour|hr|h|day|week|wk|month|mo|year|yr)s?"
_UNITS = {
    "min": "minute", "minute": "minute", "h": "hour", "hr": "hour", "hour": "hour", "day": "day",
    "wk": "week", "week": "week", "mo": "month", "month": "month", "yr": "year", "year": "year",
}  # fmt: skip
_RANGE = r"(?:\s*(?:-|\u2013|to)\s*(?:\d+(?:\.\d+)?))?"
_LATENCY = re.compile(
    rf"(?:(?<![\w-])(?P<n>{NUMBER_WORDS}){_RANGE}[\s-]+(?P<unit>{_UNIT})\s*(?:after|following|post"
    rf"|later)\b(?:[\s-]+(?:the\s+|her\s+|his\s+)?(?:first\s+|initial\s+|last\s+)?(?:injection"
    rf"|procedure|treatment|session|administration|vaccination|dose)s?)?|\b(?:after|within|by)\s+"
    rf"(?:the\s+first\s+|about\s+|approximately\s+)?(?P<n2>{NUMBER_WORDS}){_RANGE}[\s-]+"
    rf"(?P<unit2>{_UNIT})\b(?!\s+(?:of\s+)?(?:administration|treatment|therapy|use)\b)"
    rf"|\b(?:the )?(?P<next>(?:next|following) day|(?<=the )day after(?="
    r"\s+(?:the|her|his|an?|injection|treatment|vaccination)\b))\b)",
    re.I,
)
_RESOLUTION = re.compile(
    r"\b(?:resol\w*|heal\w*|improv\w*|recover\w*|regress\w*|subsid\w*|treat\w*|disappear\w*)\b",
    re.I,
)
_ONSET_WORDS = re.compile(
    r"\b(?:shortly|immediately|soon|right|directly)\s+after\s+(?:the\s+|her\s+|his\s+)?"
    r"(?:injection|procedure|treatment|session|administration)s?|within (?:minutes|hours|days)"
    r"|(?:several|a few) (?:days|weeks|months) later|overnight",
    re.I,
)


def latency(sentence: Sentence) -> tuple[Duration | None, str | None, Span | None]:
    """The latency (or worded onset) stated in the sentence, its text and its span."""
    match = _LATENCY.search(sentence.text)
    if match and match.group("n2") and _RESOLUTION.search(sentence.text[: match.start()][-40:]):
        match = None  # "resolved after 6 weeks" is a time to recovery, not an onset
    if match:
        span = (sentence.start + match.start(), sentence.start + match.end())
        if match.group("next"):
            return Duration(value=1, unit=TimeUnit.day), match.group(0).lower(), span
        value = number_value(match.group("n") or match.group("n2") or "")
        unit = _UNITS[(match.group("unit") or match.group("unit2")).lower().rstrip("s") or "h"]
        if value is not None:
            return Duration(value=value, unit=TimeUnit(unit)), match.group(0).lower(), span
    words = _ONSET_WORDS.search(sentence.text)
    if words:
        span = (sentence.start + words.start(), sentence.start + words.end())
        return None, words.group(0).lower(), span
    return None, None, None
