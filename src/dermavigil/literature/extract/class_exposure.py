"""Drug classes named as the suspect exposure ("a single intramuscular corticosteroid
injection", "steroid injection" as the cause, "extravasation of iodinated contrast agent").

A class word alone ("steroids", "antibiotics") is a usual treatment of injection
complications (:data:`.treatment_names.TREATMENT`); named with the route it was injected by,
as the cause of the reaction, as what extravasated, or as an injection the reaction followed
(:func:`.suspect_roles.tied_as_cause`), it is the case's suspect. Pure: text in, spans out.
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.suspect_roles import (
    TREATED_WITH,
    TREATMENT_BEFORE,
    tied_as_cause,
)
from dermavigil.terminology.products import ProductMention

_CLASSES = (
    r"(?:cortico)?steroids?|glucocorticoids?|corticoids?|antibiotics?|penicillins?"
    r"|analgesics?|anti-?inflammatory drugs?|NSAIDs?|vitamins?(?:[\s-]+[A-Z](?:-?\d+)?)?|hormones?"
    r"|contraceptives?|antipsychotics?|neuroleptics?"
    r"|(?:(?:non-?)?(?:iodinated|ionic|gadolinium[- ]based)\s+)?contrast (?:agents?|media|medium"
    r"|materials?|dyes?)"
)
"""Drug classes a case may name as its suspect ("a steroid injection", "iodinated contrast
agent"), a closed list of the classes seen as suspects in published case reports."""
_JOINT_ROUTE = (
    r"(?:intra|peri)-?articular|intra-?bursal|peri-?tendinous|peri-?articular|intra-?synovial"
    r"|intra-?tendinous|epidural|perineural"
)
"""The routes into or beside a joint, bursa, tendon or nerve: a drug given there treats the
joint or the pain, never a reaction of the skin, so the class given so is the exposure even
without an injection noun ("received intra-articular corticosteroids for tendonitis")."""
_CLASS_EXPOSURE = re.compile(
    r"\b(?:after|following|post|secondary to|due to|induced by|caused by|received|receiving"
    r"|had|given|underwent|undergoing|administering|administration of)\s+"
    r"(?:(?:an?|the|one|two|three|single|repeated|multiple|several|his|her)\s+)*"
    r"(?:(?:intra-?muscular|sub-?cutaneous|intra-?venous|intra-?dermal|intra-?lesional|depot|IM"
    rf"|SC|IV|{_JOINT_ROUTE})\s+(?P<name>{_CLASSES}|iron)\s+(?:injections?|shots?|doses?"
    rf"|infusions?|administrations?)|(?:{_JOINT_ROUTE})\s+(?P<joint>{_CLASSES}))\b",
    re.I,
)
"""A drug named by its class and the route it was injected by, after an exposure word ("a
single intramuscular corticosteroid injection", "following IM antibiotic injections",
"underwent intravenous iron infusion"): the suspect, although the class word alone is a usual
treatment."""


_JOINT_TREATED = re.compile(
    r"\b(?:treated|managed|injected) with\s+"
    r"(?:(?:an?|the|one|two|three|single|repeated|multiple|several)\s+)*"
    rf"(?:{_JOINT_ROUTE})\s+(?P<joint>{_CLASSES})\b",
    re.I,
)
"""A drug class given into or beside a joint or the spine for the patient's complaint
("treated with two intra-articular corticoid injections for shoulder pain"): the route says it
treated the joint or the pain, not a reaction, so the class is the exposure."""
_CLASS_CAUSE = re.compile(
    r"\b(?:from|secondary to|due to|induced by|caused by|related to|attributed to"
    r"|complications? of)\s+"
    r"(?:(?:an?|the|one|single|repeated|multiple|several|prior|previous|his|her)\s+)*"
    rf"(?P<name>{_CLASSES})\s+(?:injections?|shots?)\b",
    re.I,
)
"""A drug class given as the cause of the reaction without its route ("lipoatrophy from
steroid injection", "fasciitis as a complication of steroid injection"): the suspect.
"Resolved after steroid injections" is a treatment and is not matched."""
_CLASS_INDUCED = re.compile(
    rf"\b(?P<name>{_CLASSES})(?P<sep>-|\s+)"
    r"(?:(?:induced|caused|provoked|triggered|related|associated)\s+"
    r"|(?=(?:allerg(?:y|ies)|hypersensitivity|intolerance)\b))"
    r"(?![\w\s-]{0,25}?\b(?:remission|resolution|improvement|regression|healing|recovery"
    r"|response|relief)\b)(?=[\w-])",
    re.I,
)
"""A drug class named as the cause of what it is joined to ("steroid-induced lipoatrophy"; in
a title also with the hyphen left out, as titles are often written, "Intralesional steroid
induced linear atrophy", and the class before the hypersensitivity it caused, "Iodinated
contrast media hypersensitivity in a child"): the suspect, unless what it induced is a
treatment's effect ("steroid induced a remission") or a condition of the patient's history
("a history of steroid-induced diabetes": :data:`_HISTORY`)."""
_HISTORY = re.compile(
    r"\b(?:history|known|previous|prior|pre-?existing|chronic|had|has|with)\b(?:\s+[\w-]+){0,3}\s*$",
    re.I,
)
_CLASS_EXTRAVASATED = re.compile(
    r"\bextravasat\w*\s+of\s+(?:(?:an?|the|some)\s+)?(?:(?:approximately|about|around|nearly"
    r"|up to|~)\s*)?(?:\d[\d.,]*(?:\s*(?:-|\u2013|to)\s*\d[\d.,]*)?\s*(?:mL|ml|cc|L|mg|g)\s+of\s+)?"
    r"(?:intra-?venous\s+|IV\s+)?"
    rf"(?P<name>{_CLASSES})|(?P<before>{_CLASSES})\s+extravasat\w*",
    re.I,
)
"""A drug class that extravasated ("extravasation of iodinated contrast agent", "contrast
media extravasation", with its volume: "extravasation of approximately 20-30 mL of
iodinated contrast agent"): what extravasated is the suspect."""
_CLASS_INJECTION = re.compile(
    rf"\b(?P<name>{_CLASSES})\s+(?:injections?|shots?|infusions?|administrations?)\b", re.I
)
_CLASS_INJECTED_OF = re.compile(
    r"\b(?:intra-?muscular|sub-?cutaneous|intra-?venous|IM|SC|IV)\s+(?:injections?|shots?"
    rf"|infusions?)\s+of\s+(?:(?:an?|the|some)\s+)?(?P<name>{_CLASSES})\b",
    re.I,
)
"""A drug class named after the injection it was given by ("during gluteal IM injection of an
analgesic", "an intramuscular injection of a corticosteroid"): the suspect, unless the
sentence tells a treatment before it ("treated with an intramuscular injection of
corticosteroids")."""


LOCAL_ANAESTHESIA = re.compile(
    r"(?:(?:local|dental|regional|infiltrati(?:ve|on)|intra-?oral|buccal|palatal)\s+)+"
    r"an(?:a|ae)?esthe(?:sia|tics?(?:\s+(?:agents?|solutions?|drugs?))?)\b",
    re.I,
)
"""Local anaesthesia or a local anaesthetic named by its class."""
_ANAESTHESIA = re.compile(
    r"\b(?:after|following|post|from|secondary to|due to|induced by|caused by|associated with"
    r"|complications? of|administration of|administering|received|receiving|injections? of"
    rf"|infiltrations? of)\s+(?:(?:an?|the|his|her)\s+)?(?P<name>{LOCAL_ANAESTHESIA.pattern})",
    re.I,
)
"""Local anaesthesia, the giving of a local anaesthetic drug, or the drug named by that class,
as what the reaction followed, came from or complicated ("a palsy after dental anaesthesia",
"a complication of dental local anaesthesia", "the administration of a local anaesthetic
agent"): the class is the suspect drug (docs/annotation.md, e0xx: a drug named only by its
class, "local anaesthetic", is the product). "Local", "dental", "regional" or "infiltrative"
before it tell the drug injected, unlike general anaesthesia, a state of the patient. A local
anaesthetic the case names (:data:`CAINE`) is the suspect instead
(:func:`.product_mentions.suspect_mentions`)."""
CAINE = re.compile(r"(?i:[a-z]{3,}caine)\b")
"""A drug name with the WHO INN stem of local anaesthetics, -caine (WHO/EMP/RHT/TSN/2018.1):
a member of the class local anaesthesia names."""


def _class_matches(text: str, title: bool = False) -> list[tuple[int, int, int, int]]:
    """Drug classes named as the exposure: with their route, as the cause, as what
    extravasated, or as an injection the reaction followed in a sentence that tells its onset
    (:func:`tied_as_cause`: "developed lipoatrophy 6 weeks after a steroid injection"); each
    as the (start, end) of the whole phrase and of the class name."""
    out = [
        (*m.span(), *m.span("name" if m.group("name") else "joint"))
        for m in _CLASS_EXPOSURE.finditer(text)
    ]
    out += [(*m.span(), *m.span("joint")) for m in _JOINT_TREATED.finditer(text)]
    out += [(*m.span(), *m.span("name")) for m in _CLASS_CAUSE.finditer(text)]
    out += [
        (*m.span(), *m.span("name"))
        for m in _CLASS_INDUCED.finditer(text)
        if (title or m.group("sep") == "-") and not _HISTORY.search(text[: m.start()])
    ]
    out += [
        (*m.span(), *m.span("name"))
        for m in _CLASS_INJECTED_OF.finditer(text)
        if not (
            TREATMENT_BEFORE.search(text[: m.start()]) or TREATED_WITH.search(text[: m.start()])
        )
    ]
    out += [(*m.span(), *m.span("name")) for m in _ANAESTHESIA.finditer(text)]
    for match in _CLASS_EXTRAVASATED.finditer(text):
        out.append((*match.span(), *match.span("name" if match.group("name") else "before")))
    for match in _CLASS_INJECTION.finditer(text):
        start, end = match.span("name")
        if not any(a <= match.start() < b for a, b, _, _ in out) and tied_as_cause(
            text[:start], text[end:], title
        ):
            out.append((*match.span(), start, end))
    return out


def exposed_class(text: str, at: int) -> bool:
    """Whether position ``at`` of ``text`` lies in a drug class named as the exposure."""
    return any(start <= at < end for start, end, _, _ in _class_matches(text))


def class_exposures(sentence: Sentence) -> list[ProductMention]:
    """Drug classes the sentence names as the exposure."""
    text = sentence.text
    return [
        ProductMention(text[start:end], ProductCategory.drug, start, end)
        for _, _, start, end in _class_matches(text, sentence.section == "title")
    ]
