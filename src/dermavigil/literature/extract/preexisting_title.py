"""Title mentions and general statements that name no reaction of the patient.

A title's grammar gives the reaction, the exposure, then what the injection was for
(:func:`title_indication`); a general statement in the present about no one names no
reaction of the patient (:func:`about_no_one`): ConText's temporality and experiencer values
(Harkema et al. 2009, J Biomed Inform 42(5):839-851) read from the report's sentence roles.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.preexisting import LISTED
from dermavigil.literature.extract.roles import statement_about_no_one, told_in_past
from dermavigil.literature.extract.sentences import Sentence

_TITLE_EXPOSURE = re.compile(
    r"\b(?:after|following|induced|caused|associated|complicating|complications? of|related"
    r"|due to|secondary to|use of|injections?|injected|\w*therapy|treatment with)\b",
    re.I,
)
"""The exposure of a title ("X after filler injection", "a complication of fat transfer")."""
_TITLE_FOR = re.compile(
    r"\b(?:for|treatment of|in (?:an? |the )?(?:[\w-]+ ){0,3}?"
    r"(?:patients?|wom[ae]n|m[ae]n|child(?:ren)?|girls?|boys?|infants?|adults?)"
    rf" (?:with|suffering from|affected by))\s+{LISTED}{{0,6}}$",
    re.I,
)
_TITLE_TREATING = re.compile(
    rf"\b(?:(?:in|for) (?:the )?(?:treatment|management|therapy) of|\w+therapy (?:of|for)"
    r"|[\w-]+-treated|treating|injections? (?:of|into) (?:an?|the))\s+"
    rf"{LISTED}{{0,6}}$",
    re.I,
)
"""A title's condition treated, whatever comes before it ("A comparative study between
intralesional PPD and vitamin D3 in treatment of viral warts", "Ethanol sclerotherapy of
peripheral venous malformations", "necrosis after sclerotherapy when treating a venous
malformation", "new psoriasis in dupilumab-treated atopic dermatitis", "vascular occlusion
after steroid injection of a chalazion")."""
_TITLE_PATIENT_WITH = re.compile(
    r"\bin (?:an? |the )?(?:[\w-]+ ){0,3}?(?:patients?|wom[ae]n|m[ae]n|child(?:ren)?|girls?"
    rf"|boys?|infants?|adults?) (?:with|suffering from|affected by)\s+{LISTED}{{0,6}}$",
    re.I,
)
"""A title's "in a patient with" names the condition the patient had, whatever the title
words the exposure with ("Dupilumab side effect in a patient with atopic dermatitis")."""
_TITLE_CAUSE_AFTER = re.compile(
    r"\s*(?:resulting from|induced by|caused by|due to|after|following|secondary to"
    r"|associated with|related to)\b",
    re.I,
)
"""A title's reaction told with its cause after it: what a treatment in the title treats."""
_TITLE_IN_PURPOSE = re.compile(r"\b(?:in|for)\s+(?:an?\s+|the\s+)?$", re.I)
_PURPOSE_AFTER = re.compile(
    r"\s+(?:rehabilitation|correction|treatment|augmentation|reconstruction|patients?)\b", re.I
)
_MIMICKING = re.compile(
    r"\b(?:mimick?\w*|masquerading as|simulating|resembling)\s+(?:an? |the )?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_TREATED_IN_TITLE = re.compile(
    r"\s*[:.-]\s*(?:treatment|management|therapy) (?:with|by|using)\b", re.I
)


def title_indication(text: str, start: int, end: int) -> bool:
    """A title's mention that names what the injection was for or what the reaction looked
    like, not the reaction: after the exposure, the condition treated ("... after botulinum
    toxin injection for cervical dystonia in multiple system atrophy", "microneedling in a
    patient with atrophic acne scars", "... filler in facial lipoatrophy rehabilitation"), a
    differential ("a reaction to a filler mimicking salivary gland neoplasia"), or the
    condition a "treatment with" title is about ("Axillary hyperhidrosis: treatment with
    botulinum toxin"). The title's grammar: reaction, exposure, indication."""
    before = text[:start]
    if _MIMICKING.search(before) or _TREATED_IN_TITLE.match(text, end):
        return True
    if _TITLE_PATIENT_WITH.search(before):
        return True
    if _TITLE_CAUSE_AFTER.match(text, end):
        return False  # "... for treatment of vascular embolism resulting from HA filler"
    if _TITLE_TREATING.search(before):
        return True
    exposure = _TITLE_EXPOSURE.search(before)
    if exposure is None:
        return False
    after = before[exposure.end() :]
    return bool(
        _TITLE_FOR.search(after)
        or (_TITLE_IN_PURPOSE.search(after) and _PURPOSE_AFTER.match(text, end))
    )


def titled(sentence: Sentence) -> bool:
    """The title, or a line near the top told as one (no past verb: the record's title after
    a journal line)."""
    return sentence.section == "title" or (
        sentence.section is None and sentence.index <= 8 and not told_in_past(sentence.text)
    )


_PERFECT = re.compile(r"\b(?:has|have) (?:\w+ly )?(?!been\b)[a-z]{3,}ed\b", re.I)
"""A present perfect that tells an event ("the plaques have evolved progressively")."""


def about_no_one(sentence: Sentence) -> bool:
    """A general statement in the present about no one (:func:`~.roles.statement_about_no_one`:
    "Nicolau syndrome is a rare cutaneous necrosis occurring at the injection site", "Such
    nodules are frequently itchy"), not an event told in the present perfect: its reactions
    are no reactions of the patient (ConText's temporality, Harkema et al. 2009)."""
    return statement_about_no_one(sentence) and not _PERFECT.search(sentence.text)
