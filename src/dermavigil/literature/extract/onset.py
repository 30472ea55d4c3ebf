"""Onset latencies the reaction finder leaves out, and latencies that are no onset.

:mod:`.reactions` attaches a latency to the reactions of its own sentence. Real
abstracts often tell the onset elsewhere: in a sentence whose symptoms are hedged
or unnamed ("symptoms ... developed about 5 min after BTA injection", "contacted
the clinic one hour post procedure"), relative to the onset rather than to the
exposure ("a week before the onset of symptoms"), or as "after two weeks, when
... appeared". When no reaction has a latency, the first such statement of a case
sentence becomes the first reaction's onset, with its span as evidence. Latencies
of a follow-up visit or of a recurrence ("In a follow-up visit 6 months later",
"Four months later, swelling recurred") are not onsets and are removed.
Units: months 30.4375 days, years 365.25 days (as :class:`~dermavigil.domain.dates.Duration`).
"""

from __future__ import annotations

import re

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.reactions import ReactionFacts
from dermavigil.literature.extract.sentences import Sentence

_UNIT = r"(?P<unit>minute|min|hour|hr|h|day|week|wk|month|mo|year|yr)s?\b\W{0,2}"
_UNITS = {
    "min": TimeUnit.minute, "minute": TimeUnit.minute, "h": TimeUnit.hour, "hr": TimeUnit.hour,
    "hour": TimeUnit.hour, "day": TimeUnit.day, "wk": TimeUnit.week, "week": TimeUnit.week,
    "mo": TimeUnit.month, "month": TimeUnit.month, "yr": TimeUnit.year, "year": TimeUnit.year,
}  # fmt: skip
_N = rf"(?P<n>{NUMBER_WORDS})(?:\s*(?:-|\u2013|to)\s*\d+(?:\.\d+)?)?"
_EXPOSURE = (
    r"(?:injections?|procedures?|treatments?|sessions?|administration|vaccination|doses?"
    r"|infiltration|filler|shots?)"
)
_STATEMENTS = (
    # "a week before the onset of symptoms"
    re.compile(
        rf"(?<![\w-])(?:about |approximately |around )?{_N}[\s-]+{_UNIT}\s*(?:before|prior to)"
        r"\s+(?:the\s+)?(?:onset|appearance|development|beginning|start)\b",
        re.I,
    ),
    # "three days before the patch appeared"
    re.compile(
        rf"(?<![\w-])(?:about |approximately |around )?{_N}[\s-]+{_UNIT}\s*(?:before|prior to)"
        r"\s+(?:the\s+|a\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}?(?:first\s+)?(?:appeared"
        r"|developed|began|started|occurred|arose|emerged|was noticed|were noticed)\b",
        re.I,
    ),
    # "about 5 min after BTA injection", "one hour post procedure"
    re.compile(
        rf"(?<![\w-])(?:about |approximately |around |some )?{_N}[\s-]+{_UNIT}\s*(?:after|post"
        rf"|following)\b[^.;,]{{0,30}}?\b{_EXPOSURE}\b",
        re.I,
    ),
    # "Five years ago, she had received ... filler injection"
    re.compile(
        rf"(?<![\w-]){_N}[\s-]+{_UNIT}\s*(?:ago|previously|earlier|before)\W{{0,3}}"
        r"(?:she|he|the patient)\s+(?:had\s+)?(?:received|undergone|underwent|been injected"
        rf"|had)\b[^.;]{{0,60}}?\b{_EXPOSURE}\b",
        re.I,
    ),
    # "after two weeks, when ... appeared"
    re.compile(
        rf"\bafter\s+(?:about\s+|approximately\s+)?{_N}[\s-]+{_UNIT}\s*,?\s*when\b[^.;]{{0,80}}?"
        r"\b(?:appeared|developed|occurred|began|started|emerged|arose)\b",
        re.I,
    ),
)
_NOT_ONSET_BEFORE = re.compile(
    r"\b(?:follow-?up|visit|review(?:ed)?|re-?evaluat\w*|seen again|discharged?|control)\b"
    r"[^.;]{0,30}$",
    re.I,
)
_NOT_ONSET_AFTER = re.compile(
    r"^[^.;]{0,80}\b(?:recurr\w*|reappear\w*|relaps\w*|again|had (?:\w+ )?(?:improved|resolved"
    r"|healed|regressed|disappeared))\b",
    re.I,
)


