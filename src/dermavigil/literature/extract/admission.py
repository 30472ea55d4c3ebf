"""Whether a hospital admission a sentence tells is a hospitalisation the reaction caused.

ICH E2A (II.B) counts an in-patient hospitalisation, or its prolongation, that the adverse
event caused. An admission told before the exposure or for the indication ("was hospitalized
for a myocardial infarction. She received enoxaparin ..."), an earlier stay ("admitted 1
month before this presentation"), an emergency visit the patient was discharged from, and
"admitted" in the sense of a confession ("the patient admitted to injecting ...") are none
(docs/annotation.md: the r4xx and r6xx decisions on emergency visits, the fourth session's
admissions for the indication). Used by :mod:`.seriousness`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.literature.extract.routes import presents_case
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

_CONFESSED = re.compile(
    r"\b(?:he|she|they|himself|herself|themselves|finally|eventually|later|also) admitted$"
    r"|^admitted (?:to )?(?:having|that)\b|^admitted (?:to )?(?!during\b|following\b|including\b"
    r"|pending\b|regarding\b|concerning\b)\w+ing\b",
    re.I,
)
"""'the patient admitted to injecting an unknown substance', 'he finally admitted to having
given a false history', 'the patient himself admitted pentazocine abuse': *admitted* in the
active voice with a confession after it is no admission to hospital (the hospital sense is
passive, 'was admitted', or a participle, 'a boy admitted to our department')."""
_GIVEN_AFTER = re.compile(
    r"\s+(?:to|in|at|for)\b[^.;]{0,80}?\b(?:was|were) (?:\w+ )?(?:administered|given|started on"
    r"|injected|prescribed)\b",
    re.I,
)
"""'hospitalized for thromboembolic disease was administered an intravenous dose of ...'."""


def confessed(text: str, match: re.Match[str]) -> bool:
    """'admitted' in the sense of a confession, not of a hospital admission."""
    if match.group(0).lower() != "admitted":
        return False
    return bool(
        _CONFESSED.search(text[max(0, match.start() - 20) : match.end()])
        or _CONFESSED.match(text[match.start() : match.end() + 40])
    )


_INPATIENT = re.compile(
    r"(?:hospitali[sz]ed|admitted)\s+(?:[\w-]+\s+){0,2}?(?:wom[ae]n|m[ae]n|female|male|patients?"
    r"|child(?:ren)?|boy|girl|infant|neonates?|adults?)\b",
    re.I,
)
"""'A 68-year-old hospitalized female presented ...': a patient already in hospital when the
reaction began (for the indication), no stay the reaction caused."""
EARLIER = re.compile(
    r"\b(?:had (?:\w+ )?(?:been|received|undergone|had|got)|earlier|before|prior|ago"
    r"|previously|preceding|history of|(?:admitted|confessed|reported|disclosed|revealed|denied)"
    r" (?:to )?(?:having|that|\w+ing))\b",
    re.I,
)
"""The exposure told after the admission as one that came before it: 'she had received ...',
'three days before', or told by the patient as a history ('admitted to injecting', 'reported
having injected')."""
_ED_VISIT = re.compile(r"\b(?:emergency|ED|casualty)\b")


_PRIOR_STAY = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:before|prior to|ago|earlier)\b", re.I)
_PREVIOUS = re.compile(r"\b(?:last|previous|prior|earlier|former)\s+$", re.I)
"""'He was admitted 1 month before this presentation as a case of ...', 'During her last
admission, she had received ... calcium gluconate': an earlier stay."""
_INTO_STAY = re.compile(
    r"(?<!discharged )\b(?:(?:during|in|on) the (?:\d+(?:st|nd|rd|th)|first|second|third|fourth"
    r"|fifth|sixth|seventh|eighth|ninth|tenth) (?:day|week|month)|(?:on|by) day \d+)\s+of\s+"
    r"(?:(?:her|his|their|the|this)\s+)?$",
    re.I,
)
"""'a swelling appeared during the third week of hospitalization', 'on day 5 of her admission':
a stay counted from before the reaction, which began during it (the stay was for the
indication or the underlying illness); not 'discharged on the 23rd day of hospitalization'
(the stay's end) nor 'on the day of admission'."""
_TIMED_STAY = re.compile(
    r"\b(?:later|after|following|subsequently|then|next|days?|weeks?|hours?|due to|because"
    r"|for|with)\b",
    re.I,
)
_LATER = re.compile(r"\b(?:later|after|following|subsequently|then|next|before|prior to)\b", re.I)
"""An admission told with a time or a cause after the exposure ('received ... and was
admitted two days later with ...', '... and then admitted', 'Twenty-two days before
admission, the patient received ...'): caused by what followed."""


