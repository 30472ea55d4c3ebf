"""An organism grown or identified from the patient's lesion: the lesion is infected, a
reaction of its own ("Mycobacterium abscessus was identified on skin cultures")."""

from __future__ import annotations

import re

from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.reaction_facts import ReactionFacts, shift
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.terminology.coder import code_phrase

_ORGANISM = (
    r"(?:Mycobacterium|Staphylococcus|Streptococcus|Pseudomonas|Escherichia|Klebsiella|Enterobacter"
    r"|Serratia|Cutibacterium|Propionibacterium|Candida|Aspergillus|Nocardia|Clostridium"
    r"|Acinetobacter|Proteus|Enterococcus|[MSEP]\.)\s+[a-z]{4,}(?:\s+(?:complex|group))?"
    r"|(?:atypical\s+|non-?tuberculous\s+)?mycobacteri(?:a|um|al strain)|NTM|MRSA|MSSA"
)
_GROWN = re.compile(
    rf"(?P<a>{_ORGANISM})\b[^.;]{{0,60}}?\b(?:was|were) (?:\w+ly )?(?:identified|isolated|grown"
    rf"|cultured|recovered|detected)\b|(?<![\w-])(?:mycobacterial strain|strain) isolated"
    rf"|\b(?:cultures?|PCR|swabs?)\b[^.;]{{0,40}}?\b(?:grew|yielded|(?:was|were) positive for"
    rf"|revealed|showed|identified)\s+(?:\w+\s+and\s+)?(?P<b>{_ORGANISM})",
    re.I,
)
"""An organism grown or identified from the patient's lesion: the lesion is infected
("Mycobacterium abscessus was identified on skin cultures", "cultures grew S. aureus")."""
_NAMED_INFECTION = re.compile(
    r"\s+(?:bacter(?:a)?emia|sepsis|infections?|abscess(?:es)?|cellulitis|endocarditis"
    r"|osteomyelitis|fasciitis)\b",
    re.I,
)
"""The organism is named with its infection ("Staphylococcus epidermidis bacteremia"), a
reaction of its own."""


def grown_infection(sentence: Sentence) -> ReactionFacts | None:
    """The infection an organism grown from the lesion shows (its verbatim the organism,
    coded *Infection*), unless negated or named with its infection already (that mention is
    the reaction)."""
    grown = _GROWN.search(sentence.text)
    if grown is None:
        return None
    group = "a" if grown.group("a") else "b" if grown.group("b") else 0
    if assertion(
        sentence.text, grown.start(), grown.end()
    ) is not Assertion.present or _NAMED_INFECTION.match(sentence.text, grown.end(group)):
        return None
    return ReactionFacts(
        verbatim=grown.group(group),
        codes=code_phrase("infection"),
        sentence=sentence.index,
        spans={"verbatim": [shift(sentence, grown.span(group))]},
    )
