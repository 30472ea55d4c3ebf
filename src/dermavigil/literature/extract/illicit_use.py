"""A drug the text places in the illicit drug supply: not given by a route it is made for.

docs/annotation.md (s0xx decisions, ``approved``): xylazine injected by people who inject
drugs is approved false. A drug that reached the patient as a street drug or as an
adulterant of one ("a contaminant in the illicit drug supply of fentanyl",
"xylazine-induced skin ulcers in a person who injects drugs", "injection drug use leading
to xylazine-related wounds") was not given as any labelling intends, whatever route it
took. The wording class is that of harm-reduction medicine: people or persons who inject
(or use) drugs (PWID, PWUD), injection or intravenous drug use, the illicit or street drug
supply, an adulterant or a drug adulterated with another, injection drug abuse ("a history
of injection heroin abuse"), a drug bought from drug suppliers or dealers, a drug abused or
its addict, skin popping, heroin (v0xx decisions: self-injected drugs of abuse are false).
The sentence must name the suspect (its first five letters), so that a prescribed drug a
drug user was given in a clinic keeps its approval; a use denied ("denied a history of
injection drug use") is no statement, nor is an addiction the drug treats ("the maintenance
treatment of opioid addiction") or what the literature told of other patients ("earlier
reports have described abscesses in people who inject drugs"). Only drugs: an illicitly
injected filler with no wrong route stated stays null (r9xx decisions).
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.relevance import cites_literature
from dermavigil.literature.extract.routes import RouteFacts
from dermavigil.literature.extract.sentences import Sentence

ILLICIT = re.compile(
    r"\b(?:people|persons?|patients?|individuals?|someone|those|men|women|adults?)\s+who\s+"
    r"(?:inject|use)s?\s+(?:illicit\s+|street\s+|recreational\s+)?drugs\b"
    r"|\b(?-i:PWID|PWUD)s?\b"
    r"|\b(?:injection|injecting|intravenous|IV|illicit|street|recreational)\s+drug\s+us(?:e|ers?)\b"
    r"|\b(?:illicit|street|unregulated)\s+(?:opioid\s+|fentanyl\s+|heroin\s+)?(?:drugs?|"
    r"(?:drug\s+)?supply)\b"
    r"|\bdrug\s+supply\b"
    r"|\badulterant\w*|\badulterated\b|\bcutting\s+agents?\b"
    r"|\b(?:injection|injecting|intravenous|IV)\s+(?:[\w-]+\s+)?(?:abuse|misuse)\b"
    r"|\bdrug\s+(?:suppliers?|dealers?)\b"
    r"|\b(?:illicit|street|recreational)\s+substances?\b|\bskin[- ]popping\b"
    r"|\bshooter['\u2019]?s?\s+patch\b"
    r"|\b(?:abuse[sd]?|abusing|abusers?|misuse[sd]?|misusing|addicts?|addicted|addiction)\b"
    r"(?!\s+(?:potential|liability|deterrent|denied|(?:was|were|is)\s+(?:denied|not)\b))"
    r"|\b(?:heroin|desomorphine|krokodil)\b",
    re.I,
)
"""Words that put a drug in the illicit drug supply or its users' hands: the supply, its
users, a drug abused or its addict ("a history of pentazocine abuse", "a pentazocine
addict"; not "a high abuse potential", "drug abuse was denied"), skin popping (injecting
street drugs under the skin), and the opioids of the US Schedule I that have no medical use
there (heroin, desomorphine: 21 CFR 1308.11)."""
_DENIED = re.compile(r"\b(?:denie[sd]|denying|no (?:known )?history|never|without)\b", re.I)
_TREATED = re.compile(
    r"\b(?:recovery|recovering|treatment|treating|treated|therapy|maintenance)\s+(?:from|of|for)"
    r"\s+(?:[\w-]+\s+)?$",
    re.I,
)
"""'used in the treatment of opioid addiction', 'while recovering from addiction': the
disorder the drug treats, its indication, not a use of the drug outside its labelling."""
_REPORTED = re.compile(
    r"\b(?:reports?|studies|authors|publications|case series)\s+(?:have|has)\s+(?:\w+\s+)?"
    r"(?:described|reported|documented|shown)\b",
    re.I,
)


def _literature(text: str) -> bool:
    """What the literature told of other patients ("earlier reports have described abscesses in
    people who inject drugs", "previously reported", "et al"): no statement of this case."""
    return bool(_REPORTED.search(text)) or cites_literature(text)


def illicit_supply(
    facts: RouteFacts, name: str | None, category: str | None, sentences: list[Sentence]
) -> bool:
    """Mark the suspect drug's use off-label when a sentence naming it places it in the illicit
    drug supply (:data:`ILLICIT`); the words are the evidence. Returns whether it did."""
    if category != "drug" or not name:
        return False
    heads = [w[:5] for w in re.findall(r"[a-z]{5,}", name.lower())]
    if not heads:
        return False
    found = False
    for sentence in sentences:
        lower = sentence.text.lower()
        if not any(h in lower for h in heads) or _literature(sentence.text):
            continue
        for match in ILLICIT.finditer(sentence.text):
            before = sentence.text[max(0, match.start() - 40) : match.start()]
            if _DENIED.search(before) or _TREATED.search(before):
                continue
            span = (sentence.start + match.start(), sentence.start + match.end())
            if span not in facts.wrong_spans:
                facts.wrong_spans.append(span)
            found = True
    return found
