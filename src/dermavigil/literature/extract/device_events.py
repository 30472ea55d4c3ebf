"""Device events of the case: what happened to a device put into or under the skin.

docs/annotation.md (the y0xx decisions) counts device events as reactions: an implant's
migration, embolisation, fracture or bending, a needle that broke off. The text tells them
with the event's noun ("migration of a contraceptive rod", "Nexplanon implant migration
into the biceps", "an insulin infusion needle break") or its verb ("the implant had
migrated to the axilla", "an implant embolized into the pulmonary artery", "a migrated
implant", "her implant had bent"), the device its object or subject. The reaction is named
as a reader names a device problem, the device's kind and the event's noun, the
destination kept ("implant migration to the axilla", "implant embolization into the
pulmonary artery", "bent implant"): the kind of a hormone-releasing implant, rod or pellet
(:data:`~dermavigil.terminology.devices.DRUG_IMPLANT_WORDS`), or of a device the text
names only by its brand or as "the device", is "implant"; any other device keeps the words
the text names it with ("insulin infusion needle break"). Pure: text in, events out.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dermavigil.literature.extract.reaction_facts import ReactionFacts
from dermavigil.terminology.devices import DRUG_IMPLANT_WORDS, find_devices
from dermavigil.terminology.drugs import find_drugs

_EVENTS: tuple[tuple[str, str | None, str], ...] = (
    # (event noun, noun forms, verb forms)
    ("migration", r"migrations?", r"migrat(?:ed|es|ing)"),
    ("embolization", r"embol[iy][sz]ations?", r"embol[iy][sz](?:ed|es|ing)"),
    ("fracture", r"fractures?", r"fractured"),
    ("break", r"break(?:age)?s?", r"broke(?:n)?(?:\s+off)?"),
    ("extrusion", r"extrusions?", r"extruded"),
    ("bent", None, r"bent"),
)
"""The events a device undergoes in the body, each with its noun and its verb forms ("bent"
has no noun: the reaction is the "bent implant")."""
_PARTS = r"devices?|needles?|wires?|cannulas?|cannulae|catheters?"
"""Device words the FDA lexicon lacks as heads (a declared short list, docs/annotation.md the
y0xx decisions: a retained sensor wire or needle): "the device" stands for the case's device,
a needle, wire, cannula or catheter for itself."""
_DETERMINER = r"(?:a|an|the|this|that|her|his|its|their|one|both|two)"
_WORDS = r"(?:[\w®-]+\s+){0,4}?"
_AUX = r"(?:(?:had|has|have|was|were|is|are)\s+(?:been\s+)?)?(?:\w+ly\s+)?"
_DESTINATION = re.compile(
    r"(?:\s+(?:approximately|about|nearly|some)?\s*\d+(?:\.\d+)?\s*(?:cm|mm)(?:\s+\w+)?)?"
    r"(?P<pp>\s+(?:in)?to(?:wards?)?\s+(?:the|a|an|her|his)\s+"
    r"(?:(?!(?:and|or|with|which|that|where|after|before|over|during|requiring|causing|of an?"
    r"|was|were|is|are|had|has|have|been|in|on|at|from|for|by)\b)"
    r"[\w-]+\s*){1,6})",
    re.I,
)
"""Where the device went ("to the axilla", "into a subsegmental branch of the pulmonary
artery"), a distance before it skipped ("approximately 11 cm from ... " is no destination)."""


class DeviceEvent(NamedTuple):
    """A device event in a sentence: its characters and the reaction's name."""

    start: int
    end: int
    verbatim: str


class _Object(NamedTuple):
    start: int
    end: int
    name: str
    """The device as the reaction names it: "implant", or the words the text names it with."""


def device_kind(text: str) -> str | None:
    """The kind of device the text is about: "implant" when it names a hormone-releasing
    implant, rod or pellet, else the first device it names (its head noun), None when it
    names none."""
    devices = find_devices(text)
    if any(d.head in DRUG_IMPLANT_WORDS for d in devices):
        return "implant"
    return devices[0].head if devices else None


def device_events(text: str, kind: str | None) -> list[DeviceEvent]:
    """The device events ``text`` (a sentence) tells, for a case whose device is of ``kind``
    (:func:`device_kind`; no event without one)."""
    if kind is None:
        return []
    objects = _objects(text, kind)
    found: list[DeviceEvent] = []
    for noun, nouns, verbs in _EVENTS:
        noun_forms = f"(?P<n>{nouns})|" if nouns else ""
        pattern = rf"(?<![\w-])(?:{noun_forms}(?P<v>{verbs}))(?![\w-])"
        for match in re.finditer(pattern, text, re.I):
            obj = _object_of(text, match, objects)
            if obj is None or any(e.start <= match.start() < e.end for e in found):
                continue
            start, end = min(match.start(), obj.start), max(match.end(), obj.end)
            destination = _DESTINATION.match(text, match.end())
            pp = ""
            if destination:
                pp = " ".join(destination.group("pp").split()).rstrip(" ,;.")
                end = max(
                    end, destination.start("pp") + len(destination.group("pp").rstrip(" ,;."))
                )
            verbatim = f"bent {obj.name}" if noun == "bent" else f"{obj.name} {noun} {pp}"
            found.append(DeviceEvent(start, end, verbatim.strip()))
    return sorted(found)


def _objects(text: str, kind: str) -> list[_Object]:
    """The device names of ``text`` an event may be of: the devices of the lexicon and the
    device words of :data:`_PARTS`, with the nouns before them; for an implant case also
    the drug or brand names (an implant named by its brand: "Nexplanon migration")."""
    spans = [(d.start, d.end, d.head) for d in find_devices(text)]
    spans += [
        (m.start(), m.end(), m.group(0).lower())
        for m in re.finditer(rf"(?<![\w-])(?:{_PARTS})(?![\w-])", text, re.I)
    ]
    if kind == "implant":
        spans += [(d.start, d.end, "drug") for d in find_drugs(text)]
    # "it had migrated to the axilla", "its continued migration": the case's device
    spans += [(m.start(), m.end(), "device") for m in _PRONOUN.finditer(text)]
    out = []
    for start, end, head in spans:
        head = re.sub(r"(?:e?s|ae)$", "", head) if head not in DRUG_IMPLANT_WORDS else head
        if head in DRUG_IMPLANT_WORDS or head in ("drug", "device"):
            out.append(_Object(start, end, kind if head == "device" else "implant"))
            continue
        before = _MODIFIERS.search(text, max(0, start - 60), start)
        at = before.start() if before else start
        out.append(_Object(at, end, " ".join(text[at:end].lower().split())))
    return out


_PRONOUN = re.compile(r"(?<![\w-])(?:it|its|they|their)(?![\w-])", re.I)
_MODIFIERS = re.compile(
    r"(?:(?<![\w-])(?!(?:a|an|the|of|and|or|her|his|its|their|with|from|to|in)\s)"
    r"[A-Za-z][a-z]+\s+){1,3}$"
)
"""Up to three words before a device word that name it with it ("insulin infusion needle")."""
_COMPOUND = re.compile(r"[®\s-]*\s(?:(?:continued|further|subsequent|progressive)\s+)?$")
_OF = re.compile(rf"\s+of\s+(?:{_DETERMINER}\s+)?{_WORDS}$", re.I)
_PARTICIPLE_BEFORE = re.compile(rf"(?<![\w-]){_DETERMINER}\s+$", re.I)
_SUBJECT_GAP = re.compile(
    rf"[®\s-]*\s+{_AUX}(?:(?:noted|found|seen|shown|reported|thought)\s+(?:to\s+(?:be|have)\s+)?)?"
    r"(?:\w+ly\s+)?$",
    re.I,
)


def _object_of(text: str, match: re.Match[str], objects: list[_Object]) -> _Object | None:
    """The device the event at ``match`` is of: the noun's compound ("implant migration")
    or "of" phrase ("migration of a contraceptive rod"), the verb's subject ("the implant had
    migrated") or, a participle, the noun it qualifies ("a migrated implant")."""
    start, end = match.span()
    for obj in objects:
        if "n" in match.groupdict() and match.group("n"):
            if obj.end <= start and _COMPOUND.fullmatch(text, obj.end, start):
                return obj
            if obj.start >= end and _OF.fullmatch(text, end, obj.start) and obj.end - end < 80:
                return obj
        else:
            if obj.end <= start and _SUBJECT_GAP.fullmatch(text, obj.end, start):
                return obj
            if (
                obj.start >= end
                and _PARTICIPLE_BEFORE.search(text, 0, start)
                and re.fullmatch(rf"\s+{_WORDS}", text[end : obj.start], re.I)
            ):
                return obj
    return None


def same_event(reactions: list[ReactionFacts], event: ReactionFacts) -> None:
    """Add the device event ``event`` to ``reactions``, or to the event already there that it
    names with fewer or more words ("implant migration", then "implant migration to the
    axilla"; "needle break", "insulin infusion needle break"): one reaction, the longer
    name, the spans and sites of both."""
    for reaction in reactions:
        if not reaction.codes and (
            event.verbatim in reaction.verbatim or reaction.verbatim in event.verbatim
        ):
            reaction.spans["verbatim"] += event.spans["verbatim"]
            reaction.verbatim = max(reaction.verbatim, event.verbatim, key=len)
            for site, span in zip(event.body_sites, event.spans.get("body_sites", []), strict=True):
                if site not in reaction.body_sites:
                    reaction.body_sites.append(site)
                    reaction.spans.setdefault("body_sites", []).append(span)
            return
    reactions.append(event)
