"""Devices and drug implants put into or under the skin as the suspect (docs/annotation.md,
the y0xx decisions).

A device of the lexicon (:func:`dermavigil.terminology.devices.find_devices`: "insulin
pump", "infusion set", "glucose monitor", and the generic device words implant, rod,
pellet, microchip, sensor, pump, thread...) is this patient's exposure when a case sentence
or the title says it was put in or worn (inserted, implanted, placed, fitted, worn, its
insertion, removal or site) or ties the reaction to it (migration of, reaction to, "-related");
not when it was a treatment ("treated with", "managed with"). It is named as the text
spells it, with the modifiers before its head ("etonogestrel implant", "continuous glucose
monitoring sensor"). A hormone-releasing implant, rod or pellet (its modifier a lexicon drug
or a hormone word: "testosterone pellets", "contraceptive implant") is the drug it releases,
category ``drug``; any other device is ``other``. Pure: sentences in, products out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract.exposure_products import exposure_product
from dermavigil.literature.extract.products import ProductFacts
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.treatment_names import TREATMENT
from dermavigil.terminology.devices import DRUG_IMPLANT_WORDS, find_devices
from dermavigil.terminology.drugs import find_drugs

_CLOSED = frozenset(
    re.findall(
        r"\w+",
        "a an the this that these those her his their its our my your one two three several "
        "of in into on onto at by with without from for to under over after before following "
        "during and or but nor was were is are be been being had has have having did does do "
        "which who whom whose new same both each every any some no not left right upper lower "
        "inner outer first second third previous prior old they he she we it i you underwent "
        "undergone got given wore worn took taken made became",
    )
)
"""Closed-class words (determiners, prepositions, conjunctions, auxiliaries, pronouns), the
irregular past forms of verbs of exposure, and the side or order words that stand before a
device's name without being part of it."""
_MODIFIER = re.compile(r"[A-Za-z][\w-]*")
_ROUTE_WORD = re.compile(
    r"(?:sub-?(?:dermal|cutaneous|cuticular)|intra-?(?:dermal|muscular|venous|lesional)"
    r"|deep|superficial)",
    re.I,
)
"""Where a device went ("subcutaneous testosterone pellets", "a deep implant"): the route's
word, read by :mod:`.routes`, not part of the device's name."""
_HORMONE = re.compile(
    r"^(?:contraceptive|hormon(?:e|es|al)(?:-releasing)?|progest(?:in|ogen)(?:-only)?"
    r"|(?:o)?estrogen|androgen|steroid)$",
    re.I,
)
"""Modifiers that make an implant, rod or pellet a hormone-releasing one (a drug)."""
_RELEASING = re.compile(r"-(?:releasing|eluting|containing|loaded)$", re.I)

_PUT_IN_BEFORE = re.compile(
    r"\b(?:(?:post|re)-?)?(?:insert(?:ed|ion)|implant(?:ed|ation)|plac(?:ed|ement)|fitted|wor[en]"
    r"|wear(?:s|ing)?"
    r"|us(?:ed|ing)|had|received|removal|remov(?:ed|ing)|extract(?:ed|ion)|migration|migrated|extrusion"
    r"|fracture[ds]?|emboli[sz](?:ation|ed)|retained|retrieval|broken|reactions?|related"
    r"|associated|due|caused|induced|after|following|site)\b(?:\s+(?:to|of|by|with|at|from))?"
    r"(?:\s+(?:an?|the|her|his|their|two|three|four|six|several|multiple))?\s*$",
    re.I,
)
"""Words before a device that say it was put in or worn, or that tie the reaction to it
("insertion of an etonogestrel implant", "wore a glucose sensor", "migration of the rod",
"after Nexplanon insertion"). Read over the few words before the name."""
_DESCRIBED = re.compile(
    rf"(?:\b(?:{_ROUTE_WORD.pattern}|migrated|embolized|embolised|fractured|broken|retained"
    r"|non-?palpable|impalpable|deep|displaced|misplaced|expelled)\s+)+$",
    re.I,
)
"""Words between the put-in word and a device's modifiers that say where it went or what became
of it ("removal of a migrated subdermal contraceptive implant"): read past."""
_PUT_IN_AFTER = re.compile(
    r"^(?:\s*\([^)]{1,40}\))?\s*(?:(?:was|were|had been|has been)\s+(?:\w+ly\s+)?"
    r"(?:insert|implant|plac|fitt|remov|extract|retriev|explant|locat|found|palpa|migrat"
    r"|fractur|broke|worn|us|left)\w*|[\s-]*(?:insertion|implantation|placement|removal"
    r"|site|related|associated|induced|migration|extrusion|fracture|users?|wearers?)\b"
    r"|\s+in\s+(?:place|situ))",
    re.I,
)
"""Words after a device that say the same ("the implant was inserted", "an implant
insertion", "insulin pump site", "pump-related")."""
_TREATED = re.compile(
    r"\b(?:treated|managed|controlled|switched|changed|started|initiated|therapy|treatment)"
    r"\s+(?:\w+\s+){0,3}?(?:with|on|to|by|via)\b[^.;]{0,60}$",
    re.I,
)
"""A device named as a treatment ("treated with a negative-pressure pump", "switched to an
insulin pump"): not the exposure."""