def admitted_before(
    sentence: Sentence, match: re.Match[str], first_reaction: int, exposure: Sentence | None
) -> bool:
    """An admission told before the exposure ('was hospitalized for a myocardial infarction.
    She received enoxaparin ...', 'hospitalized for thromboembolic disease, was administered
    ...'): the hospital stay was not caused by the reaction (ICH E2A counts a hospitalisation
    the reaction caused or prolonged). ``exposure``: the first sentence after the patient's
    introduction that names the suspect: an admission told in it or after it counts, one
    told before it counts only when the exposure is told as earlier. Without it, an admission
    told before the first reaction does not count."""
    if (
        _INPATIENT.match(sentence.text, match.start())
        or _GIVEN_AFTER.match(sentence.text, match.end())
        or _PRIOR_STAY.match(sentence.text, match.end())
        or _PREVIOUS.search(sentence.text, max(0, match.start() - 20), match.start())
        or _INTO_STAY.search(sentence.text, max(0, match.start() - 40), match.start())
    ):
        return True
    if exposure is not None:
        if (
            sentence.index == exposure.index
            and not _LATER.search(sentence.text, max(0, match.start() - 25), match.start())
            and not _TIMED_STAY.search(sentence.text, match.end(), match.end() + 60)
        ):
            # 'received intravenous phenytoin ... and was admitted to the medicine service.'
            # with no time or cause of its own: the stay the exposure began
            return True
        return sentence.index < exposure.index and not EARLIER.search(exposure.text)
    return first_reaction > 0 and sentence.index < first_reaction


_FOR_CAUSE = re.compile(
    r"\s+(?:(?:to|in|at) (?:the |our |a )?(?:[\w-]+ ){0,3}?(?:hospital|department|unit|ward"
    r"|service|clinic|centre|center)\s+)?(?:because of|due to|for|with)\s+(?:an? |the |her |his )?",
    re.I,
)


_GIVING = re.compile(
    r"\b(?:received|was (?:then )?(?:given|(?:started|initiated|commenced|begun) (?:on|with)"
    r"|administered|treated with|injected)"
    r"|were (?:given|administered|injected))\b",
    re.I,
)


def admitted_for(
    sentence: Sentence,
    match: re.Match[str],
    reactions: Sequence[Span],
    exposure: Sentence | None = None,
) -> bool:
    """An admission told with its cause, and the cause a reaction of this patient ('The
    patient was admitted because of arthralgia and fever', ``reactions``: where the reactions
    are told): the stay the reaction caused, even when the text names the exposure only later
    as a history (ICH E2A II.B). Not when the suspect is then told as given during that stay
    ('hospitalized with fever and pneumonia. She received intramuscular ceftriaxone'): the
    stay was for the indication."""
    if (
        _GIVEN_AFTER.match(sentence.text, match.end())
        or exposure is not None
        and exposure.index >= sentence.index
        and _GIVING.search(exposure.text)
        and not EARLIER.search(exposure.text)
    ):
        return False
    cause = _FOR_CAUSE.match(sentence.text, match.end())
    if not cause:
        return False
    at = sentence.start + cause.end()
    return any(start == at or (at <= start < at + 3) for start, _ in reactions)


def exposure_sentence(
    sentences: list[Sentence], introduced: Sequence[int], named: list[int]
) -> Sentence | None:
    """The first sentence, from the one that introduces the patient (``introduced``: where
    the age or sex is told; the first told in a narrative sentence, not in the title: "... in
    a 1-month-old infant" in a title, then "A 1-month-old girl came to the hospital ... and was
    admitted") on, that names a suspect (``named``: where its names are told); the title is
    no narrative. A sentence that presents the case and names the suspect only as a cause
    ("We report a 53-year-old woman with necrosis induced by subcutaneous X") sums it up:
    when a later sentence names a suspect, that one tells the exposure in the narrative's
    order ("We describe a man who received X for 4 years" tells it)."""
    told = [
        a
        for a in introduced
        if any(s.section != "title" and s.start <= a < s.end for s in sentences)
    ]
    if not introduced:
        return None
    first = min(told or introduced)
    naming = [
        s
        for s in sentences
        if s.section != "title" and s.end > first and any(s.start <= at < s.end for at in named)
    ]
    told_later = [s for s in naming if not presents_case(s.text)]
    if (
        naming
        and told_later
        and presents_case(naming[0].text)
        and not _GIVING.search(naming[0].text)
    ):
        return told_later[0]
    return naming[0] if naming else None


def seen_in_emergency(text: str, match: re.Match[str]) -> bool:
    """'after an evaluation in the ED, she was discharged home': discharged from an emergency
    visit, which is no admission (docs/annotation.md, r4xx and r6xx decisions)."""
    told = match.group(0).lower()
    return ("discharged" in told or "released" in told) and bool(_ED_VISIT.search(text))
