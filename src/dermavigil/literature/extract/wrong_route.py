"""Wrong, unintended or misplaced administrations a case report states for its patient.

A wrong route is evidence that a product was not given by the route it is made for
(docs/annotation.md, ``approved``: false when the text says the route was wrong,
unintended or too superficial, the product went into an artery, or an intravenous drug
extravasated). Only what the text states of this case counts: a wrong route wondered about,
stated in general (a background or discussion section, a statement in the present about
no one, a recommendation) or denied ("with no apparent extravasation") is not this case's.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.roles import (
    PAST,
    recommends,
    statement_about_no_one,
    told_in_past,
)
from dermavigil.literature.extract.routes import general
from dermavigil.literature.extract.sentences import Sentence

_ERROR = (
    r"(?:erroneous|incorrect|wrong|improper|inappropriate|inaccurate|inadvertent|accidental"
    r"|unintended|unintentional|faulty|misplaced|mistaken|unwitting|unknowing|suboptimal)(?:ly)?"
)
_ROUTE_ADJ = (
    r"(?:intra-?dermal|sub-?cutaneous|intra-?muscular|intra-?venous|intra-?arterial"
    r"|intra-?vascular|peri-?arterial)\w*"
)
_TECHNIQUE = (
    r"(?:inject\w*|administ\w*|given|placed|placement|performed|technique|site|depth|route"
    r"|delivery|applied|embol\w*|discharg\w*|fired|misfired|injur(?:y|ies)|penetrat\w*)"
)
WRONG = re.compile(
    rf"\b{_ERROR}[,\s]+(?:[\w-]+\s+){{0,4}}?(?:{_ROUTE_ADJ}|{_TECHNIQUE})\b"
    r"|\b(?:inject\w*|administ\w*|given|placed|performed|delivered|inserted|implanted)\s+"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:(?:erroneous|incorrect|wrong|improper|inappropriate|inaccurate|inadvertent|accidental)ly"
    r"|too (?:superficial|shallow|deep)\w*|by (?:ignorance|negligence|mistake|accident))\b"
    r"|\b(?:deep|intramuscular|subfascial|superficial)\s+(?:insertion|placement|implantation)\b"
    r"|\btoo (?:superficial|shallow)(?:ly)?\b|\bwrong route\b|\bintended use\b"
    r"|\bover-?penetrat\w*"
    r"|\b(?:inject\w*|administ\w*|given|provided|placed|delivered)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:too\s+)?high\s+(?:in|into|on|up)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:deltoid|shoulder)\b"
    r"|\bmisplaced\s+(?:[\w-]+\s+){0,3}?(?:fillers?|injections?|products?|materials?|gels?)\b"
    r"|\b(?:lines?|cannula|catheter|infusion|IV)\s+(?:had\s+)?infiltrated|\bIV fluid infiltration\b"
    r"|\bleak(?:ed|age)\s+(?:\w+\s+){0,2}?into\s+(?:the\s+)?(?:surrounding|subcutaneous|soft"
    r"|perivascular)\s+tissues?\b"
    r"|\bintra-?(?:vascular|arterial)(?:ly)? (?:[\w-]+ )?(?:injections?|injected|administration"
    r"|embol\w+)\b"
    r"|\b(?:inject\w*|administ\w*|given|delivered)\s+(?:[\w-]+\s+){0,4}?(?:intra-?(?:arterial"
    r"|vascular)ly|into (?:an?|the|his|her|their) (?:[\w-]+ ){0,2}arter(?:y|ies))\b"
    rf"|\binstead of\s+(?:into\s+)?(?:the\s+|a\s+)?(?:proper\s+)?(?:{_ROUTE_ADJ}|muscu?l\w*|vein"
    r"|dermis|deep\b)"
    rf"|\b{_ROUTE_ADJ}\s+rather than\b"
    rf"|\bintended for (?:an? )?{_ROUTE_ADJ} (?:use|administration|injection)\b[^.;]{{0,60}}?"
    r"\b(?:remained|ended up|was deposited|were deposited|lodged|went)\s+(?:in|into|within)\s+"
    r"(?:the\s+)?(?:subcutaneous|sub-?cutis|dermis|dermal|fat|adipose)"
    r"|(?<!erythrocyte )(?<!red cell )(?<!RBC )\bextravasat\w*\b"
    r"(?!\s+of\s+(?:red\s+)?(?:blood|erythrocytes?|RBCs?|red cells?|contrast|fluid))",
    re.I,
)
"""A wrong, unintended or misplaced administration stated in the text: an error word before
a route or a technique word ("inaccurate intradermal injections", "inappropriate site of
administration", "improper intramuscular injection technique"), an injection "too
superficial", a route given "instead of" another, a product injected into an artery, an
intravenous drug that extravasated (docs/annotation.md: "extravasation of an intravenous drug
is approved false"; not the extravasated red cells of a biopsy), a vaccine given "high into the
deltoid" (above the muscle's bulk, toward the shoulder's bursa: a wrong technique), an
autoinjector "accidentally discharged" (into a finger: the wrong site), an implant "inserted
too deeply" or its "deep insertion", a thread's "superficial implantation" (the wrong plane:
docs/annotation.md, the y0xx decisions), an accidental injection told as an injury ("an
unintentional auto-injector injury to the thumb"), a needle's overpenetration (c0xx: a needle
pushed too deep is approved false) or an inadvertent penetration of what it was not meant to
enter (the eyeball, while tattooing the sclera: d0xx)."""
_HEDGED = re.compile(
    r"\b(?:may|might|could|can|possibl[ey]|should|avoid\w*|prevent\w*|risk|usually|commonly"
    r"|generally|predispos\w*|causes|documented|in the event of)\b"
    r"|\bwhen(?:ever)?\s+[^,.;]{0,80}?\boccurs\b",
    re.I,
)
"""A wrong route only wondered about or stated in general ("could be inadvertently
administered", "predisposing factors are ... accidental subcutaneous injection", "in the event
of inadvertent extravasation", "when extravasation from a peripheral cannula occurs"): not
this case's."""
_MECHANISM = re.compile(r"\b(?:mechanisms?|pathogenesis)\b", re.I)
"""A wrong route named as a mechanism: general ("the mechanism is an inadvertent
intra-arterial injection") unless told in the past of a finding of the case ("The biopsy
supported an intravascular injection ... as the etiological mechanism")."""
_CONCLUDED = re.compile(r"(?i)\b(?:thought|believed|hypothes\w*|suggest\w*|proposed|postulated)\b")
_THIS_PATIENT = re.compile(r"\b(?:this|our|the present|the) (?:case|patient)\b", re.I)
"""A wrong route concluded as likely *for this patient* ("it was hypothesized that, due to the
patient's body habitus, the injection ... remained in the subcutaneous tissues") is stated
for the case (docs/annotation.md, r992); one concluded about no patient is not."""


def states_case(sentence: Sentence) -> bool:
    """A sentence that states something of this case: not general (a background section, a
    statement in the present about no one with no past verb at all: "Most cutaneous
    sideroses are because of ... extravasation"; "the injections were, unwittingly,
    administered" is told of the case), not a recommendation ("... must be recognized as a
    complication of inappropriate ... injections"), not hedged, and a conclusion only when
    it is about this patient."""
    if (
        general(sentence)
        or _HEDGED.search(sentence.text)
        or (_MECHANISM.search(sentence.text) and not told_in_past(sentence.text))
        or (statement_about_no_one(sentence) and not PAST.search(sentence.text))
        or recommends(sentence)
    ):
        return False
    return not _CONCLUDED.search(sentence.text) or bool(_THIS_PATIENT.search(sentence.text))


_DENIED = re.compile(
    r"\b(?:no|not|nor|without|never|den(?:y|ies|ied)|absence of|free of|ruled out)\b"
    r"(?:\s+[\w-]+){0,2}?\s*$",
    re.I,
)
"""Right before a wrong-route word, a negation cue within three words (NegEx-style: Chapman
et al. 2001, J Biomed Inform 34(5):301-310): "with no apparent extravasation", "without
extravasation" deny the wrong route."""


def wrong_statements(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The spans (text offsets) of the wrong routes the ``sentences`` state and do not deny."""
    return [
        (sentence.start + m.start(), sentence.start + m.end())
        for sentence in sentences
        for m in WRONG.finditer(sentence.text)
        if not _DENIED.search(sentence.text[max(0, m.start() - 40) : m.start()])
    ]


_INTO_DERMIS = re.compile(
    r"\b(?:penetrat\w*|deposit\w*|leak\w*|seep\w*|reach\w*|entered|lodg\w*|placed)\s+"
    r"(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:into|in|within)\s+(?:the\s+)?(?:dermis|dermal\s+layer)\b",
    re.I,
)
"""A medicine that went into the dermis ("penetration of interferon beta into dermis", "the
drug was deposited in the dermis")."""


def into_the_dermis(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Spans telling that the product went into the dermis: for a medicine the case gives
    subcutaneously or intramuscularly, an injection too superficial (docs/annotation.md, w0xx:
    interferon that reached the dermis through an oblique needle is approved false)."""
    return [
        (sentence.start + m.start(), sentence.start + m.end())
        for sentence in sentences
        for m in _INTO_DERMIS.finditer(sentence.text)
        if not _DENIED.search(sentence.text[max(0, m.start() - 40) : m.start()])
    ]