_TITLE_LINK = re.compile(r"\b(?:of|to|at|from|with|by|in)\s+(?:an?\s+|the\s+)?$", re.I)
"""A title's link from its reaction to the device ("... of a Nexplanon rod")."""


@dataclass(frozen=True)
class Device:
    """A device of this patient named in ``sentence``: its name as spelled, its head noun,
    its category and its span within the sentence."""

    sentence: Sentence
    name: str
    head: str
    category: ProductCategory
    start: int
    end: int


def _modifiers_start(text: str, start: int) -> int:
    """Where the modifiers of a device name ending after ``start`` begin: up to three words
    joined to it by single spaces, none a closed-class word, an adverb or a past participle
    ("an etonogestrel implant", "a continuous glucose monitoring sensor")."""
    at = start
    for _ in range(3):
        before = text[:at]
        match = re.search(r"([A-Za-z][\w-]*)[\u00ae\u2122]?[ -]$", before)
        if not match:
            break
        word = match.group(1).lower()
        if (
            word in _CLOSED
            or word.endswith(("ly", "ed"))
            or _ROUTE_WORD.fullmatch(word)
            or not _MODIFIER.fullmatch(word)
        ):
            break
        at = match.start(1)
    return at


def _category(name: str, head: str) -> ProductCategory:
    """``drug`` for a hormone-releasing implant, rod or pellet (a lexicon drug or a hormone
    word among its modifiers), else ``other``."""
    if head not in DRUG_IMPLANT_WORDS:
        return ProductCategory.other
    words = [_RELEASING.sub("", w.strip("\u00ae\u2122")) for w in name.split()[:-1]]
    if any(_HORMONE.match(w) for w in words) or find_drugs(" ".join(words).replace("-", " ")):
        return ProductCategory.drug
    return ProductCategory.other


def devices_of(sentence: Sentence, title: bool = False) -> list[Device]:
    """The devices ``sentence`` gives as put in, worn or tied to the reaction; a title also
    names one as what its reaction is of, to, at or from ("Embolisation of a contraceptive
    rod", "Abscess at an insulin pump site"). A usual treatment of complications named as a
    device ("skin graft": :data:`.treatment_names.TREATMENT`) is none."""
    text = sentence.text
    out = []
    for mention in find_devices(text):
        start = _modifiers_start(text, mention.start)
        before, after = text[:start], text[mention.end :]
        name = " ".join(re.sub("[\u00ae\u2122]", "", text[start : mention.end]).split())
        if _TREATED.search(before) or TREATMENT.fullmatch(name):
            continue
        if not (
            _PUT_IN_BEFORE.search(before[-60:])
            or _PUT_IN_BEFORE.search(_DESCRIBED.sub("", before)[-60:])
            or _PUT_IN_AFTER.match(after)
            or (title and _TITLE_LINK.search(before[-40:]))
        ):
            continue
        category = _category(name, mention.head)
        out.append(Device(sentence, name, mention.head, category, start, mention.end))
    return out


