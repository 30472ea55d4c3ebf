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
after the injection": docs/annotation.md) are not onsets and are removed.
Units: months 30.4375 days, years 365.25 days (as :class:`~dermavigil.domain.dates.Duration`).
"""

from __future__ import annotations

import re

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.literature.extract.calendar_onset import calendar_onset
from dermavigil.literature.extract.intervals import dated_back, two_intervals
from dermavigil.literature.extract.numbers import NUMBER_WORDS, number_value
from dermavigil.literature.extract.reactions import ReactionFacts
from dermavigil.literature.extract.sentences import Sentence

_UNIT = r"(?P<unit>minute|min|hour|hr|h|day|d|week|wk|month|mo|year|yr)s?\b\W{0,2}"
_UNITS = {
    "min": TimeUnit.minute, "minute": TimeUnit.minute, "h": TimeUnit.hour, "hr": TimeUnit.hour,
    "hour": TimeUnit.hour, "day": TimeUnit.day, "d": TimeUnit.day, "wk": TimeUnit.week,
    "week": TimeUnit.week,
    "mo": TimeUnit.month, "month": TimeUnit.month, "yr": TimeUnit.year, "year": TimeUnit.year,
}  # fmt: skip
_N = rf"(?P<n>{NUMBER_WORDS})(?:\s*(?:-|\u2013|to)\s*\d+(?:\.\d+)?)?"
_EXPOSURE = (
    r"(?:injections?|procedures?|treatments?|sessions?|administration|vaccination|doses?"
    r"|infiltration|filler|shots?|fillings?|grafting|augmentation)"
)
_STATEMENTS = (
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
    # "developed within 5 d of the injection": an interval's bound, as annotated
    re.compile(
        rf"\bwithin\s+(?:about\s+|approximately\s+)?{_N}[\s-]+{_UNIT}\s*(?:of|after|following"
        rf"|post)\s+(?:the\s+|her\s+|his\s+)?(?:[\w-]+\s+){{0,6}}?{_EXPOSURE}\b",
        re.I,
    ),
    # "anaphylaxis developed within five minutes": a sign's verb, then the interval's bound
    re.compile(
        r"\b(?:developed|appeared|occurred|began|started|emerged|arose)\s+(?:\w+\s+){0,2}?"
        rf"within\s+(?:about\s+|approximately\s+)?{_N}[\s-]+{_UNIT}",
        re.I,
    ),
    # "a reaction of eight-month latency", "after a latency of 3 days"
    re.compile(rf"(?<![\w-]){_N}[\s-]+{_UNIT}\s*(?:latency|delay)\b", re.I),
    re.compile(
        rf"\b(?:latency|delay)\s+of\s+(?:about\s+|approximately\s+)?{_N}[\s-]+{_UNIT}", re.I
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
    r"[^.;]{0,30}$"
    r"|\b(?:resolved|healed|recovered|disappeared|improved|subsided|regressed|cleared"
    r"|normali[sz]ed|recovery|resolution|remission)\b(?:\s+\w+ly)?\s+"
    r"(?:(?:at|by|within|after|in|over)\s+(?:about\s+)?)?$",
    re.I,
)
"""A follow-up or a visit timed, or a status reached at a time ('The patient had healed at
two months after the filler injection'): no onset."""
_NOT_ONSET_AFTER = re.compile(
    r"^[^.;]{0,80}\b(?:recurr\w*|reappear\w*|relaps\w*|again|had (?:\w+ )?(?:improved|resolved"
    r"|healed|regressed|disappeared))\b",
    re.I,
)


_RECOVERY_AFTER = re.compile(
    r"^(?:(?!\b(?:developed|appeared|occurred|noticed|presented|began|started|experienced"
    r"|complained|emerged|arose)\b)[^.;]){0,60}\b(?:resolved|disappeared|subsided|regressed"
    r"|healed|settled|faded|remained|persisted|resumed|returned to|recovered|improved"
    r"|discharged)\b",
    re.I,
)
"""'After 10 days postinjection swelling and hematoma resolved', 'After 2 weeks, only a small
eschar remained', 'By 21 days after her injection, she had resumed normal activity': the time
of a later status, not an onset."""
_DURATION_BEFORE = re.compile(
    r"\bfor\s+(?:more than\s+|over\s+|about\s+|nearly\s+|almost\s+|at least\s+"
    r"|approximately\s+|around\s+|roughly\s+|up to\s+)?$",
    re.I,
)
"""'pain for 2.5 weeks after the vaccine', 'lasted for more than 6 months after': how long a
sign lasted, not when it began."""
_ONSET_VERB_BEFORE = re.compile(
    r"\b(?:developed|appeared|occurred|began|started|emerged|arose|noticed)\b[^.;,]{0,30}$", re.I
)
_RELATIVE_AFTER = re.compile(r"^\s*,?\s*(?:which|that)\b", re.I)
"""'The eruption developed within 5 d of the injection and persisted', 'an abscess two days
after treatment, which was drained and healed': the latency is the onset's, whatever status
follows."""
_GENERIC = re.compile(
    r"\b(?:typically|usually|normally|generally|often|commonly|frequently|classically|tends? to"
    r"|can|may)\b[^.;]{0,40}$",
    re.I,
)
"""'ptosis, which typically develops 2-10 days after injection': what is usual, not this
patient's onset."""


_SIGN_VERB = (
    r"\b(?:developed|appeared|occurred|began|started|emerged|arose|noticed|experienced|felt"
    r"|complained|observed)\b"
)
_VISIT = (
    r"\b(?:presented|presenting|presents|(?:was|were|being) (?:admitted|hospitali[sz]ed|seen"
    r"|referred|brought|transferred)|admitted|came|went|visited|consulted|contacted|attended"
    r"|returned|sought|revisited|re-?presented"
    r"|(?:first|initial) (?:consultation|visit|presentation|examination)"
    r"|we (?:here(?:by|in)? )?(?:report|present|describe) (?:an?|the) (?:\w+ )?case)\b"
)
_PRESENTATION_BEFORE = re.compile(
    rf"{_VISIT}(?:(?!{_SIGN_VERB}|\bonset\b|\bhistory of\b)[^.;]){{0,200}}$", re.I
)
_PRESENTATION_AFTER = re.compile(
    rf"^\W{{0,3}}(?:(?!{_SIGN_VERB})[\w-]+,?\s+){{0,3}}?{_VISIT}", re.I
)
"""The time the patient was seen or sought care, which bounds the onset but does not state
it (docs/annotation.md, fourth session): a latency in the clause of a visit's verb ('was
admitted to our hospital 5 days after', 'presented with swelling and fever 24 h after the
vaccine', 'contacted the clinic one hour post procedure', 'Twenty days later, she presented
with'), unless a sign's verb or onset dates the sign ('presented with a rash that had appeared
3 days after', 'presented with a history of sudden onset of pain ..., 15 hours following
injection')."""


_EXPOSED_AFTER = re.compile(
    r"^(?:\s+(?:the|her|his)\s+(?:[\w-]+\s+){0,2}?(?:injections?|doses?|sessions?|treatments?"
    r"|vaccinations?|procedures?))?"
    rf"\s*,\s*(?:(?!{_SIGN_VERB})[\w-]+\s+){{0,3}}?(?:(?:was|were) (?:re-?)?(?:injected"
    r"|given|administered|vaccinated|re-?treated)|received|underwent)\b",
    re.I,
)
"""The time of a further exposure ('2 months after the third injection, she was injected with
75 units'): the latency runs to the first sign, not to the next dose."""


def _duration(match: re.Match[str]) -> Duration | None:
    value = number_value(match.group("n"))
    unit = _UNITS.get(match.group("unit").lower())
    if value is None or unit is None:
        return None
    return Duration(value=value, unit=unit)


_ON_THERAPY = re.compile(
    r"^\s*of\s+(?:[\w-]+\s+){0,4}?(?:therapy|treatment|administration|use)\b"
    r"|^\s*(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:therapy|treatment)\s+(?:began|started|was started"
    r"|was initiated|was begun|initiation)\b"
    r"|^\s*(?:starting|beginning|initiating|commencing|(?:the )?(?:start|initiation|beginning"
    r"|introduction) of)\s+(?:[\w-]+\s+){0,4}?(?:therapy|treatment|prophylaxis)\b",
    re.I,
)
"""'after 3 months of treatment with subcutaneous interferon', 'After 10 days of LMWH
administration', 'Nineteen days after heparin therapy began', 'Six days after starting heparin
therapy': time on a repeated-dose therapy, no latency from the last exposure
(docs/annotation.md, r5xx and r9xx decisions)."""


_UNTIL = re.compile(r"\buntil\s+(?:about\s+|approximately\s+)?$", re.I)
_DATED_BACK = re.compile(r"\b(?:before|prior)\b", re.I)
"""'She was healthy until 20 days before the development of the lesion': the end of a healthy
period dated back from the sign or the visit, no latency from the exposure ('well until a year
after the procedure, when masses were identified' is one)."""
_AT_A_TIME = re.compile(r"\bat\s+(?:more than\s+|over\s+|about\s+|approximately\s+)?$", re.I)
_STATE_AFTER = re.compile(
    r"^[^.;]{0,40}?,\s*(?:the patient|she|he)\s+(?:still\s+)?(?:has|had|is|was|remains"
    r"|remained|reports|reported|continues)\b",
    re.I,
)
"""'At more than two years post-injury, the patient has ongoing pain': the time of a state at
a follow-up, not when the first sign began."""


def _not_an_onset(before: str, after: str, said: str = "") -> bool:
    """A latency that times a follow-up, a visit, a recurrence, a later status, a duration or
    what is usual, from the words before it and after it (``said``: its own words)."""
    return bool(
        _NOT_ONSET_BEFORE.search(before[-40:])
        or _PRESENTATION_BEFORE.search(before)
        or _PRESENTATION_AFTER.match(after)
        or _EXPOSED_AFTER.match(after)
        or _NOT_ONSET_AFTER.match(after)
        or (
            _RECOVERY_AFTER.match(after)
            and not _ONSET_VERB_BEFORE.search(before)
            and not _RELATIVE_AFTER.match(after)
        )
        or _DURATION_BEFORE.search(before)
        or _ON_THERAPY.match(after)
        or _GENERIC.search(before)
        or (_UNTIL.search(before) and bool(_DATED_BACK.search(said)))
        or (_AT_A_TIME.search(before) and _STATE_AFTER.match(after))
    )


def find_onset(sentences: list[Sentence]) -> tuple[Duration, str, tuple[int, int]] | None:
    """The first onset statement of the case sentences: (latency, its words, its span)."""
    for sentence in sentences:
        found = [m for pattern in _STATEMENTS for m in pattern.finditer(sentence.text)]
        for match in sorted(found, key=lambda m: m.start()):
            text = sentence.text
            before, after = text[max(0, match.start() - 210) : match.start()], text[match.end() :]
            if _not_an_onset(before, after[:100], match.group(0)) or _visit_of_a_worded_onset(
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


def _chained_later(reactions: list[ReactionFacts]) -> None:
    """'A bulla developed 4 days after a PPD injection ... The skin covering the bulla came off
    2 days later': a "N later" told after another sign's latency counts from that sign, not
    from the exposure (docs/annotation.md: chained intervals are added), so it is no onset of
    the first sign."""
    timed = [
        (r.spans["onset"][0][0], r) for r in reactions if r.onset_latency and r.spans.get("onset")
    ]
    first = min((start for start, _ in timed), default=None)
    for start, reaction in timed:
        if start != first and (reaction.onset_text or "").rstrip().lower().endswith("later"):
            _drop_onset(reaction)


def refine_onsets(reactions: list[ReactionFacts], text: str, sentences: list[Sentence]) -> None:
    """Remove follow-up, visit and recurrence latencies and the latencies of visits when the
    first sign's onset is worded; add a stated onset when none is left."""
    for reaction in reactions:
        spans = reaction.spans.get("onset") or []
        if reaction.onset_latency is None or not spans:
            continue
        start, end = spans[0]
        if _not_an_onset(text[max(0, start - 210) : start], text[end : end + 100], text[start:end]):
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
    if found is not None:
        first = reactions[0]
        first.onset_latency, first.onset_text, span = found
        first.spans["onset"] = [span]
