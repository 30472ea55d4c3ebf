"""Whose status a sentence tells: the reaction's, or something else's (E2B E.i.7).

The outcome is the reaction's (docs/annotation.md, outcome). A status phrase can be told of
the indication the suspect was given for ("improvement in the size of the keloid"), of the
underlying disease on the next drug ("switched to ... with good response"), of a laboratory
level or a therapy's efficacy, or in a clause of reason that gives the cause of what follows;
:func:`told_of_other` says so, for :mod:`.outcome`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from dermavigil.domain.vocab import Outcome
from dermavigil.literature.extract.outcome_words import StatusMention

_SWITCHED = re.compile(r"\b(?:switched|changed|converted|moved) (?:over )?to\b[^.;]{0,80}$", re.I)
"""'the patient was switched to a monoclonal cGRP antibody with good response': the response of
the underlying disease to the next drug, not a status of the reaction."""
_EFFICACY = re.compile(
    r"\b(?:efficacy|PASI|BMI|body mass index|disease activity|with the treatment of|good tolerance"
    r"|persistently (?:high|elevated|raised|low|increased))\b",
    re.I,
)
"""'With the treatment of dupilumab, her skin lesions of the body have improved', 'we continue
therapy due to the good response and efficacy', 'His last BMI was 16.5 with an improvement',
'persistently high levels of acute phase reagents': the indication's course on the therapy or
a laboratory level, not a status of the reaction (docs/annotation.md, outcome)."""
_REASON = re.compile(r"^\W*(?:since|as|because|given that)\s+[^,;]*$", re.I)
"""An interim status in a clause of reason opening the sentence ("Since there was no
improvement in circulation after 20 minutes, ...", "Because of the improvement in her RA, she
wished to continue"): a subordinate clause giving the cause of what the main clause tells
next (Quirk et al. 1985, 15.45), not the last status."""

_HEAD = re.compile(r"([a-z][a-z-]{4,})s?\W*$", re.I)
_GENERIC_HEADS = frozenset({"lines", "loss", "wrinkle", "areas", "region", "appearance"})


def indication_heads(indications: Iterable[str], reactions: Iterable[str]) -> list[str]:
    """The head nouns of the suspects' indications ("for treatment of a keloid": keloid,
    "to treat rheumatoid arthritis": arthritis), lower case, leaving out a generic head and
    one a reaction of the case names (the indication read wrongly)."""
    told = " ".join(reactions).lower()
    heads = [m.group(1).lower() for i in indications if (m := _HEAD.search(i))]
    return [h for h in heads if h not in _GENERIC_HEADS and h not in told]


def _of_indication(text: str, status: StatusMention, heads: Sequence[str]) -> bool:
    """A status told of the indication, not of the reaction ("There was improvement in the size
    of the keloid over time" of intralesional injections given for a keloid): the indication's
    head noun within the status's reach (docs/annotation.md: the indication of the injection
    is no reaction, and the outcome is the reaction's)."""
    window = text[max(0, status.span[0] - 50) : status.span[1] + 50]
    return any(re.search(rf"\b{re.escape(h)}s?\b", window, re.I) for h in heads)


def told_of_other(text: str, status: StatusMention, heads: Sequence[str]) -> bool:
    """A recovering or not-recovered ``status`` told of something other than the reaction: the
    disease's response after a switch (:data:`_SWITCHED`), a therapy's efficacy or a laboratory
    level (:data:`_EFFICACY`), a clause of reason (:data:`_REASON`), or the indication named by
    its head noun ``heads`` (:func:`indication_heads`)."""
    return (
        status.outcome is Outcome.recovering
        and _SWITCHED.search(text, 0, status.span[0]) is not None
        or status.outcome in (Outcome.recovering, Outcome.not_recovered)
        and bool(
            _EFFICACY.search(text)
            or _REASON.search(text[: status.span[0]])
            or _of_indication(text, status, heads)
        )
    )
