"""Short forms a text defines for a reaction: "compartment syndrome (CS)" -> CS.

A short form in brackets after its long form stands for that reaction wherever the text uses
it (:func:`reaction_abbreviations`, after Schwartz & Hearst 2003), when the long form is a
reaction: one clinical mention of :mod:`.mentions`, one name of the HPO or Disease Ontology
index, or one bare noun phrase whose head, its last word, names a finding.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.mentions import (
    clinical_mention_ends,
    indexed_whole,
    is_clinical_mention,
)
from dermavigil.terminology.disease_spans import disease_spans
from dermavigil.terminology.phenotype_spans import phenotype_spans

Span = tuple[int, int]


def reaction_abbreviations(text: str) -> dict[str, tuple[str, Span]]:
    """Short forms defined in the text whose long form is a reaction: "compartment syndrome (CS)" ->
    {"CS": ("compartment syndrome", span)}; a reaction is a clinical mention of :mod:`.mentions`,
    whole, one name of the HPO or Disease Ontology index, whole ("granuloma annulare (GA)"), or a
    bare noun phrase headed by a finding (:func:`_headed_by_finding`): the short form stands for the
    whole noun phrase, never for one of its words. The long form is found as in Schwartz AS, Hearst
    MA (2003), "A simple algorithm for identifying abbreviation definitions in biomedical text", Pac
    Symp Biocomput 8:451-462: the short form's characters matched right to left in the words before
    the parenthesis, its first character at a word start."""
    found: dict[str, tuple[str, Span]] = {}
    for match in _SHORT_FORM.finditer(text):
        short = match.group("short")
        words = _WORDS_BEFORE.search(text, max(0, match.start() - 120), match.start())
        if words is None or short in found:
            continue
        before = words.group(0)
        long = _long_form(short, before)
        if long and (is_clinical_mention(long) or indexed_whole(long) or _headed_by_finding(long)):
            start = words.start() + len(before.rstrip()) - len(long)
            found[short] = (long, (start, start + len(long)))
    return found


_SHORT_FORM = re.compile(r"\((?P<short>[A-Z][A-Za-z]{1,5})\)")
_WORDS_BEFORE = re.compile(r"(?:[\w'-]+\s+){1,7}$")


def _long_form(short: str, before: str) -> str | None:
    text = before.rstrip()
    s, i = len(short) - 1, len(text) - 1
    while s >= 0:
        char = short[s].lower()
        while i >= 0 and (text[i].lower() != char or (s == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    space = max(text.rfind(c, 0, i + 1) for c in " \n\t")
    return text[space + 1 :]


_POSTMODIFIER = re.compile(
    r"\b(?:of|for|in|on|at|to|with|by|from|after|following|due|related|induced|the|an?"
    r"|is|are|was|were)\b",
    re.I,
)
"""A word that opens a postmodifier or a clause, or an article: a long form holding one is
no bare noun phrase whose last word is its head ("visual analogue scale for pain")."""


def _headed_by_finding(long: str) -> bool:
    """The long form is one noun phrase with no postmodifier whose last word, its head, ends a
    clinical mention or a phenotype or disease name of the indexes ("necrotizing soft tissue
    fasciitis", "proliferative vitreoretinopathy"): the head of an English noun phrase with
    no postmodifier is its last noun (Quirk R et al. 1985, *A Comprehensive Grammar of the
    English Language*, ch. 17), and the premodifiers only narrow what the head names."""
    if _POSTMODIFIER.search(long):
        return False
    ends = clinical_mention_ends(long)
    ends |= {p.end for p in phenotype_spans(long) + disease_spans(long)}
    return len(long) in ends
