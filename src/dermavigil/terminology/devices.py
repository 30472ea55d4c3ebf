"""Medical device names from FDA device-report data, found in free text.

The lexicon (``data/device_names.txt``) is built by ``scripts/build_device_lexicon.py`` from
the MAUDE and openFDA device data in ``../shared/data`` (the records' generic and brand
names, product-code names in running order, and the narratives' recurring two-word device
phrases: "insulin pump", "infusion set", "glucose monitor"; provenance in the file's header
and ``data/PROVENANCE.md``); it is not a hand list. :func:`find_devices` returns every
device name of a text as whole words, the longest phrase winning at each place, a last word
in the plural too ("pellets").

The shared data are reports about meters, surgical mesh and a few pumps: the devices put
into or under the skin that case reports name are mostly missing from it. The short hand
list :data:`GENERIC_DEVICE_WORDS` supplies their generic head nouns (implant, rod, pellet,
microchip, transponder, sensor, transmitter, pump, thread), so that any modifier before them
("etonogestrel implant", "radiofrequency identification microchip") names a device; it holds
generic words only, no product.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dermavigil.terminology.drugs import CAUSE_SUFFIX

GENERIC_DEVICE_WORDS = frozenset(
    {"implant", "rod", "pellet", "microchip", "transponder", "sensor", "transmitter", "pump"}
    | {"thread"}
)
"""Generic head nouns of devices and drug implants put into or under the skin that the FDA
device data in ``../shared/data`` lacks or barely has (a hand list, docs/annotation.md, the
y0xx decisions: contraceptive rods, hormone pellets, microchips, glucose sensors and their
transmitters, pumps, threads)."""
DRUG_IMPLANT_WORDS = frozenset({"implant", "rod", "pellet"})
"""Heads of a drug implant: a hormone-releasing implant, rod or pellet is the drug it
releases (docs/annotation.md, the y0xx decisions: category ``drug``)."""


@dataclass(frozen=True)
class DeviceMention:
    """A device name found in a text: as written, its head noun (singular) and its span."""

    text: str
    head: str
    start: int
    end: int


@lru_cache(maxsize=1)
def device_names() -> frozenset[str]:
    """The packaged lexicon (lower-case names) and the generic device words."""
    raw = resources.files("dermavigil.terminology").joinpath("data/device_names.txt")
    names = {
        line.strip()
        for line in raw.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    return frozenset(names | GENERIC_DEVICE_WORDS)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """One alternation of every name, longest first, words joined by a space or a hyphen,
    the last word also in the plural; not a device word that names a molecule's target
    ("a proton pump inhibitor", "sodium pump blockers": a drug class)."""
    names = sorted(device_names(), key=lambda n: (-len(n), n))
    spelled = "|".join(r"[\s-]".join(re.escape(w) for w in n.split()) for n in names)
    return re.compile(rf"(?<![\w-])(?:{spelled})(?:e?s)?{_WORD_END}{_NOT_A_DEVICE}", re.I)


_WORD_END = rf"(?![\w]|-(?!{CAUSE_SUFFIX[1:]}))"
"""The end of a word: no letter and no hyphen after it, except the hyphen of a participle that
names a cause ("Implant-Related Neuropathy": the implant is a name of its own)."""
_NOT_A_DEVICE = (
    r"(?![\s-]+(?:inhibitors?|blockers?|antagonists?|agonists?|activators?|dysfunction"
    r"|function)\b)"
)


def find_devices(text: str) -> list[DeviceMention]:
    """Device names in ``text``, in text order, the longest phrase winning at each place."""
    if not _head_pattern().search(text):
        return []  # most sentences name no device: the long alternation is not run
    found = []
    for match in _pattern().finditer(text):
        last = re.split(r"[\s-]", match.group(0))[-1].lower()
        head = last if last in _heads() else re.sub(r"e?s$", "", last)
        found.append(DeviceMention(match.group(0), head, match.start(), match.end()))
    return found


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(n.split()[-1] for n in device_names())


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern[str]:
    """Any head noun of the lexicon: a text without one names no device."""
    heads = "|".join(sorted(map(re.escape, _heads()), key=lambda h: (-len(h), h)))
    return re.compile(rf"(?<![\w-])(?:{heads})(?:e?s)?{_WORD_END}", re.I)


def is_device(name: str) -> bool:
    """Whether ``name`` ends in a device name ("insulin pump", "glucose sensor"): a device,
    whatever drug its modifiers name."""
    mentions = find_devices(name.strip())
    return bool(mentions) and mentions[-1].end == len(name.strip())
