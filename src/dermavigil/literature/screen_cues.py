"""What in a record's text says a product was injected, or put under the skin, named for the
screening reason (:mod:`dermavigil.literature.screen`, rules 5 and 6).

A record is in scope when its product went through the skin: injected, infused or
infiltrated (docs/annotation.md: fillers, toxins, PRP, vaccines, allergen extracts, drugs by
injection), or a device or drug implant put into or under the skin (the y0xx round's scope:
contraceptive rods, hormone pellets, microchips, glucose sensors, pumps and infusion sets,
threads). The text says so in one of four ways, each named in the reason a reviewer reads:

1. an injection word (inject, filler, mesotherapy, vaccination, infusion, extravasation,
   local anaesthesia, ...), a tattoo (a pigment deposited in the dermis,
   :mod:`.extract.tattoo`), a needle procedure (:mod:`.extract.needle_words`) or a
   high-pressure injection injury (:mod:`.extract.high_pressure`): "an injection";
2. a device or drug implant put into or under the skin: a device name of
   :mod:`dermavigil.terminology.devices` whose head is one of its generic under-the-skin
   heads (implant, rod, pellet, microchip, transponder, sensor, transmitter, pump, thread;
   "an etonogestrel implant", "a glucose sensor"), or the route word "subdermal";
3. a procedure that injects whatever it is called: sentinel lymph node mapping or biopsy
   and lymphatic mapping (a blue dye, indocyanine green or a radiotracer injected around the
   tumour or into the dermis), fluorescein or indocyanine green angiography and dye
   dilution (the dye injected intravenously), prolotherapy and sclerotherapy (an irritant
   injected into a ligament or a vein), oxygen-ozone therapy, and stem-cell treatments
   (the cells injected or infused); a declared short list, since no terminology at hand
   lists procedures by their route;
4. a drug the text names whose FDA labelling gives injection routes only
   (:mod:`dermavigil.terminology.labelled_routes`: isosulfan blue, indocyanine green).

Pure: text in, the cue (or None) out.
"""

from __future__ import annotations

import re

from dermavigil.domain.routes import INJECTION_ROUTES
from dermavigil.literature.extract.high_pressure import told_high_pressure
from dermavigil.literature.extract.needle_words import needle_words
from dermavigil.literature.extract.tattoo import tattoo_words
from dermavigil.terminology.devices import GENERIC_DEVICE_WORDS, find_devices, is_device
from dermavigil.terminology.drugs import find_drugs
from dermavigil.terminology.labelled_routes import labelled_routes

INJECTED = re.compile(
    r"\b(?:inject\w*|fillers?|mesotherapy|micro-?needling|vaccin\w*|immunotherapy|intra-?dermal"
    r"\w*|sub-?cutaneous\w*|intra-?muscular\w*|intra-?venous\w*|infiltrat\w*|lipolysis|botulinum"
    r"|extravasat\w*|infus\w*|thread[- ]?lift\w*|(?:PDO|barbed|absorbable) threads?"
    r"|fat (?:graft|transfer)\w*|lipofilling"
    r"|(?:local|dental|regional)\s+(?:dental\s+)?an(?:a|ae)?esthesia|(?:nerve|dental) blocks?"
    # the same in the other languages read: Spanish, Portuguese, German
    r"|vacun\w*|vacina\w*|inyec\w*|injeç\w*|injeta\w*|Injektion\w*|injiziert\w*|Impfung\w*"
    r"|intramuskul\w*|subkutan\w*)\b",
    re.I,
)
"""An injection word (rule 1), in English or in the other languages the extractor reads."""

_SUBDERMAL = re.compile(r"\bsub-?dermal(?:ly)?\b", re.I)

_INJECTING_PROCEDURES = (
    (
        "sentinel lymph node mapping",
        r"sentinel\s+(?:lymph\s+)?nodes?|lymphatic\s+mapping|lymph(?:angio|o)(?:graphy|scintigraphy)",
    ),
    (
        "dye angiography",
        r"(?:fluorescein|indocyanine\s+green|ICG)\s+angiograph\w*|dye[\s-]+dilution",
    ),
    ("prolotherapy", r"prolotherapy"),
    ("sclerotherapy", r"sclerotherapy"),
    ("ozone therapy", r"(?:oxygen[\s-]+)?ozone\s+therapy|ozonotherapy"),
    (
        "stem cell treatment",
        r"stem[\s-]+cells?\s+(?:therap(?:y|ies)|treatments?|tourism|injections?|infusions?"
        r"|transplant\w*)",
    ),
)
"""Procedures that inject, by the name the reason gives them (rule 3)."""
_PROCEDURE_PATTERNS = tuple(
    (name, re.compile(rf"\b(?:{words})\b", re.I)) for name, words in _INJECTING_PROCEDURES
)


def _under_skin_device(text: str) -> str | None:
    """The first device or drug implant of ``text`` with a generic under-the-skin head."""
    return next((m.text for m in find_devices(text) if m.head in GENERIC_DEVICE_WORDS), None)


def _injection_only_drug(text: str) -> str | None:
    """The first drug named in ``text`` whose labelling gives injection routes only."""
    for drug in find_drugs(text):
        routes = labelled_routes(drug.name)
        if routes and routes <= INJECTION_ROUTES:
            return drug.name
    return None


def injection_cue(text: str) -> str | None:
    """What in ``text`` says a product went through the skin, as the reason names it ("an
    injection", "a device put into or under the skin (etonogestrel implant)"), or None."""
    if INJECTED.search(text) or tattoo_words(text) or needle_words(text):
        return "an injection"
    if told_high_pressure(text):  # a material fired through the skin
        return "an injection"
    device = _under_skin_device(text)
    if device or (subdermal := _SUBDERMAL.search(text)):
        return f"a device put into or under the skin ({device or subdermal.group(0)})"
    procedure = next((n for n, p in _PROCEDURE_PATTERNS if p.search(text)), None)
    if procedure:
        return f"a procedure that injects ({procedure})"
    if drug := _injection_only_drug(text):
        return f"a drug given only by injection ({drug})"
    return None


def under_skin_device(name: str) -> bool:
    """A product named as a device or drug implant put into or under the skin ("etonogestrel
    implant", "continuous glucose monitoring sensor")."""
    return is_device(name) and _under_skin_device(name) is not None
