"""A reaction told as over by its duration: "transient", "short-lived", "of short duration",
"which lasted for one hour" (E2B E.i.7: recovered).

docs/annotation.md, outcome: "transient" is ``recovered``. A duration adjective is read only
where it qualifies a reaction of this patient, the reaction's own mention right after it ("a
transient facial nerve palsy", "the short duration of the palsy"); a past duration only where it
follows a reaction's mention in its clause ("erythema and swelling occurred at the site, which
lasted for one hour"): what adverse events of a kind usually are ("injection site reactions
are mild and transient") names no reaction of this patient and is background, which the case
sentences leave out. Read by :mod:`.outcome` only when the narrative states no status; an
open duration ("lasted for more than six months") states no end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from dermavigil.domain.vocab import Outcome
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.outcome_words import StatusMention
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

_SHORT = re.compile(
    r"\b(?:transient(?:ly)?|short[- ]lived|temporary|self-limit(?:ed|ing)|brief"
    r"|(?:of )?(?:a )?short duration(?: of)?)\s+(?:(?:and|,)\s+)?(?:[\w-]+\s+){0,2}?$",
    re.I,
)
"""A duration adjective, with up to two words (another adjective) before the reaction's
mention."""
_LEADING = re.compile(
    r"(?:transient(?:ly)?|short[- ]lived|temporary|self-limit(?:ed|ing)|brief)\b", re.I
)
"""The same adjective read as the first word of the reaction's own mention ("transient
oculomotor palsy")."""
_LASTED = re.compile(
    r"[^.;]{0,60}?\blasted (?:for |over )?(?:about |approximately |only |around )?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)[ -]"
    r"(?:min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?)\b",
    re.I,
)
"""A past duration after the reaction's mention ("..., which lasted for one hour"), closed:
"more than", "at least" and months or years leave it open."""


def _short_at(sentence: Sentence, at: int, to: int) -> Span | None:
    """Where ``sentence`` tells the reaction mentioned at ``at``-``to`` (offsets in the
    sentence) as short-lived (:data:`_LEADING`, :data:`_SHORT`, :data:`_LASTED`), asserted."""
    before = _SHORT.search(sentence.text[max(0, at - 60) : at])
    if (leading := _LEADING.match(sentence.text, at)) is not None:
        span = leading.span()
    elif before is not None:
        span = (max(0, at - 60) + before.start(), at)
    elif (after := _LASTED.match(sentence.text, to)) is not None:
        span = after.span()
    else:
        return None
    return span if assertion(sentence.text, *span) is Assertion.present else None


def transient_status(
    sentences: Sequence[Sentence], reactions: Iterable[Sequence[Span]]
) -> tuple[Sentence, StatusMention] | None:
    """The status ``recovered`` when every reaction of this patient (each its evidence
    ``reactions`` spans) is told short-lived in one of ``sentences``, at any mention of its
    words there ("Facial nerve palsy" in the title, "a transient facial nerve palsy" in the
    case summary), with the first such sentence and the duration's words as evidence."""
    found: list[tuple[Sentence, Span]] = []
    for spans in reactions:
        names = {
            s.text[a - s.start : b - s.start].lower()
            for a, b in spans
            for s in sentences
            if s.start <= a < s.end and b <= s.end
        }
        told = next(
            (
                (sentence, span)
                for sentence in sentences
                for name in names
                for m in re.finditer(rf"\b{re.escape(name)}\b", sentence.text, re.I)
                if (span := _short_at(sentence, m.start(), m.end())) is not None
            ),
            None,
        )
        if told is None:
            return None
        found.append(told)
    if not found:
        return None
    sentence, span = min(found, key=lambda f: f[0].index)
    return sentence, StatusMention(Outcome.recovered, 4, span)
