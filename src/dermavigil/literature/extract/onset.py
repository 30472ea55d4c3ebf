"""Onset latencies the reaction finder leaves out, and latencies that are no onset.

:mod:`.reactions` attaches a latency to the reactions of its own sentence. Real
abstracts often tell the onset elsewhere: in a sentence whose symptoms are hedged
or unnamed ("symptoms ... developed about 5 min after BTA injection", "contacted
the clinic one hour post procedure"), relative to the onset rather than to the
exposure ("a week before the onset of symptoms"), or as "after two weeks, when
... appeared". When no reaction has a latency, the first such statement of a case
sentence becomes the first reaction's onset, with its span as evidence. Latencies
of a follow-up visit or of a recurrence ("In a follow-up visit 6 months later",
"Four months later, swelling recurred") and the time to presentation ("admitted 3 days
after the injection": docs/annotation.md) are not onsets and are removed
(:mod:`.onset_exclusions` reads which latencies are none).
Units: months 30.4375 days, years 365.25 days (as :class:`~dermavigil.domain.dates.Duration`).
"""

from __future__ import annotations

import re
from functools import cache

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.literature.extract.calendar_onset import calendar_onset
from dermavigil.literature.extract.intervals import dated_back, two_intervals
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.onset_exclusions import not_an_onset
from dermavigil.literature.extract.reaction_facts import ReactionFacts
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sign_verbs import BEGAN
from dermavigil.literature.extract.tattoo import TATTOO_WORDS
from dermavigil.literature.extract.time_units import TIME_UNITS, UNIT_WORDS

_UNIT = rf"(?P<unit>{UNIT_WORDS})s?\b\W{{0,2}}"
_N = rf"(?P<n>{NUMBER_WORDS})(?:\s*(?:-|\u2013|to)\s*\d+(?:\.\d+)?)?"
_EXPOSURE = (
    r"(?:injections?|procedures?|treatments?|sessions?|administration|vaccination|doses?"
    r"|infiltration|filler|shots?|fillings?|grafting|augmentation|injecting|infusion|vaccines?"
    rf"|application|{TATTOO_WORDS})"
)
"""The exposure an onset is counted from: an injection, a procedure, a dose, a vaccine, or a
tattoo or permanent make-up, its needles depositing the pigment (docs/annotation.md, scope:
tattoo and permanent make-up pigments; "two months after the new tattoo", "a week after
tattooing of the arm", "five days following application of a lip liner", "3 weeks after the
vaccine's second dose")."""
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
)
_SHORT = r"(?P<unit>minute|min|hour|hr|h)s?\b\W{0,2}"
"""Minutes and hours: a time from the dose, not a time on treatment."""


