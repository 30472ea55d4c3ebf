"""Latencies that are no onset (docs/annotation.md, `onset_days`): what the words around a
stated interval tell it times — a follow-up, a visit or the time to presentation (the
fourth session's convention), a recurrence, a later status, how long a sign lasted, what is
usual, time on a repeated-dose therapy or from its start or end, a further exposure.

Read by :mod:`.onset` on the words before and after each latency it finds.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.sign_verbs import BEGAN

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
_SCHEDULED = re.compile(
    r"\b(?:scheduled|planned|booked)\b(?:(?!\b(?:developed|appeared|occurred|noticed)\b)[^.;])"
    r"{0,80}$",
    re.I,
)
"""What was scheduled ('scheduled for surgery 6 months after the consultation, 12 months after
the injections'): the time of a planned event, no onset."""
_NOT_ONSET_AFTER = re.compile(
    r"^[^.;]{0,80}\b(?:recurr\w*|reappear\w*|relaps\w*|again|had (?:\w+ )?(?:improved|resolved"
    r"|healed|regressed|disappeared))\b",
    re.I,
)


_RECOVERY_AFTER = re.compile(
    rf"^(?:(?!\b(?:{BEGAN}|noticed|presented|experienced|complained)\b)[^.;]){{0,60}}"
    r"\b(?:resolved|disappeared|subsided|regressed"
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
_ONSET_VERB_BEFORE = re.compile(rf"\b(?:{BEGAN}|noticed)\b[^.;,]{{0,30}}$", re.I)
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
    r"\b(?:develop(?:ed|ing)|appear(?:ed|ing)|occur(?:red|ring)|began|beginning|start(?:ed|ing)"
    r"|emerg(?:ed|ing)|arose|arising|notic(?:ed|ing)|experienc(?:ed|ing)|felt|complain(?:ed|ing)"
    r"|observed|manifest(?:ed|ing))\b"
)
"""A sign's verb, finite or a participle ('a granuloma occurring 2 years after the injection',
'nodules manifesting a year after'): an inflection of the same verb dates the sign as well."""
_PRESENTED_TO = (
    r"present(?:ed|ing|s)(?=\s*(?:[,;:(]|$)|\s+(?:with|to|in|at|as|for|on|by|after|before"
    r"|again|late|early|herself|himself|themselves|complaining|an? (?:few|week|day|month|year)"
    r"|\d|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
)
"""'Presented' of a visit: with a preposition, a pronoun or a time after it ('presented with
swelling', 'presented to the clinic 3 days after'); used transitively ('presented contralateral
paresis in the second week', a sense common in translated reports) it means 'showed', a sign's
verb, and times the sign, not a visit."""
_VISIT = (
    rf"\b(?:{_PRESENTED_TO}|(?:was|were|being) (?:admitted|hospitali[sz]ed|seen"
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


_GIVING = (
    r"(?:(?:the|her|his)\s+(?:[\w-]+\s+){0,2}?(?:injections?|treatments?|therapy|infusions?"
    r"|doses?|drugs?|medications?|regimen)\s+)?"
)
_ON_THERAPY = re.compile(
    r"^\s*of\s+(?:[\w-]+\s+){0,4}?(?:therapy|treatment|administration|use)\b"
    r"|^\s*(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:therapy|treatment)\s+(?:began|started|was started"
    r"|was initiated|was begun|initiation)\b"
    r"|^\s*(?:starting|beginning|initiating|commencing|(?:the )?(?:start|initiation|beginning"
    r"|introduction) of)\s+(?:[\w-]+\s+){0,4}?(?:therapy|treatment|prophylaxis)\b"
    rf"|^\s*{_GIVING}(?:was|were|had been) (?:first )?(?:initiated|started|begun|commenced"
    r"|introduced)\b"
    rf"|^\s*{_GIVING}(?:was|were|had been) (?:\w+ )?(?:stopped|discontinued|withdrawn|ceased"
    r"|halted)\b"
    r"|^\s*(?:stopping|discontinuing|ceasing|withdrawing|tapering|finishing|completing|(?:the )?"
    r"(?:end|cessation|discontinuation|withdrawal|completion) of)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:therapy|treatment|prophylaxis|medications?|course|regimen|steroids?|corticosteroids?)\b",
    re.I,
)
"""'after 3 months of treatment with subcutaneous interferon', 'After 10 days of LMWH
administration', 'Nineteen days after heparin therapy began', 'Six days after starting heparin
therapy', '3 months after the treatment was initiated': time on a repeated-dose therapy, no
latency from the last exposure (docs/annotation.md, r5xx and r9xx decisions); '18 months after
the insulin injections were stopped' and '8 days after stopping therapy' are timed from the end
of a treatment, no latency either."""


_AFTER_SAID = re.compile(r"^(?:after|following)\b", re.I)
_REPEATED_AFTER = re.compile(
    r"^\s*of\s+(?:[\w-]+\s+){0,4}?(?:injections|infusions|doses|shots)\b"
    r"|^\s*(?:after\s+)?(?:starting|initiating|commencing)\s+(?:on\s+)?[\w-]+",
    re.I,
)
_LONG_UNIT = re.compile(r"\b(?:days?|weeks?|months?|years?)\b", re.I)
"""'after four months of weekly injections', 'after about 3 months after starting the drug':
the time on a course of repeated doses, counted from its first dose, which is no
latency from the last exposure (docs/annotation.md: time on repeated dosing is null); 'within
a week of her injections' is one, and so are minutes or hours after starting an infusion."""


def _on_a_course(after: str, said: str) -> bool:
    """A latency said as the time on a course of repeated doses (:data:`_REPEATED_AFTER`)."""
    return bool(
        _AFTER_SAID.match(said.strip()) and _LONG_UNIT.search(said) and _REPEATED_AFTER.match(after)
    )


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


def not_an_onset(before: str, after: str, said: str = "") -> bool:
    """A latency that times a follow-up, a visit, a recurrence, a later status, a duration or
    what is usual, from the words before it and after it (``said``: its own words)."""
    return bool(
        _NOT_ONSET_BEFORE.search(before[-40:])
        or _SCHEDULED.search(before)
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
        or _on_a_course(after, said)
        or _GENERIC.search(before)
        or (_UNTIL.search(before) and bool(_DATED_BACK.search(said)))
        or (_AT_A_TIME.search(before) and _STATE_AFTER.match(after))
    )
