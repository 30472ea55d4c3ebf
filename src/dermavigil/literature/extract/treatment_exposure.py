"""The exposure a case report's title names, or a drug given before the reaction, named again.

A drug given before the reaction and named again after it is that drug, not a treatment of
the reaction (:func:`given_before`). A case report's title names its cause after a causal
preposition ("Cellulitis ... after acupuncture", "lipodystrophy secondary to somatrogon
therapy", "Digital Necrosis After Lidocaine and Epinephrine Injection"): what the title
gives as the cause is the exposure, and the same name in the body ("after finishing an
acupuncture treatment session", "switching to weekly somatrogon therapy") is that exposure
told again, not a treatment of the reaction (docs/annotation.md, ``treatments``: what was
given or done *for the reaction*; needle procedures are the suspect of the w0xx decisions).
A title that names its treatment ("... treated with ...", :data:`.treatment_cues.TITLE_CUE`)
is read by the treatment finder itself.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract import treatment_cues as cues
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.treatment_names import CLASS_TREATMENT, TREATMENT
from dermavigil.terminology.drugs import find_drugs

_CAUSE = re.compile(
    r"\b(?:after|following|due to|secondary to|caused by|induced by|associated with|related to)"
    r"\s+(?P<cause>[^:;.?!]+?)(?=\s*(?:$|[:;.?!(]|\b(?:in|at|of) (?:an?|the|\d)"
    r"|\b(?:with(?:out)?|using|by|via|through)\b"
    r"|\bin (?:\w+ )?(?:patients?|wom[ae]n|m[ae]n|child)))",
    re.I,
)
"""A title's causal preposition and what follows up to a colon, a bracket, the means of a
treatment ("with", "without", "using", "by") or the patient ("in a 30-year-old woman")."""
_TAIL = re.compile(
    r"(?:\s+(?:therapy|treatment|session|sessions|injections?|procedures?|administration))+$", re.I
)
"""A procedure noun after a name ("acupuncture treatment", "somatrogon therapy")."""


def title_causes(title: str) -> list[str]:
    """The causes a title names after a causal preposition, lower case."""
    return [m.group("cause").lower() for m in _CAUSE.finditer(title)]


def names_the_exposure(name: str, causes: list[str]) -> bool:
    """Whether a treatment name, without a procedure noun after it, is one the title gives as
    the cause ("acupuncture treatment" for a title "... after acupuncture")."""
    core = _TAIL.sub("", name.strip()).lower()
    if len(core) < 4:
        return False
    return any(re.search(rf"(?<!\w){re.escape(core)}(?!\w)", cause) for cause in causes)


_PREDICATE = re.compile(r"\b(?:is|are|was|were|be|been|had|has|have|did|does|\w{3,}ed)\b", re.I)
"""A verb of the sentence: a sentence with none is a fragment (a keyword, an index term)."""
_PURPOSE_AFTER = re.compile(
    r"[^.;,]{0,40}?\bto (?:treat|reverse|manage|relieve|resolve|control|improve|rescue)\b"
    r"|\s+(?:\w+\s+)?(?:for|in) (?:the )?(?:treatment|management|reversal|rescue) of\b",
    re.I,
)
"""A purpose after the name ("we report iloprost given to reverse an ischaemia",
"hyaluronidase for the treatment of"): named as the treatment of the reaction told after
it, not as what was given before."""


def drug_key(name: str) -> str:
    """A name compared as one word: lower case, no spaces or hyphens, no plural ``s``."""
    return re.sub(r"[\s\u2010\u2011-]+", "", name.lower()).removesuffix("s")


def given_before(sentence: Sentence, first_reaction: int, reaction_starts: list[int]) -> set[str]:
    """The lexicon drugs (:func:`dermavigil.terminology.drugs.find_drugs`) this sentence names
    before the reaction: in a sentence before the first reaction's, or in that sentence before
    its first reaction ("two minutes after an intravenous contrast agent, gadobutrol, she
    had a seizure"; ``reaction_starts`` are the offsets of the reactions in the
    sentence). The course of events puts them before the reaction: the exposure or a drug the
    patient was taking, which the narrative may name again when it tells what was done with
    it ("gadobutrol was avoided afterwards") and never a treatment of
    a reaction not yet there (docs/annotation.md, ``treatments``: given *for the reaction*).
    Not a treatment-lexicon name (:data:`.treatment_names.TREATMENT`, a class name) nor one
    a treatment frame introduces ("treated with", "after ... she recovered")."""
    if first_reaction <= 0 or sentence.index <= 0 or sentence.index > first_reaction:
        return set()
    end = len(sentence.text)
    if sentence.index == first_reaction:
        end = min(reaction_starts, default=0)
    if not _PREDICATE.search(sentence.text):
        return set()  # a fragment ("Linezolid;" of an index list) tells no event
    recovered = [m.span() for m in cues.RECOVERED_AFTER.finditer(sentence.text)]
    return {
        drug_key(drug.text)
        for drug in find_drugs(sentence.text)
        if drug.end <= end
        and not TREATMENT.fullmatch(drug.text)
        and not CLASS_TREATMENT.fullmatch(drug.text)
        and not cues.FRAMED.search(sentence.text[: drug.start])
        and not any(a < drug.start < b for a, b in recovered)
        and not _PURPOSE_AFTER.match(sentence.text, drug.end)
    }