@cache
def _statements() -> tuple[re.Pattern[str], ...]:
    """The onset statements :func:`find_onset` reads: a number and a unit dated from the
    exposure, from the first sign or by a latency's noun (compiled on the first call, not at
    import: a command that extracts no text never needs them)."""
    return (
        # "a week before the onset of symptoms"
        re.compile(
            rf"(?<![\w-])(?:about |approximately |around )?{_N}[\s-]+{_UNIT}\s*(?:before|prior to)"
            r"\s+(?:the\s+)?(?:(?:first\s+)?symptoms?\s+|first\s+)?(?:onset|appearance|development"
            r"|beginning|start)\b",
            re.I,
        ),
        # "3 days prior to eye symptoms", "two weeks before her first complaints": the exposure
        # dated back from the first sign, not from the visit
        re.compile(
            rf"(?<![\w-])(?:about |approximately |around )?{_N}[\s-]+{_UNIT}\s*(?:before|prior to)"
            r"\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:symptoms|signs"
            r"|complaints)\b",
            re.I,
        ),
        # "three days before the patch appeared"
        re.compile(
            rf"(?<![\w-])(?:about |approximately |around )?{_N}[\s-]+{_UNIT}\s*(?:before|prior to)"
            r"\s+(?:the\s+|a\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}?(?:first\s+)?"
            rf"(?:{BEGAN}|was noticed|were noticed)\b",
            re.I,
        ),
        # "about 5 min after BTA injection", "one hour post procedure"
        re.compile(
            rf"(?<![\w-])(?:about |approximately |around |some )?{_N}[\s-]+{_UNIT}\s*(?:after|post"
            rf"|following)\b[^.;,]{{0,30}}?\b{_EXPOSURE}\b",
            re.I,
        ),
        # "72 hours postinjection", "at approximately 4-weeks postprocedure": the exposure's noun
        # written into "post" (not a follow-up timed so: "6-month posttreatment follow-up"; not
        # "postoperatively": the operation is no exposure when a drug followed it)
        re.compile(
            rf"(?<![\w-])(?:about |approximately |around |some )?{_N}[\s-]+{_UNIT}\s*post-?"
            r"(?:injection|procedure|treatment|vaccination)\b(?!\s*follow)",
            re.I,
        ),
        # "Five years ago, she had received ... filler injection"
        re.compile(
            rf"(?<![\w-]){_N}[\s-]+{_UNIT}\s*(?:ago|previously|earlier|before)\W{{0,3}}"
            r"(?:she|he|the patient)\s+(?:had\s+)?(?:received|undergone|underwent|been injected"
            r"|was (?:administered|given|injected|vaccinated)"
            rf"|had)\b[^.;]{{0,60}}?\b{_EXPOSURE}\b",
            re.I,
        ),
        # "in the second week post-injection": the week's first day (docs/annotation.md, the
        # v0xx decisions: "in the second week" gives 7)
        re.compile(
            r"\bin (?:the )?(?P<n>second|third|fourth|2nd|3rd|4th)[\s-]+(?P<unit>week)\s*(?:after"
            rf"|post|following)[\s-]*(?:the\s+|her\s+|his\s+)?(?:[\w-]+\s+){{0,2}}?{_EXPOSURE}\b",
            re.I,
        ),
        # "on the second day after the injection", "on day 3 after vaccination", "on post-injection
        # day 3": the day counted from the exposure (docs/annotation.md, the r8xx decisions)
        re.compile(
            rf"\bon (?:the )?(?P<n>{_ORDINAL})[\s-]+(?P<unit>day)\s*(?:after|post|following)[\s-]*"
            rf"(?:the\s+|her\s+|his\s+)?(?:[\w-]+\s+){{0,2}}?{_EXPOSURE}\b",
            re.I,
        ),
        re.compile(
            r"\bon post-?(?:injection|vaccination|procedure|treatment|infusion)\s+(?P<unit>day)\s+"
            rf"(?P<n>{NUMBER_WORDS})\b",
            re.I,
        ),
        re.compile(
            rf"\bon (?P<unit>day)\s+(?P<n>{NUMBER_WORDS})\s*(?:after|post|following)[\s-]*"
            rf"(?:the\s+|her\s+|his\s+)?(?:[\w-]+\s+){{0,2}}?{_EXPOSURE}\b",
            re.I,
        ),
        # "The day prior, she received PPSV23": the exposure the day before the sign's sentence
        re.compile(
            r"\b(?P<n>the|one|a) (?P<unit>day) (?:prior|before)\W{1,3}"
            r"(?:she|he|the patient|the child)\s+(?:had\s+)?(?:received|been given|been vaccinated"
            r"|been injected|was given|was vaccinated|was injected|underwent)\b",
            re.I,
        ),
        # "developed within 5 d of the injection": an interval's bound, as annotated
        re.compile(
            rf"\bwithin\s+(?:about\s+|approximately\s+)?{_N}[\s-]+{_UNIT}\s*(?:of|after|following"
            rf"|post)\s+(?:the\s+|her\s+|his\s+)?(?:[\w-]+\s+){{0,6}}?{_EXPOSURE}\b",
            re.I,
        ),
        # "anaphylaxis developed within five minutes": a sign's verb, then the interval's bound
        re.compile(
            rf"\b(?:{BEGAN})\s+(?:\w+\s+){{0,2}}?"
            rf"within\s+(?:about\s+|approximately\s+)?{_N}[\s-]+{_UNIT}",
            re.I,
        ),
        # "a reaction of eight-month latency", "after a latency of 3 days"
        re.compile(rf"(?<![\w-]){_N}[\s-]+{_UNIT}\s*(?:latency|delay)\b", re.I),
        re.compile(
            rf"\b(?:latency|delay)\s+of\s+(?:about\s+|approximately\s+)?{_N}[\s-]+{_UNIT}", re.I
        ),
        # "after 10 minutes of medication she developed urticaria": minutes or hours of a drug
        # are the time since its dose (not "after 10 years of administration": time on therapy)
        re.compile(
            rf"\bafter\s+(?:about\s+|approximately\s+)?{_N}[\s-]+{_SHORT}\s*of\s+(?:the\s+)?"
            r"(?:medication|administration|infusion|injection|exposure)\b",
            re.I,
        ),
        # "Five minutes later, blood pressure decreased": minutes or hours later, the sign of the
        # dose the sentence before told (a follow-up is weeks or months later)
        re.compile(rf"^(?:about\s+|approximately\s+|some\s+)?{_N}[\s-]+{_SHORT}\s*later\b", re.I),
        # "after two weeks, when ... appeared"
        re.compile(
            rf"\bafter\s+(?:about\s+|approximately\s+)?{_N}[\s-]+{_UNIT}\s*,?\s*when\b[^.;]{{0,80}}?"
            rf"\b(?:{BEGAN})\b",
            re.I,
        ),
    )


