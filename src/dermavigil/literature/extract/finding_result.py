"""Where a finding's result ends: the words after a reporting verb that the slide showed.

The findings reader (:mod:`dermavigil.literature.extract.findings`) takes the text after a
test's reporting verb up to the clause end; what follows a slide's description inside that
text is no finding of it: the disease the slide suggests or confirms, how it stained, what it
is likened to. A reporting verb followed by a means ("confirmed with the Naranjo scale") has
no result at all.
"""

from __future__ import annotations

import re

from dermavigil.terminology.coder import code_phrase

_DIAGNOSIS_AFTER = re.compile(
    r",?\s+(?:(?:thus |therefore |so )?(?:confirming|establishing)\b"
    r"|(?:which |that )?(?:(?:was|were|is|are) )?(?:suggestive|indicative) of\b"
    r"|(?:which |that )(?:suggested|indicated)\b)",
    re.I,
)
"""Where a slide's description hands over to the disease it suggests or confirms
("non-caseating granulomas, confirming the diagnosis of sarcoid uveitis", ", suggestive of a
drug hypersensitivity reaction"): not a histopathology finding (docs/annotation.md,
``histopathology``: what the biopsy showed). A slide "consistent with foreign body granuloma"
keeps its pattern's name (d52)."""
_STAINED = re.compile(
    r",?\s+(?:which |that )?(?:(?:was|were) )?stain(?:ed|ing) (?:positive |negative )?"
    r"(?:with|for)\b",
    re.I,
)
"""How the slide stained ("masses ..., which stained positive with Congo red"): a method, not
a finding."""
_RESEMBLING = re.compile(
    r",?\s+(?:\w+ly\s+)?(?:resembling|mimicking|simulating|reminiscent of|similar to)\b", re.I
)
"""What the slide is compared with. Compared with a disease the vocabulary codes
("palisading histiocytes closely resembling granuloma annulare"), it is a likeness, not a
finding (docs/annotation.md: a differential diagnosis is no finding of the patient);
compared with an object ("empty spaces resembling Swiss cheese"), it is the appearance
itself and stays."""


LIKENESS_BEFORE = re.compile(
    r"\b(?:resembl\w*|mimick?\w*|simulat\w*|similar to|reminiscent of)\s+(?:the\s+)?$", re.I
)
"""A test named inside a likeness ("a proliferation mimicking the histological features of a
lymphoma"): what a disease looks like, no finding of the patient."""


_CASE_AFTER = re.compile(
    r"\s+(?:(?:in|of) (?:a|an|our|this|the) (?:\d+[- ]year[- ]old )?(?:wom[ae]n|m[ae]n"
    r"|patients?|girl|boy|child|lady|case)|(?:after|following) (?:the |an? |her |his )?"
    r"(?:[\w-]+ )?(?:injections?|vaccinations?|inoculations?))\b",
    re.I,
)
"""Where a result runs on into the case it belongs to ("a granulomatous change in a woman
after the injection of ... for the correction of facial wrinkling"): the patient and the
exposure are no part of what the slide showed."""


def without_diagnosis(result: str) -> str:
    """The result up to a staining clause or a likeness to a disease, and up to a diagnosis
    clause when the words before it name a finding of their own ("histologic changes
    consistent with an insulin derived amyloidoma" keeps its diagnosis: the changes are named
    by it)."""
    case = _CASE_AFTER.search(result)
    if case is not None:
        result = result[: case.start()].rstrip(" ,")
    stained = _STAINED.search(result)
    if stained is not None:
        result = result[: stained.start()].rstrip(" ,")
    like = _RESEMBLING.search(result)
    if like is not None and code_phrase(re.split(r"[,;(]", result[like.end() :])[0]):
        result = result[: like.start()].rstrip(" ,")
    cue = _DIAGNOSIS_AFTER.search(result)
    if cue is None or not code_phrase(result[: cue.start()]):
        return result
    return result[: cue.start()].rstrip(" ,")


METHOD = re.compile(
    r"\s*(?:(?:further|also|then|\w+ly)\s+)?(?:(?:confirmed|supported|assessed|established)\s+)?"
    r"(?:with|by|using|via)\b",
    re.I,
)
"""A reporting verb followed by the means ("further confirmed with the Naranjo Adverse Drug
Reaction Probability Scale"): a method or a causality scale, not a result."""
RESULT_END = re.compile(r"[.;](?:\s|$)(?!\s*\(?(?:\d{1,2}|[a-h])\)\s)|$")
"""The result's end: a full stop or a semicolon, not the semicolon of a numbered enumeration
("three patterns: (1) an acute pattern ...; (2) a sub-acute pattern ...")."""
