"""Diagnoses named by a word of clinical word-formation that no index holds.

Greek and Latin suffixes form the names of diseases: *-itis* an inflammation ("myofascitis",
"osteitis", "fibromyositis"), *-osis* a condition ("siderosis", "myofibrosis"), *-oma* a
swelling or tumour ("pilomatricoma", "ecchymoma", "siliconoma", "pseudolymphoma") and
*-pathy* a disease of an organ (the suffixes of the medical-terminology literature: Dirckx JH,
"The Language of Medicine", 2nd ed., Praeger 1983; the word-formation rules the SPECIALIST
lexical tools apply, McCray AT et al. 1994, Proc Annu Symp Comput Appl Med Care: 235-239).
A case report's rarer diagnoses are often missing from the HPO and the Human Disease
Ontology, and the reaction finder's clinical heads are common lesions: such a word is a
diagnosis mention of its own, with the descriptive words before it ("cutaneous siderosis",
"local myofascitis"). Words the suffixes form that name no disease (diagnosis, prognosis,
anastomosis, ...) are not. Pure: text in, spans out.
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.mention_words import MODIFIER

_SUFFIXED = re.compile(
    r"(?<![\w-])(?!(?:anti|post|pre|under|over)[a-z-])"
    r"[A-Za-z][a-z]{3,}(?<!cyt)(?:itis|itides|osis|oses|omas?|omata|pathy|pathies)(?![\w-])"
)
"""A word ending in a disease suffix, eight letters or more; not a word of a drug, a time or a
count ("antituberculosis", "postmelanoma", "underdiagnosis") nor a count of blood cells
("leukocytosis", "spherocytosis": a test result)."""
_NO_DISEASE = frozenset(
    {"diagnosis", "diagnoses", "prognosis", "prognoses", "hypnosis", "mitosis", "apoptosis"}
    | {"anastomosis", "anastomoses", "symbiosis", "osmosis", "aponeurosis", "aponeuroses"}
    | {"orthosis", "orthoses"}
)
"""Words the suffixes form that name no disease: an act of medicine, a process of cells, a
structure or an appliance."""
_MODIFIER = re.compile(
    rf"(?<![\w-])(?:(?:{MODIFIER})|[a-z]+(?:ous|al|ic|ar|ive|oid)|[A-Z]-cell)"
    rf"(?:\s+(?:(?:{MODIFIER})|[a-z]+(?:ous|al|ic|ar|ive|oid)|[A-Z]-cell))*\s+$",
    re.I,
)
"""The descriptive words right before it ("cutaneous", "local", "bullous hemorrhagic",
"cutaneous B-cell"): the mention's modifiers (:data:`~.mention_words.MODIFIER`) and
adjectives by their ending."""


def suffix_diagnoses(text: str) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` that name a diagnosis by their suffix, each with the
    descriptive words before it."""
    out = []
    for match in _SUFFIXED.finditer(text):
        if match.group(0).lower() in _NO_DISEASE:
            continue
        before = _MODIFIER.search(text, max(0, match.start() - 80), match.start())
        out.append((before.start() if before else match.start(), match.end()))
    return out
