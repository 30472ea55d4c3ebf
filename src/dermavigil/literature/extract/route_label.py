"""The route a suspect product is made for, and whether the case gave it by that route.

:func:`complete_label` fills :attr:`.routes.RouteFacts.approved` (the
labelled routes) and :attr:`.routes.RouteFacts.wrong_spans` (evidence of a
wrong route) from, in order: a wrong technique stated for this case; the
product catalogue (:mod:`dermavigil.catalogue`) for the suspect's name and
category; a name or label that makes it a product for the skin surface; a
correct technique stated; a prescribed drug, vaccine or allergen extract
named with the route it was given by. docs/annotation.md (``approved``)
gives the conventions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dermavigil.domain.routes import Route
from dermavigil.literature.extract.high_pressure import high_pressure_spans
from dermavigil.literature.extract.needle_words import is_needle_procedure
from dermavigil.literature.extract.route_named import bound_route, named_with_route
from dermavigil.literature.extract.route_words import ADMIN
from dermavigil.literature.extract.routes import RouteFacts, into_an_artery, oral_form, text_of
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.tattoo import is_tattoo
from dermavigil.literature.extract.toxin_target import toxin_target
from dermavigil.literature.extract.wrong_route import (
    into_the_dermis,
    states_case,
    wrong_statements,
)
from dermavigil.terminology.labelled_routes import JOINT_ROUTES, is_corticosteroid
from dermavigil.terminology.materials import is_material

if TYPE_CHECKING:
    from dermavigil.catalogue.model import Entry

_CONTRAST = re.compile(r"\bcontrast\b", re.I)
_EXTRAVASATED = re.compile(r"\bextravasat\w*", re.I)
_CORRECT = re.compile(
    r"\b(?:standard|correct|proper|appropriate|recommended)(?:ly)?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:site|technique|depth|landmarks?|angle)\b",
    re.I,
)
"""A correct technique stated for this patient ("vaccinated in the standard site", "with the
proper technique"): the product was given by the route it is made for."""
_SKIN_USE = re.compile(
    r"\bfor (?:exclusive(?:ly)?\s+|external\s+|only\s+)?(?:topical|cutaneous|external) use\b"
    r"|\b(?:topical|cosmetic|skin[- ]?care)\b"
    r"|\b(?:serums?|creams?|lotions?|ointments?|moisturi[sz]ers?|ampoules?|essences?|toners?)\b",
    re.I,
)
"""Words of a product's name or label that make it a product for the skin surface."""
_NOT_MEDICAL = re.compile(
    r"\b(?:industrial|non-?medical(?:[- ]grade)?|hardware|automotive|foreign (?:materials?"
    r"|substances?))\b",
    re.I,
)
"""A material the text calls industrial or non-medical: not made to be injected."""
_SELF_INJECTED = re.compile(
    r"\bself[- ]?(?:inject\w*|administ\w*)"
    r"|\binject\w* (?:\w+ ){0,4}?(?:her|him|them)sel(?:f|ves)\b"
    r"|\b(?:she|he|they|the patient)\s+(?:had\s+)?"
    r"(?:(?!(?:was|were|been|being)\b)\w+\s+(?:to\s+)?)?inject(?:ed|ing)\s+(?!with\b)",
    re.I,
)
"""A material the patient injected herself ("self-injected liquid silicone", "injected
herself with mineral oil"): an uncatalogued material (category ``other``) injected by a lay
person is not made for that injection (docs/annotation.md: self-injected silicone is false;
a drug or vaccine the patient self-injects as prescribed is not concerned)."""
_UNLICENSED = re.compile(
    r"\bblack[- ]market\b|\bcounterfeit\b|\bfake\b|\b(?:unlicen[sc]ed|unregistered)\b(?!\s+"
    r"(?:medical\s+)?(?:practitioner|person|provider|injector|individual|clinic|beautician)s?\b)"
    r"|\b(?:bought|purchased|obtained|ordered)\s+(?:[\w-]+\s+){0,4}?(?:online|(?:on|over|from|via)"
    r"\s+the\s+internet|from\s+an?\s+(?:website|gym))\b",
    re.I,
)
"""A product the case got from outside the licensed supply ("black-market testosterone",
"counterfeit botulinum toxin", "bought online"): no labelling says how it is given."""
_NEEDLED = re.compile(r"\bmicro-?(?:needl\w*|inject\w*)|\bderma-?(?:roller|pen|stamp)\b", re.I)


def complete_label(
    facts: RouteFacts,
    name: str | None,
    category: str | None,
    sentences: list[Sentence],
    name_spans: list[tuple[int, int]] | None = None,
) -> str | None:
    """Fill the labelled route when the text does not state it; the source as a sentence.

    In order: a wrong, unintended or too superficial administration stated in
    the text for this case (not wondered about, not a background sentence), a
    material named as industrial, or an uncatalogued material the patient
    injected herself, marks the use off-label (its words are the evidence);
    the product catalogue's labelled routes for the suspect's name and category
    (:func:`dermavigil.catalogue.resolve`); a name or label that makes the
    product one for the skin surface (a serum, a cream, "for topical use"), so
    that injecting or needling it in is a wrong route; a correct technique
    stated for the route used; a drug, vaccine or allergen extract named with
    its route ("subcutaneous glatiramer acetate", "IM injection of diclofenac")
    and no wrong-route statement is taken as given by the route it
    is prescribed for; else a drug whose FDA labelling lists the route the case used
    (:mod:`dermavigil.terminology.labelled_routes`). Returns where the label came from.
    """
    stated = [s for s in sentences if states_case(s)]
    if name and category == "other" and (is_tattoo(name) or is_needle_procedure(name)):
        # tattooing and needle procedures give route and approval null (docs/annotation.md): a
        # pigment, a needle or a thread is placed by needles, by no route of administration;
        # a needle gone where it was not meant to go (an inadvertent penetration of the eyeball
        # while tattooing the sclera) is a wrong technique all the same (the d0xx decisions: ink
        # driven into the eyeball is approved false)
        facts.clear()
        facts.wrong_spans.extend(wrong_statements(stated))
        return None
    facts.wrong_spans.extend(wrong_statements(stated))
    if name and category in _PRESCRIBED:
        bound_route(facts, name, sentences)
    deep = {Route.subcutaneous, Route.intramuscular}
    intended = [r for r in facts.approved if r in deep]
    if category == "drug" and (facts.used in deep or (facts.used is None and intended)):
        dermis = into_the_dermis(stated)  # given too superficially
        facts.wrong_spans.extend(dermis)
        if dermis and facts.used is None:
            # "intended for intramuscular injection", then placed in the dermis: the case keeps
            # the intended route, approved false (docs/annotation.md, x0xx: a depot)
            facts.used, facts.used_spans = intended[0], list(facts.approved_spans[:1])
    if name and _CONTRAST.search(name):
        # what extravasated was the contrast agent injected, not blood seen on imaging
        for sentence in stated:
            for match in _EXTRAVASATED.finditer(sentence.text):
                facts.wrong_spans.append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
    if name and (_NOT_MEDICAL.search(name) or (category == "other" and is_material(name))):
        # industrial material, or an oil, paraffin or wax: not made to be injected
        facts.wrong_spans.extend(name_spans or [])
    if category == "other":  # fired through the skin by accident (.high_pressure)
        facts.wrong_spans.extend(high_pressure_spans(sentences))
        for sentence in stated:
            for match in _SELF_INJECTED.finditer(sentence.text):
                facts.wrong_spans.append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
    into_an_artery(facts, name)
    oral_form(facts, name, sentences)
    if facts.used is None and toxin_target(facts, category, sentences, stated):
        return "botulinum toxin injected into the muscle or organ it treats"
    if facts.approved or not name:
        return None
    unlicensed = any(_UNLICENSED.search(s.text) for s in stated)
    if unlicensed and category != "other" and facts.used and not facts.wrong_spans:
        # a product from outside the licensed supply given by a stated route, with no wrong
        # route stated, was given by no labelling (docs/annotation.md: a black-market steroid
        # self-injected intramuscularly, unlicensed toxin or Melanotan keep null; a cosmetic
        # keeps its label)
        return None
    entry = _catalogued(name, category, facts.used)
    if entry is not None and facts.used and facts.used not in entry.routes:
        entry = _brand_for(facts.used, entry, sentences)
    labelled = list(entry.routes) if entry is not None else []
    if facts.used in JOINT_ROUTES and facts.used not in labelled:
        # a label gives a joint and the soft tissue around it together (JOINT_ROUTES); one
        # silent on both proves no wrong route: the joint branch below decides
        labelled = [*labelled, facts.used] if set(labelled) & JOINT_ROUTES else []
    if facts.used is Route.epidural and facts.used not in labelled:
        labelled = []  # an injection label silent on the epidural space: _epidural decides
    if entry is not None and labelled:
        facts.approved = labelled
        facts.approved_verbatim = f"catalogue: {entry.name}"
        facts.approved_spans = list(name_spans or [])
        facts.not_for_injection()
        return f"catalogue entry {entry.id}"
    if _for_skin(facts, name, name_spans or [], sentences):
        return "a product for the skin surface"
    if category == "other" and not facts.wrong_spans:
        # a cosmetic (serum, moisturiser, skin preparation) needled or micro-injected into the
        # skin is given by a route it is not made for
        for sentence in sentences:
            for match in _NEEDLED.finditer(sentence.text):
                facts.wrong_spans.append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
    if facts.wrong_spans:
        return None
    if toxin_target(facts, category, sentences, stated):
        return "botulinum toxin given by a route toxins are labelled for"
    if facts.used is Route.intralesional and _route_names_suspect(facts, name, category, sentences):
        # an intralesional injection is placed in the lesion it treats, as it is meant to be
        # (docs/annotation.md: intralesional corticosteroids are approved true)
        facts.approved = [Route.intralesional]
        facts.approved_verbatim = text_of(sentences, facts.used_spans[0])
        facts.approved_spans = list(facts.used_spans[:1])
        return "an intralesional injection is given into the lesion it is meant for"
    if facts.used in JOINT_ROUTES:
        # into a joint or the soft tissue around it: given by a route it is made for when the
        # suspect drug's labelling lists it or it is an injectable corticosteroid (docs/
        # annotation.md: a corticosteroid injected for its indication, route or intended site
        # named); else null (the US listing lacking a route proves no wrong route)
        if category == "drug" and _fda_labelled(facts, name, name_spans or []):
            return "labelled for a joint or the soft tissue around it"
        if category == "vaccine":  # no vaccine is made for a joint or a bursa (SIRVA)
            facts.wrong_spans.extend(facts.used_spans)
        return None
    if facts.used is Route.epidural:
        return _epidural(facts, name, category, name_spans or [])
    correct = _correct_technique(facts, stated)
    if correct or category not in {"drug", "vaccine", "allergen_immunotherapy"}:
        return correct
    if category == "allergen_immunotherapy" and facts.used is Route.subcutaneous:
        facts.approved = [Route.subcutaneous]
        facts.approved_verbatim = "allergen extracts for immunotherapy: subcutaneous injection"
        facts.approved_spans = list(facts.used_spans)
        return "allergen immunotherapy extracts are labelled for subcutaneous injection"
    if named_with_route(facts, name, sentences):
        return "route named with the product"
    if _fda_labelled(facts, name, name_spans or []):
        return "FDA labelling (Drugs@FDA)"
    if prescribed_injection(facts, name):
        facts.approved = [facts.used]
        facts.approved_verbatim = text_of(sentences, facts.used_spans[0])
        facts.approved_spans = list(facts.used_spans[:1])
        return "an injectable medicine given by the route the case states"
    return None


_SHOTS = frozenset({Route.intramuscular, Route.subcutaneous, Route.intravenous})
_PRESCRIBED = frozenset({"drug", "vaccine", "allergen_immunotherapy"})
"""Categories of products given on a prescription by a route their label names."""


def _route_names_suspect(
    facts: RouteFacts, name: str, category: str | None, sentences: list[Sentence]
) -> bool:
    """Whether a sentence that states the route used names the suspect (its name, or a
    product of its family): the route is the suspect's, not a treatment's ("intralesional
    triamcinolone was injected" into a filler's nodules)."""
    from dermavigil.terminology.products import find_products

    for sentence in sentences:
        end = sentence.start + len(sentence.text)
        if not any(sentence.start <= a < end for a, _ in facts.used_spans):
            continue
        text = sentence.text
        if name.lower() in text.lower() or any(
            m.category.value == category for m in find_products(text)
        ):
            return True
    return False


def prescribed_injection(facts: RouteFacts, name: str) -> bool:
    """A drug or vaccine injected by the route the case states, with no wrong route stated,
    was given as prescribed (docs/annotation.md: "a drug for intramuscular use given
    intramuscularly, even when Nicolau syndrome followed"), unless its FDA labelling lists
    injection routes and not this one (glatiramer is for subcutaneous use only)."""
    from dermavigil.terminology.labelled_routes import labelled_routes

    if facts.used not in _SHOTS or not facts.used_spans:
        return False
    injected = labelled_routes(name) & (_SHOTS | {Route.parenteral, Route.intradermal})
    return not injected


def _catalogued(name: str, category: str | None, used: Route | None) -> Entry | None:
    """The catalogue entry of the suspect: its name resolved (with the route used), kept
    only when of the suspect's category; else the one entry of that category among the
    name's look-alikes ("hyaluronic acid" of an HA filler case is the filler family, not
    the eye drops)."""
    from dermavigil.catalogue import default_catalogue, resolve

    match = resolve(name, used) or resolve(name)
    if match is not None and (category is None or match.entry.category.value == category):
        return match.entry
    _, found = default_catalogue().candidates(name)
    same = [e for e in found if e.category.value == category]
    return same[0] if len(same) == 1 else None


def _brand_for(used: Route, entry: Entry, sentences: list[Sentence]) -> Entry:
    """A brand of the family's category the text names ("botulinum toxin (Botox)") whose label
    lists the route used (BOTOX: intradermal for hyperhidrosis), else the family entry."""
    from dermavigil.catalogue import resolve
    from dermavigil.terminology.products import find_products

    found = [resolve(m.text, used) for s in sentences for m in find_products(s.text)]
    same = [f.entry for f in found if f and f.entry.category is entry.category]
    return next((e for e in same if used in e.routes), entry)


def _fda_labelled(facts: RouteFacts, name: str, name_spans: list[tuple[int, int]]) -> bool:
    """The drug is labelled for the route the case used (:mod:`dermavigil.terminology.
    labelled_routes`, FDA's Drugs@FDA): given by the route it is made for. A route the
    listing lacks proves nothing (the table is the US market's), so it only says yes."""
    from dermavigil.terminology.labelled_routes import labelled_for, labelled_routes

    if facts.used is None or not labelled_for(name, facts.used):
        return False
    routes = sorted(labelled_routes(name) - {Route.parenteral} | {facts.used}, key=str)
    facts.approved = routes
    facts.approved_verbatim = f"FDA labelling of {name}: {', '.join(r.value for r in routes)}"
    facts.approved_spans = list(name_spans)
    return True


def _epidural(
    facts: RouteFacts, name: str, category: str | None, name_spans: list[tuple[int, int]]
) -> str | None:
    """An epidural injection of a drug made for it: one whose FDA labelling lists the epidural
    route (morphine, the local anaesthetics so listed), or a corticosteroid, injected at the
    spinal level of the radicular pain it is given for (docs/annotation.md, the z0xx
    decisions: an epidural steroid for its indication is approved true, route null). Any
    other product keeps approval null: the epidural space is no route a label implies."""
    if category != "drug":
        return None
    if _fda_labelled(facts, name, name_spans):
        return "FDA labelling (Drugs@FDA) lists the epidural route"
    if not is_corticosteroid(name):
        return None
    facts.approved = [Route.epidural]
    facts.approved_verbatim = f"epidural injection of the corticosteroid {name}"
    facts.approved_spans = list(facts.used_spans[:1])
    return "an epidural corticosteroid injection for radicular pain"


def _for_skin(
    facts: RouteFacts, name: str, name_spans: list[tuple[int, int]], sentences: list[Sentence]
) -> bool:
    """A product whose name says it is for the skin surface ("vitamin C serum", "topical
    skin preparation") or that the text says is "for topical use" is labelled topical: an
    injection or needling of it is a wrong route (:meth:`RouteFacts.not_for_injection`)."""
    spans = list(name_spans) if _SKIN_USE.search(name) else []
    verbatim = name
    for sentence in sentences:
        label = _SKIN_USE.search(sentence.text)
        if label and label.group(0).lower().startswith("for "):
            spans.append((sentence.start + label.start(), sentence.start + label.end()))
            verbatim = label.group(0)
    if not spans:
        return False
    facts.approved = [Route.topical, Route.cutaneous]
    facts.approved_verbatim = verbatim
    facts.approved_spans = spans
    facts.wrong_spans.extend(s for s in facts.injected_spans if s not in facts.wrong_spans)
    if not facts.injected_spans:
        for sentence in sentences:
            for match in _NEEDLED.finditer(sentence.text):
                facts.wrong_spans.append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
    return True


def _correct_technique(facts: RouteFacts, stated: list[Sentence]) -> str | None:
    """The route used is the labelled one when the text says the technique was correct."""
    if facts.used is None:
        return None
    for sentence in stated:
        match = _CORRECT.search(sentence.text)
        if match and ADMIN.search(sentence.text):
            facts.approved = [facts.used]
            facts.approved_verbatim = match.group(0)
            facts.approved_spans = [(sentence.start + match.start(), sentence.start + match.end())]
            return "a correct technique stated"
    return None
