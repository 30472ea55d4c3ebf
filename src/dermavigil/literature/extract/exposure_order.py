"""The sentences a chronological case narrative tells before its exposure.

A case told in the order of its events introduces the patient with what brought the patient to
care ("a woman ... presented with a new embolic stroke", "sustained a hornet sting and
subsequently developed generalised urticaria", "was diagnosed with acute myeloblastic
leukemia"), then gives the exposure in the simple past ("she was being bridged with enoxaparin
subcutaneous injections", "he received a bolus of promethazine"), then dates the reaction from
that exposure ("four days after she began enoxaparin, a ... rash developed", "48 hours after
the promethazine injection, he developed painful swelling"). What the sentences before the
exposure tell is the patient's condition before it, the injection's indication or an illness
beside it, not its reaction: ConText's temporality value (Harkema et al. 2009, J Biomed Inform
42(5):839-851) read from the order of the narrative, as the TimeML / i2b2 2012 temporal
relation work orders a clinical narrative's events by its tenses and its anchored times (Sun,
Rumshisky & Uzuner 2013, JAMIA 20(5):806-813). A narrative that opens on the reaction and
looks back on the exposure (the pluperfect, "ago", "earlier", "before") is not chronological,
and nothing is set aside.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.exposure_verbs import GIVEN
from dermavigil.literature.extract.sentences import Sentence

_GIVEN = re.compile(
    rf"\b(?:(?:was|were)\s+(?:being\s+)?(?:{GIVEN}|infused"
    r"|bridged\s+with|started\s+on|commenced\s+on|initiated\s+on)"
    r"|(?:was|were)\s+(?:initiated|started|commenced)|received|began|started|commenced)\b",
    re.I,
)
"""An exposure told in the simple past: "was given", "was being bridged with", "received",
"chemotherapy ... was initiated"."""
_LOOKS_BACK = re.compile(
    r"\b(?:had|ago|earlier|previously|prior|before|beforehand|at birth|since)\b", re.I
)
"""A sentence that looks back from a later point: "she had received", "two weeks ago"."""
_NUMBER = (
    r"(?:\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty-eight|several|a few)"
)
_BEGINS = "developed|appeared|occurred|noticed|experienced|arose"
"""The verbs that tell a finding begin, shared by :data:`_DATED` and :data:`ONSET`."""
_DATED = re.compile(
    rf"\b(?:{_NUMBER}[\s-]*(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\s+"
    r"(?:after|later|following|post)|after (?:which|she|he|they|receiving|starting|beginning"
    r"|initiation|the (?:first|second|third|last|initial)?\s*(?:\w+\s+){0,3}?(?:injections?"
    r"|infusions?|doses?|administration|vaccinations?|transfusion))"
    r"|shortly (?:after|thereafter)|during the (?:transfusion|infusion|injection|administration))"
    rf"\b(?:[^.;]|\.(?=\d)){{0,200}}?\b(?:{_BEGINS}|complained of|presented with)\b",
    re.I,
)
"""A reaction dated from the exposure, the date before its verb: "four days after she began
enoxaparin, a ... rash ... developed", "48 hours after the promethazine injection, he
developed"."""
_TOLD_AFTER = re.compile(
    r"\b(?:after|following|post|since)\b|\binject\w*|\bvaccin\w*|\bprocedure", re.I
)
"""A sentence that speaks of an injection or of what came after something: it may tell the
reaction itself, and is kept."""
_BACK_ON = re.compile(rf"{_TOLD_AFTER.pattern}|{_GIVEN.pattern}|\btreated\b", re.I)
"""What a sentence that looks back may look back on: an exposure, a treatment, an injection."""
ONSET = re.compile(rf"\b(?:{_BEGINS}|presented|complained)\b", re.I)
"""A verb that tells a finding begin: a sentence without one tells the course of what it names
("within six hours, his urticaria resolved")."""
_CAPTION = re.compile(r"^\(?(?:fig(?:ure)?|table)\b", re.I)
_LABEL = re.compile(r"\(?(?:fig(?:ure)?|table)\.?\s*\d+[a-z]?\s*[.:)]?", re.I)
"""A figure or table caption, or its number split off as a sentence of its own ("Figure 1.")."""


def before_given(patient: list[Sentence]) -> set[int]:
    """Indexes of the case sentences told before the exposure in a chronological narrative
    (module docstring): the first sentence that gives an exposure in the simple past and does
    not look back, when a sentence from it on dates a reaction from the exposure and no earlier
    sentence looks back on an exposure, a treatment or an injection; the sentences before it
    that speak of no injection, of nothing after something, and are neither the title nor a
    caption."""
    told = [s for s in patient if s.section != "title"]
    given = next(
        (
            position
            for position, sentence in enumerate(told)
            if _GIVEN.search(sentence.text) and not _LOOKS_BACK.search(sentence.text)
        ),
        None,
    )
    if given is None or not any(_DATED.search(s.text) for s in told[given:]):
        return set()
    earlier = told[:given]
    if any(_LOOKS_BACK.search(s.text) and _BACK_ON.search(s.text) for s in earlier):
        return set()  # "the practitioner had treated her lips with a filler 24 hours prior"
    return {
        s.index
        for position, s in enumerate(earlier)
        if not _TOLD_AFTER.search(s.text)
        and not _CAPTION.match(s.text)
        and not (position and _LABEL.fullmatch(earlier[position - 1].text))
    }