_WEEK_ORDINALS = {"second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}
"""The Nth week after the exposure starts N-1 weeks after it."""
_DAY_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
"""The Nth day after the exposure is N days after it ('on the second day after', as r871 is
annotated); '1st' and the other numeral ordinals are read by their digits."""


def _duration(match: re.Match[str]) -> Duration | None:
    n = match.group("n").lower()
    if match.group("unit").lower() == "day" and (n in _DAY_ORDINALS or n[:1].isdigit()):
        value = _DAY_ORDINALS.get(n) or float(re.match(r"\d+", n).group(0))
        return Duration(value=float(value), unit=TimeUnit.day)
    if n in _WEEK_ORDINALS or n == "the":
        value = float(_WEEK_ORDINALS.get(n, 1))
        return Duration(value=value, unit=TIME_UNITS[match.group("unit").lower()])
    value = number_value(match.group("n"))
    unit = TIME_UNITS.get(match.group("unit").lower())
    if value is None or unit is None:
        return None
    return Duration(value=value, unit=unit)


def find_onset(sentences: list[Sentence]) -> tuple[Duration, str, tuple[int, int]] | None:
    """The first onset statement of the case sentences: (latency, its words, its span)."""
    statements = _statements()
    for sentence in sentences:
        found = [m for pattern in statements for m in pattern.finditer(sentence.text)]
        for match in sorted(found, key=lambda m: m.start()):
            text = sentence.text
            before, after = text[max(0, match.start() - 210) : match.start()], text[match.end() :]
            if not_an_onset(before, after[:100], match.group(0)) or _visit_of_a_worded_onset(
                text[max(0, match.start() - 60) : match.end() + 60], text
            ):
                continue
            duration = _duration(match)
            if duration is not None:
                span = (sentence.start + match.start(), sentence.start + match.end())
                return duration, match.group(0), span
    return None


_IMMEDIATE = re.compile(
    r"\b(?:immediately|within (?:a few |several |some )?(?:seconds|minutes|hours)"
    r"|(?:soon|shortly|right|directly) after"
    r"|on the (?:evening|day|night|afternoon) of (?:the |her |his )?"
    r"(?:injection|vaccination|procedure|treatment)|at the time of (?:the |this |her |his )?"
    r"(?:injection|vaccination|procedure)|since the (?:injection|vaccination|procedure)"
    r"|during (?:the |this )?(?:injection|procedure|vaccination))\b",
    re.I,
)
"""An onset told in words, not numbers ("within minutes she felt ...", "on the evening of
vaccination", "pain since the injection")."""


_PRESENTED = re.compile(
    r"\b(?:presented|presents|presentation|on admission|on arrival|went to|came to|visited"
    r"|consulted|was seen|attended|was admitted|returned"
    r"|was referred)\b",
    re.I,
)


_SIGN_NOTICED = re.compile(
    r"\b(?:noticed|developed|appeared|experienced|felt|complained|observed)\b", re.I
)
"""A sentence telling that a sign began ("Within a few hours, she noticed that the area had
turned darker") even when the sign is no reaction term."""


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
        if (s.index in signs or _SIGN_NOTICED.search(s.text)) and s.section != "title"
        for m in _IMMEDIATE.finditer(s.text)
    ]
    return bool(worded) and min(worded) < min(numeric)


