"""High-pressure injection injuries: the injected material is the suspect, approved false.

A high-pressure injection injury (a paint gun, a grease gun, a pressure washer or a hydraulic
line that fires its content through the skin, usually of a finger) puts an industrial
material under the skin by accident. docs/annotation.md (the w0xx round's decision): the
injected material is the suspect, category ``other`` (the device when that is all the text
names), and it was not made to be injected (``approved`` false), its route null.

The materials are the injectates the hand-surgery literature names for such injuries
(paints and their solvents, greases and oils, hydraulic and transmission fluids, fuels,
lacquers, cement, plastics, water and air: Hogan and Ruland, *High-pressure injection
injuries to the upper extremity: a review of the literature*, J Orthop Trauma 2006), with the
same words in Spanish, Portuguese, French and German; the devices are the tools that fire
them. Pure: sentences in, spans out.
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract.products import ProductFacts
from dermavigil.literature.extract.sentences import Sentence

_CUE = re.compile(
    r"\bhigh[\s-]+pressure\s+(?:[\w-]+\s+){0,3}?(?:injections?|injur(?:y|ies)|injected|guns?"
    r"|washers?|sprayers?|lines?|hoses?)\b|\bHPI(?:I|s)?\b|\binjection\s+injur(?:y|ies)\b"
    r"|\balta\s+press[ãa]o\b|\balta\s+presi[óo]n\b|\bhaute\s+pression\b|\bHochdruck\w*",
    re.I,
)
"""A high-pressure injection injury told in the text, in English or the languages read."""

_KIND = (
    r"(?:[\w-]+[\s-]based|oil[\s-]based|water[\s-]based|chemical|industrial|latex|acrylic"
    r"|enamel|spray|epoxy|automotive|automobile|hydraulic|engine|motor|diesel|lubricating"
    r"|lubricant|mineral|transmission|brake|cleaning|liquid|wet)"
)
_MATERIAL = (
    rf"(?:{_KIND}\s+){{0,2}}(?:paints?|grease|oils?|fuel|gasoline|petrol|kerosene"
    r"|solvents?|thinners?|lacquers?|varnish|primer|cement|concrete|sealants?|caulk"
    rf"|polyurethane|insecticides?|pesticides?|herbicides?)|(?:{_KIND}\s+){{1,2}}fluids?"
    r"|pintura(?:\s+(?:con\s+base\s+de\s+aceite|al\s+aceite|industrial))?|aceite|grasa"
    r"|disolventes?|tinta|[óo]leo|graxa|peinture|huile|graisse|Farbe"
)
MATERIAL = re.compile(rf"(?<![\w-])(?:{_MATERIAL})(?![\w-])", re.I)
_DEVICE = re.compile(
    r"\b(?:(?:gas-powered|airless|paint|grease|spray|caulking|hydraulic)\s+)?(?:pressure\s+"
    r"washers?|(?:paint|grease|spray|caulking|airless)\s+guns?|(?:paint\s+)?sprayers?"
    r"|hydraulic\s+lines?)\b",
    re.I,
)
"""The tool that fired the material, named when the text names no material."""


def told_high_pressure(text: str) -> bool:
    """Whether a text tells a high-pressure injection injury (an injection by its nature)."""
    return bool(_CUE.search(text))


def high_pressure_spans(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The spans that tell a high-pressure injection injury, in any sentence (the injury is an
    accident by its nature, whatever the sentence's role)."""
    return [
        (s.start + m.start(), s.start + m.end()) for s in sentences for m in _CUE.finditer(s.text)
    ]


def _first(pattern: re.Pattern[str], told: list[Sentence]) -> tuple[Sentence, re.Match] | None:
    for sentence in told:
        found = pattern.search(sentence.text)
        if found:
            return sentence, found
    return None


def injected_material(
    products: list[ProductFacts],
    sentences: list[Sentence],
    patient: list[Sentence],
) -> list[ProductFacts]:
    """In a text that tells a high-pressure injection injury, the material injected is the
    suspect (category ``other``), named as the text names it, looked for in the title, then
    the case sentences, then the rest; else the device that fired it. A medicine found
    first (a drug, a vaccine) stays the suspect: only a product of category ``other`` or none
    is replaced (a descriptive phrase the generic finder read: "the injected material")."""
    if products and products[0].category is not ProductCategory.other:
        return products
    if not high_pressure_spans(sentences):
        return products
    title = [s for s in sentences[:1] if s.section == "title"]
    order = [*title, *[s for s in patient if s not in title], *sentences]
    found = _first(MATERIAL, order) or _first(_DEVICE, order)
    if found is None:
        return products
    sentence, match = found
    product = ProductFacts(name=" ".join(match.group(0).split()), category=ProductCategory.other)
    product.spans["name"] = [(sentence.start + match.start(), sentence.start + match.end())]
    product.spans["category"] = list(product.spans["name"])
    return [product, *products[1:]]