def _named_anywhere(sentences: list[Sentence], head: str) -> list[Device]:
    """Every device of head ``head`` the sentences name, put in or not (the category and the
    name a background or definition sentence gives a drug implant)."""
    out = []
    for sentence in sentences:
        for mention in find_devices(sentence.text):
            if mention.head != head:
                continue
            start = _modifiers_start(sentence.text, mention.start)
            name = " ".join(
                re.sub("[\u00ae\u2122]", "", sentence.text[start : mention.end]).split()
            )
            category = _category(name, head)
            out.append(Device(sentence, name, head, category, start, mention.end))
    return out


def _named(device: Device) -> tuple[int, int]:
    return device.start, device.end


def device_first(
    products: list[ProductFacts],
    patient: list[Sentence],
    title: Sentence | None,
    rechallenge: set[int],
    sentences: list[Sentence] | None = None,
) -> list[ProductFacts]:
    """A device or drug implant of this patient is the suspect when the case names no other
    product, when the products found are only named within the device's name (the
    "etonogestrel" of "etonogestrel implant", the "insulin" of "insulin pump"), when they are
    only drugs the text names a device by (the insulin an "insulin pump" delivers), or when the
    title names the device and none of the medicines found (a material, procedure or
    pigment of category ``other`` found otherwise keeps its own name: "polydioxanone
    threads"). Its name is the most specific the text gives for its head (a drug implant's
    name holding a lexicon drug first, then the longest); an implant, rod or pellet the case
    names bare is the drug implant another of the text's ``sentences`` names with the same
    head ("Subdermal contraceptive implants are ...", then "the implant was found"), category
    ``drug`` (docs/annotation.md, the y0xx decisions)."""
    found = [d for s in patient for d in devices_of(s)]
    if title is not None:
        found = devices_of(title, title=True) + found
    if not found:
        return products
    head = found[0].head
    same = [d for d in found if d.head == head]
    drug = [d for d in same if d.category is ProductCategory.drug]
    if not drug and head in DRUG_IMPLANT_WORDS:
        drug = [
            d for d in _named_anywhere(sentences or [], head) if d.category is ProductCategory.drug
        ]
    chosen = max(drug or same, key=lambda d: (bool(find_drugs(d.name)), len(d.name)))
    spans = [(d.sentence.start + d.start, d.sentence.start + d.end) for d in same]
    if products and not (
        _within(products, spans)
        or _delivered(products, sentences or patient)
        or (
            all(p.category is not ProductCategory.other for p in products)
            and _title_only(title, found, products)
        )
    ):
        return products
    told = [s for s in ([title] if title else []) + patient if any(d.sentence is s for d in same)]
    product = exposure_product(
        told, chosen.sentence, _named(chosen), lambda t: _spans_in(t, head), title, rechallenge
    )
    product.name, product.category = chosen.name, chosen.category
    return [product]


def _delivered(products: list[ProductFacts], sentences: list[Sentence]) -> bool:
    """Every product found is a drug the text names a device by ("insulin" of an "insulin
    pump", "insulin infusion set" told anywhere): the drug the patient's device delivers,
    and the device is the suspect (docs/annotation.md, the y0xx decisions: insulin pumps and
    infusion sets are ``other``)."""
    modifiers = {
        word
        for s in sentences
        for m in find_devices(s.text)
        for word in s.text[_modifiers_start(s.text, m.start) : m.end].lower().split()[:-1]
    }
    return all(
        p.category is ProductCategory.drug and set(p.name.lower().split()) <= modifiers
        for p in products
    )


def _spans_in(text: str, head: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s device names with head ``head`` (the category's evidence)."""
    return [(m.start, m.end) for m in find_devices(text) if m.head == head]


def _within(products: list[ProductFacts], spans: list[tuple[int, int]]) -> bool:
    """Every product found is named only inside a device's name."""
    return all(
        all(any(a <= s and e <= b for a, b in spans) for s, e in p.spans.get("category", []))
        for p in products
    )


def _title_only(title: Sentence | None, found: list[Device], products: list[ProductFacts]) -> bool:
    """The title names the device and none of the products found outside the device's
    name (the "insulin" of "insulin pump" is the device's)."""
    if title is None or found[0].sentence is not title:
        return False
    spans = [(d.start, d.end) for d in found if d.sentence is title]
    lower = title.text.lower()
    return not any(
        not any(a <= m.start() < b for a, b in spans)
        for p in products
        for m in re.finditer(rf"\b{re.escape(p.name.lower())}\b", lower)
    )