def _visit_of_a_worded_onset(near: str, context: str) -> bool:
    """'presented three months after the vaccine with pain since the injection': the number
    times the visit, the onset is told in words."""
    return bool(_PRESENTED.search(near) and _IMMEDIATE.search(context))


def _drop_onset(reaction: ReactionFacts) -> None:
    reaction.onset_latency = None
    reaction.onset_text = None
    reaction.spans.pop("onset", None)


_CHAINED = re.compile(r"(?:later|(?:next|following) day)$", re.I)


def _chained_later(reactions: list[ReactionFacts]) -> None:
    """'A bulla developed 4 days after a PPD injection ... The skin covering the bulla came off
    2 days later', '... and this was reduced the following day': a "N later" or "the next
    day" told after another sign's latency counts from that sign, not from the exposure
    (docs/annotation.md: chained intervals are added), so it is no onset of the first sign."""
    timed = [
        (r.spans["onset"][0][0], r) for r in reactions if r.onset_latency and r.spans.get("onset")
    ]
    first = min((start for start, _ in timed), default=None)
    for start, reaction in timed:
        if start != first and _CHAINED.search((reaction.onset_text or "").rstrip()):
            _drop_onset(reaction)


def refine_onsets(reactions: list[ReactionFacts], text: str, sentences: list[Sentence]) -> None:
    """Remove follow-up, visit and recurrence latencies and the latencies of visits when the
    first sign's onset is worded; add a stated onset when none is left."""
    for reaction in reactions:
        spans = reaction.spans.get("onset") or []
        if reaction.onset_latency is None or not spans:
            continue
        start, end = spans[0]
        if not_an_onset(text[max(0, start - 210) : start], text[end : end + 100], text[start:end]):
            _drop_onset(reaction)
    _chained_later(reactions)
    # the first sign came within minutes (in words): a number told later is when the patient
    # was seen ("Within 8 hours she presented to the emergency department"), not an onset; a
    # later sign's own latency ("three days after, the lesions turned into nodules") is kept
    # (the seed case's reactions keep theirs)
    worded = _worded_first(reactions, sentences)
    for reaction in reactions:
        spans = reaction.spans.get("onset") or []
        if reaction.onset_latency is None or not spans:
            continue
        start, end = spans[0]
        near = text[max(0, start - 60) : end + 60]
        if (worded and _PRESENTED.search(near)) or _visit_of_a_worded_onset(
            near, text[max(0, start - 150) : end + 150]
        ):
            _drop_onset(reaction)
    if worded or not reactions or any(r.onset_latency for r in reactions):
        return
    found = stated_onset(sentences, text)
    if found is not None:
        first = reactions[0]
        first.onset_latency, first.onset_text, span = found
        first.spans["onset"] = [span]


def stated_onset(
    sentences: list[Sentence], text: str
) -> tuple[Duration, str, tuple[int, int]] | None:
    """The first onset statement of the case sentences (:func:`find_onset`), or the
    difference of two intervals dated back from the visit or of two calendar dates, when no
    reaction carries a latency: (latency, its words, its span)."""
    found = find_onset(sentences)
    if found is None or dated_back(found[1]):
        # the exposure dated back from the visit is no onset when the first sign is dated
        # back too, or dated on the calendar: the difference is (docs/annotation.md)
        pair = two_intervals(sentences) or calendar_onset(sentences, text)
        if pair is not None:
            found = pair.onset, pair.text, pair.span
        elif found is not None:
            # the exposure dated back alone ("One month before, she had received the
            # vaccine") is the time to the visit, which bounds the onset but is none
            found = None
    return found