_RECOVERY_AFTER = re.compile(
    r"^(?:(?!\b(?:developed|appeared|occurred|noticed|presented|began|started|experienced"
    r"|complained|emerged|arose)\b)[^.;]){0,60}\b(?:resolved|disappeared|subsided|regressed"
    r"|healed|settled|faded|remained|persisted)\b",
    re.I,
)
"""'After 10 days postinjection swelling and hematoma resolved', 'After 2 weeks, only a small
eschar remained': the time of a later status, not an onset."""


def _duration(match: re.Match[str]) -> Duration | None:
    value = number_value(match.group("n"))
    unit = _UNITS.get(match.group("unit").lower())
    if value is None or unit is None:
        return None
    return Duration(value=value, unit=unit)


def find_onset(sentences: list[Sentence]) -> tuple[Duration, str, tuple[int, int]] | None:
    """The first onset statement of the case sentences: (latency, its words, its span)."""
    for sentence in sentences:
        found = [m for pattern in _STATEMENTS for m in pattern.finditer(sentence.text)]
        for match in sorted(found, key=lambda m: m.start()):
            duration = _duration(match)
            if duration is not None:
                span = (sentence.start + match.start(), sentence.start + match.end())
                return duration, match.group(0), span
    return None


_IMMEDIATE = re.compile(
    r"\b(?:immediately|within (?:a few |several )?(?:seconds|minutes)|(?:soon|shortly|right"
    r"|directly) after|on the (?:evening|day|night|afternoon) of (?:the |her |his )?"
    r"(?:injection|vaccination|procedure|treatment)|at the time of (?:the |this |her |his )?"
    r"(?:injection|vaccination|procedure)|since the (?:injection|vaccination|procedure)"
    r"|during (?:the |this )?(?:injection|procedure|vaccination))\b",
    re.I,
)
"""An onset told in words, not numbers ("within minutes she felt ...", "on the evening of
vaccination", "pain since the injection")."""


_PRESENTED = re.compile(
    r"\b(?:presented|presentation|on admission|on arrival|went to|came to|visited|consulted"
    r"|was seen|attended|was admitted|returned"
    r"|was referred)\b",
    re.I,
)


def _worded_first(reactions: list[ReactionFacts], sentences: list[Sentence]) -> bool:
    """The first sign's onset is told in words before any number: "Within minutes she had
    pain ... Within 8 hours she presented ..." (a worded onset gives no latency)."""
    numeric = [
        r.spans["onset"][0][0] for r in reactions if r.onset_latency and r.spans.get("onset")
    ]
    if not numeric:
        return False
    worded = [
        r.spans["onset"][0][0]
        for r in reactions
        if r.onset_latency is None and r.onset_text and r.spans.get("onset")
    ]
    signs = {r.sentence for r in reactions}
    worded += [
        s.start + m.start()
        for s in sentences
        if s.index in signs and s.section != "title"
        for m in _IMMEDIATE.finditer(s.text)
    ]
    return bool(worded) and min(worded) < min(numeric)


def refine_onsets(reactions: list[ReactionFacts], text: str, sentences: list[Sentence]) -> None:
    """Remove follow-up and recurrence latencies and the latencies of later signs when the
    first one's onset is worded; add a stated onset when none is left."""
    # the first sign came within minutes (in words): a number told later is when the patient
    # was seen ("Within 8 hours she presented to the emergency department"), not an onset; a
    # later sign's own latency ("three days after, the lesions turned into nodules") is kept
    worded = _worded_first(reactions, sentences)
    for reaction in reactions:
        spans = reaction.spans.get("onset") or []
        if reaction.onset_latency is None or not spans:
            continue
        start, end = spans[0]
        after = text[end : end + 100]
        if (
            _NOT_ONSET_BEFORE.search(text[max(0, start - 40) : start])
            or _NOT_ONSET_AFTER.match(after)
            or _RECOVERY_AFTER.match(after)
            or (worded and _PRESENTED.search(text[max(0, start - 60) : end + 60]))
        ):
            reaction.onset_latency = None
            reaction.onset_text = None
            reaction.spans.pop("onset", None)
    if worded or not reactions or any(r.onset_latency for r in reactions):
        return
    found = find_onset(sentences)
    if found is not None:
        first = reactions[0]
        first.onset_latency, first.onset_text, span = found
        first.spans["onset"] = [span]
