"""The role a product mention plays in its sentence: the suspect exposure or a treatment.

Treatments given for the reaction are never suspects (docs/annotation.md): a
mention after a treatment cue ("treated with", "started on", "using"), or
followed by one ("for treating the necrosis", "was started"), is a treatment;
a mention after an exposure cue ("after", "following", "injections of",
"induced by") or followed by one ("injection", "-induced") is an exposure; a
product family named as an ingredient of what was injected ("a preparation
containing hyaluronic acid") is not the product.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.therapy_course import course_before
from dermavigil.literature.extract.treatment_names import TREATMENT
from dermavigil.terminology.products import ProductMention

TREATED_WITH = re.compile(
    r"\b(?:treated|managed|treatment|therapy|responded|resolved|improved|healed|regressed"
    r"|reversed|rescued|salvaged|aided|assisted)"
    r"\s+(?:with|to|by|using)\s+(?:[\w-]+\s+){0,4}(?:\((?:[\w-]+,?\s+){0,4})?$",
    re.I,
)
"""Just before a product name: it was given for the reaction ("treated using", "recovery
aided by aggressive use of", "improved with medications (tacrolimus, ...")."""

_TREATS_AFTER = re.compile(
    r"^\W{0,3}(?:\([^)]{0,20}\)\s*)?(?:[\w-]+\s+){0,2}?(?:for treating|for reversing"
    r"|to (?:treat|reverse|rescue|salvage|manage|heal|repair|restore)"
    r"|(?:for|in) (?:the )?(?:treatment|management|reversal|salvage) of"
    r"|for(?=\s[^.;]{0,50}-(?:induced|related|associated|caused)\s))\b[^.;]{0,50}"
    r"\b(?:complications?|reactions?|necrosis|occlusions?|granulomas?|nodules?|ischa?emi\w*"
    r"|scar\w*|ulcer\w*|lesions?)\b",
    re.I,
)
"""After a product name: it is used to treat the complication ("liquid platelet-rich fibrin
for treating hyaluronic acid-related complications", "platelet-rich plasma to reverse skin
necrosis"), or given for a complication named by its cause ("hyaluronidase injection for
filler-induced necrosis": "for" with a reaction another product caused is the purpose)."""

_INGREDIENT_AFTER = re.compile(r"^\s+as (?:one of the|an?) ingredients?\b", re.I)

_INGREDIENT_BEFORE = re.compile(
    r"(?<![\w-])(?:containing|contains|composed of|based on|enriched with|made of)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""A product family named as an ingredient of what was injected ("a topical skin preparation
containing hyaluronic acid"): the preparation is the product. A compound adjective names
what the product contains, not what contains it ("aluminium-containing allergen extracts")."""

_EXPOSED_BEFORE = re.compile(
    r"\b(?:after|following|post|injections? of|(?:self-)?injecting"
    r"|(?:injections?|injectates?|infiltrations?|blocks?)\s*,?\s*(?:containing|consisting of)"
    r"|injected\s+(?:(?:her|him|them|your)sel(?:f|ves)\s+)?(?:\w+ly\s+)?with"
    r"|administration of|administered|administering|abus(?:ing|ed)|misus(?:ing|ed)"
    r"|received|receiving|doses? of|shots? of|IMI? of|induced by|due to|secondary to|associated"
    r"|caused by|exposure to|related to|infusions? of|infused with|extravasation of|on"
    r"|formulations? of|sclerotherapy (?:with|using)"
    r"|inject\w*\s+(?:of|into)\s+[^.;]{0,50}?\b(?:arter(?:y|ies)|veins?)\b[^.;]{0,40}?\bwith)"
    r"\s+(?:\(?\d[\d.,]*\s*(?:mL|ml|cc|mg|g|mcg|\u00b5g|IU|U|units?|%)\)?\s+)*"
    r"(?:[\w(),.-]+\s+){0,4}\(?$",
    re.I,
)
"""Before a drug's name, an exposure cue: what the reaction followed, how the drug was given,
or the vessel an injection went into and what it was made with ("injection of his radial
artery with a suspension of crushed X": the object of "with" is the injectate)."""
_EXPOSED_AFTER = re.compile(
    r"^\W{0,3}(?:\([^)]{0,40}\)\s*)?(?:[\w-]+\s+){0,3}?(?:injections?|injected|infusions?|extravasat\w*|administration"
    r"|sclerotherap\w*|shots?|doses?|IMI|-?induced|-?associated|-?related|abuse|misuse|auto-?inject\w*|pens?"
    r"|(?:was|were)\s+(?:\w+\s+)?(?:discontinued|stopped|withdrawn|ceased|suspended))\b",
    re.I,
)
"""After a drug's name, how it was given (an injection, the autoinjector or pen that holds
it: "an EpiPen autoinjector"; the injection procedure named by its agent, "ethanol
sclerotherapy") or that it was stopped ("dalteparin therapy was
discontinued": a dechallenge, so the drug is what the reaction was to; a usual treatment
of the reaction stopped is kept apart by :data:`.treatment_names.TREATMENT`)."""
_LINE = re.compile(r"^\s+(?:[\w-]+\s+){0,6}?(?:through|via)\s", re.I)
_ROUTE_AFTER = re.compile(
    r"^\W{0,3}(?:[\w-]+\s+){0,3}?(?:given|administered)\s+(?:(?-i:IM|IV|SC)|(?:intra|sub)-?\w+ly)\b"
    r"|^\s+(?:intra|sub)-?(?:muscular|cutaneous|venous|dermal)ly\b"
    r"|^\s+(?:[\w-]+\s+){0,6}?(?:through|via)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:cannula"
    r"|line|catheter|vein|port)\b",
    re.I,
)
"""After a drug's name, how it was injected ("diclofenac intramuscularly", "75 mg was given
IM", "through a peripheral cannula"): the name is of something injected, unless the clause
tells an improvement or a treatment started ("resolved after ... Lovenox subcutaneously")."""

TREATMENT_BEFORE = re.compile(
    r"\b(?:treated|managed|treatment|therapy|prescribed|started on|initiated|course of|responded"
    r"|relieve|improved with|resolved with|followed by|applied|apply|using|use of)\b[^.;]{0,80}$",
    re.I,
)

_COSMETIC_AFTER = re.compile(
    r"[\s-]+(?:serums?|creams?|lotions?|moisturi[sz]ers?|ampoules?|essences?|toners?|masks?"
    r"|(?:skin ?care |cosmetic )?products?|skin preparations?|oils?)\b",
    re.I,
)

_TREATMENT_AFTER = re.compile(
    r"^(?:\s*(?:and|or|,)(?:\s+[\w\u2010-]+){1,3}?)?\s+(?:was|were)\s+(?:then\s+|also\s+)?"
    r"(?:initiated|started|given|prescribed|added|applied|begun|instituted|commenced|continued)\b",
    re.I,
)
"""After a usual treatment's name: it was started ("subcutaneous heparin were initiated",
"prednisolone and heparin were started")."""


def treated_with(before: str, after: str = "") -> bool:
    """Whether the words before a name say it was given for the reaction ("successfully
    treated using", "recovery aided by aggressive use of")."""
    return bool(TREATED_WITH.search(before)) and not course_before(before, after)


def treats_complication(after: str, before: str = "") -> bool:
    """Whether the words after a product name say it treats the complication, unless the
    words before it say a reaction was to it ("an allergy to hyaluronidase injected for
    filler-induced nodules": :data:`_CAUSE_BEFORE`)."""
    return bool(_TREATS_AFTER.match(after)) and not _CAUSE_BEFORE.search(before)


_FILLER_HEAD = re.compile(
    r"\b(?:fillers?|injections?|injectates?|infiltrations?|blocks?)\s*,?\s*(?:containing"
    r"|composed of|based on|made of|consisting of)\s",
    re.I,
)


def is_ingredient(before: str, after: str) -> bool:
    """Whether a product family is named as an ingredient of what was injected. What a
    filler contains is its material ("a permanent filler containing polymethylmethacrylate"
    is a PMMA filler), and what an injection or a block contains is its injectate ("a trigger
    point injection containing lidocaine"), unlike what a cosmetic contains."""
    found = _INGREDIENT_BEFORE.search(before)
    if found and _FILLER_HEAD.search(before[max(0, found.start() - 12) :]):
        return False
    return bool(found or _INGREDIENT_AFTER.match(after))


_ROUTE_BEFORE = re.compile(
    r"(?<![\w-])(?:intra-?venous|intra-?muscular|sub-?cutaneous|intra-?dermal|intra-?lesional"
    r"|(?-i:IV|IM|SC))\s+$",
    re.I,
)
"""Right before a drug's name, the route it was injected by ("was given intravenous
phenytoin"): the name is of something injected."""


def given_as_exposure(before: str, after: str) -> bool:
    """Whether a drug between ``before`` and ``after`` is given as the exposure: an
    exposure cue around it, not right after "treated with" (unless a course of it came
    before the reaction: :func:`.therapy_course.course_before`), and no other treatment cue
    before it unless an injection word follows ("treated for syphilis with penicillin
    injections")."""
    routed = (_ROUTE_BEFORE.search(before) or _ROUTE_AFTER.match(after)) and not (
        told_improving(before) or _TREATMENT_AFTER.match(after)
    )
    therapy = course_before(before, after)
    if (TREATED_WITH.search(before) and not therapy) or not (
        _EXPOSED_BEFORE.search(before) or _EXPOSED_AFTER.match(after) or routed or therapy
    ):
        return False  # "treated with intravenous antihistamines (a slow infusion of ...)"
    treated = not therapy and TREATMENT_BEFORE.search(before[-60:])
    # "was started on norepinephrine through a peripheral cannula": the line it ran through
    return not treated or bool(_EXPOSED_AFTER.match(after) or (routed and _LINE.search(after)))


_MATERIAL_AFTER = re.compile(
    r"^[\s-]{0,3}(?:\([^)]{0,40}\)\s*)?(?:[\w-]+\s+){0,2}?(?:augmentation|fillers?|filling"
    r"|implant\w*|grafting|transfer|lift\w*|threads?|procedures?|treatments?|sessions?"
    r"|insert\w*|placed|placement)\b",
    re.I,
)
_MATERIAL_BEFORE = re.compile(
    r"\b(?:augmentation|augmented|filled|filling|injections?|implanted|implantation|lift\w*"
    r"|procedures?|treatments?|sessions?|fillers?)\s+(?:with|of|using)\s+(?:[\w(),.-]+\s+){0,3}$"
    r"|\b(?:underwent|undergone|undergoing)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


_ENUMERATION = re.compile(r"\b(?:such as|including|e\.g\.|like|namely)\b[^.;:]*$", re.I)


def material_exposure(before: str, after: str) -> bool:
    """Whether a filler or implant material is named as what was put in (the exposure): an
    exposure cue around it (:func:`given_as_exposure`), or the procedure it was used for
    ("polyacrylamide gel breast augmentation", "a thread lift with polydioxanone threads",
    "augmentation with autologous fat"); not one of the materials a sentence enumerates
    ("materials such as liquid silicone, bovine collagen and ... implants")."""
    if TREATED_WITH.search(before) or _ENUMERATION.search(before):
        return False
    return (
        given_as_exposure(before, after)
        or bool(_MATERIAL_AFTER.match(after))
        or bool(_MATERIAL_BEFORE.search(before))
    )


def cosmetic_form(after: str) -> re.Match[str] | None:
    """The cosmetic form word after a name ("vitamin C serum", "... cream"), if any."""
    return _COSMETIC_AFTER.match(after)


def is_treatment(sentence: Sentence, mention: ProductMention) -> bool:
    """Given for the reaction: "treated with X", or a usual treatment after a treatment cue
    or followed by one ("heparin was started"); never a name the reaction is told to be to
    ("injection site reactions to long-term therapy with X": the object of "reactions to",
    :data:`_CAUSE_BEFORE`)."""
    before = sentence.text[: mention.start - sentence.start]
    after = sentence.text[mention.end - sentence.start :]
    if _CAUSE_BEFORE.search(before) and not _DOUBTED.search(before):
        return False
    if treated_with(before, after):
        return True
    return bool(
        TREATMENT.fullmatch(mention.text)
        and (TREATMENT_BEFORE.search(before) or _TREATMENT_AFTER.match(after))
    )


_CAUSE_BEFORE = re.compile(
    r"\b(?:(?:reactions?|allerg(?:y|ies)|allergic|hypersensitivity|intolerance|sensiti[sz]ation"
    r"|anaphyla(?:xis|ctic shock|ctoid shock))\s+(?:to|against)"
    r"(?:\s+(?:[\w-]+\s+)?(?:therapy|treatment)\s+with)?"
    r"|(?:induced|caused|provoked|triggered)\s+by|(?:attribut\w+|due|secondary)\s+to"
    r"|extravasat\w*\s+of|injection\s+sites?\s+of)\s+(?:the\s+|an?\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
"""Before a name: what the reaction was to, what caused it or what extravasated; the
injection site of a drug is the site the drug was injected at ("a mass at the injection site
of goserelin", the genitive of "goserelin injection site" in :data:`_CAUSE_AFTER`)."""
_CAUSE_AFTER = re.compile(
    r"^(?:\s+(?:therapy|treatment)\s+(?:causing|caused|induced|leading to|resulting in)\b"
    r"|-(?:induced|caused|provoked|triggered)\b|\s+(?:allergy|hypersensitivity"
    r"|(?:injection\s+)?site\s+reactions?|injection\s+sites?|extravasat\w*)\b)",
    re.I,
)


_ONSET = re.compile(
    r"\b(?:develop\w*|appear\w*|occur\w*|arose|aris\w*|emerg\w*|manifest\w*|notic\w*"
    r"|experienc\w*|onset|complain\w*|presented)\b",
    re.I,
)
_BETTER = re.compile(
    r"\b(?:resol\w*|improv\w*|dissol\w*|subsid\w*|disappear\w*|recover\w*|regress\w*"
    r"|revers\w*|reliev\w*|relief|success\w*|treat\w*|manag\w*|correct\w*|rescu\w*|heal\w*"
    r"|reduc\w*|decreas\w*|normali[sz]\w*|persist\w*|remain\w*|despite|without)\b",
    re.I,
)
"""Words of a reaction's onset (:data:`_ONSET`) and of its improvement or persistence
(:data:`_BETTER`): "erythema developed after hyaluronidase" tells what the reaction followed,
"the nodules resolved after hyaluronidase" what treated it."""

_DOUBTED = re.compile(
    r"\b(?:unlikely|excluded|ruled out|differential|no|not|without|suspected|possible"
    r"|may|might|could)\b",
    re.I,
)
"""A cause only wondered about, ruled out or denied: not the case's suspect."""
_PURPOSE = re.compile(
    r"\b(?:to|for(?:\s+the)?)\s+(?:dissol\w*|correct\w*|remov\w*|revers\w*)\b[^,.;]*", re.I
)
"""Why the product was given ("hyaluronidase injection to dissolve a lip filler", "for
correction of HA filler excess"): not the reaction's improvement."""


def tied_as_cause(before: str, after: str, title: bool = False) -> bool:
    """Whether a name is given as what the reaction was to ("allergic reaction to
    hyaluronidase", "erythema on the hyaluronidase injection site", "X-induced
    necrosis", "hypersensitivity to X"), or as what the reaction followed in a sentence that
    tells the reaction's onset and no improvement ("erythema developed after hyaluronidase
    injection"; a title names the reaction and what it followed, "Angioedema after
    hyaluronidase injection"): the suspect, even when it is a usual treatment of
    injection complications (docs/annotation.md: hyaluronidase given to dissolve a filler and
    then causing the reaction is the suspect)."""
    if _DOUBTED.search(before) or _DOUBTED.search(after):
        return False  # "heparin-induced thrombocytopenia was considered unlikely"
    if _CAUSE_BEFORE.search(before) or _CAUSE_AFTER.match(after):
        return True
    # "developed erythema after hyaluronidase injection": the reaction followed it; "the
    # nodules resolved after hyaluronidase" is a treatment's effect
    clause = _PURPOSE.sub(" ", re.split(r"[;:]", before)[-1] + re.split(r"[;:]", after)[0])
    return (
        given_as_exposure(before, after)
        and (title or bool(_ONSET.search(clause)))
        and not _BETTER.search(clause)
    )


def told_improving(before: str) -> bool:
    """Whether the clause before a name tells an improvement ("the nodules resolved after"):
    what follows treated the reaction."""
    return bool(_BETTER.search(re.split(r"[;:]", before)[-1]))


def given_for(sentence: Sentence, mention: ProductMention) -> bool:
    """Whether a product is named as what another was given to dissolve, remove or correct
    ("for correction of HA filler excess", "asked for the removal of a hyaluronic acid
    filler"): the indication of that product."""
    at = mention.start - sentence.start
    return any(m.start() <= at < m.end() for m in _PURPOSE.finditer(sentence.text))
