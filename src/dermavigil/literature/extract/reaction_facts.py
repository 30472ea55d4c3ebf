"""A reaction of the case with its evidence, and a reaction mention set aside (the records
:mod:`.reactions` fills and :mod:`.assemble` turns into the draft's reactions)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.case import CodedTerm
from dermavigil.domain.dates import Duration
from dermavigil.literature.extract.negation import Assertion
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]


@dataclass
class ReactionFacts:
    """One reaction with its evidence spans (keys: verbatim, onset, body_sites)."""

    verbatim: str
    codes: list[CodedTerm]
    sentence: int
    onset_latency: Duration | None = None
    onset_text: str | None = None
    body_sites: list[str] = field(default_factory=list)
    at_rechallenge: bool = False
    indexed: bool = False
    """Found by the HPO index alone (:class:`~.mentions.Mention`)."""
    spans: dict[str, list[Span]] = field(default_factory=dict)

    @property
    def lesion(self) -> bool:
        """A visible lesion (not pain, itch or a systemic symptom)."""
        return not re.fullmatch(
            r"(?:\w+ )*(?:pain|itching|pruritus|fever|tenderness|headache|dizziness|weakness)",
            self.verbatim.lower(),
        )


@dataclass
class Excluded:
    """A reaction mention set aside: negated or uncertain."""

    text: str
    span: Span
    status: Assertion


def shift(sentence: Sentence, span: tuple[int, int]) -> Span:
    """A span of the sentence's text as a span of the whole text."""
    return sentence.start + span[0], sentence.start + span[1]
