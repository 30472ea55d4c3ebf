"""Needle procedures as the suspect (docs/annotation.md, the w0xx round's scope decision).

A needle procedure of traditional or complementary medicine puts a needle, a thread or a
venom through the skin: acupuncture (body, ear or electro-acupuncture), acupoint catgut or
thread embedding (gold thread, "embedded acupuncture"), acupuncture with coated needles, dry
needling, and pharmacopuncture with bee venom. A reaction of this patient after such a
procedure (an infection, a granuloma, anaphylaxis) is a reaction to the procedure: it is the
suspect, category ``other``, named as the text names it, route and approval null.

The words are those of the WHO *Standard Acupuncture Nomenclature* and the WHO
*International Standard Terminologies on Traditional Medicine in the Western Pacific
Region* (acupuncture, auricular acupuncture, electroacupuncture, acupoint catgut
embedding, thread embedding, pharmacopuncture, bee venom acupuncture), with the same
procedure in the other languages the extractor reads (German "Akupunktur",
"Ohrakupunktur"; Spanish and Portuguese "acupuntura"; Italian "agopuntura"; Korean 침술,
약침, 봉침, 매선, 자침; Chinese 针刺, 针灸, 埋线; Japanese 鍼). A procedure named as a
treatment ("treated with acupuncture", "subsequent treatments including acupuncture") is
not the exposure. Pure: text in, spans out.
"""

from __future__ import annotations

import re

_NEEDLE = (
    r"(?:(?:acupuncture|acupoint)\s+(?:points?\s+)?)?catgut(?:[\s-]+(?:embedding|implantation"
    r"|insertion)(?:\s+(?:therapy|treatment))?)?"
    r"|(?:acupoint\s+)?(?:thread|catgut|needle)[\s-]+embedding(?:\s+(?:therapy|treatment))?"
    r"|gold[\s-]+threads?(?:\s+(?:acupuncture|needle[\s-]+embedding(?:\s+therapy)?|embedding"
    r"|lifting|implantation))?"
    r"|(?:sweet\s+)?bee[\s-]+venom\s+(?:acupuncture|pharmacopuncture|therapy|treatment)"
    r"|sweet\s+bee\s+venom|(?:bee[\s-]+venom\s+)?pharmacopuncture|apipuncture"
    r"|(?:(?:auricular|ear|body|scalp|embedded|warm|fire)\s+|electro-?)?acupuncture"
    r"(?:\s+with\s+(?:[\w-]+\s+){0,2}needles)?"
    r"|dry\s+needling"
    r"|(?:Ohr)?[Aa]kupunktur(?:sitzung(?:en)?|behandlung)?|Ohrakupunktur|acupuntura|agopuntura"
)
_NEEDLE_CJK = r"침술|봉약침|약침|봉침|매선|자침|针刺|针灸|穴位埋线|埋线|鍼灸|鍼治療|鍼"
NEEDLE = re.compile(rf"(?<![\w-])(?:{_NEEDLE})(?![\w])|{_NEEDLE_CJK}", re.I)
"""A needle procedure word in one of the languages the extractor reads."""

_TREATMENT_BEFORE = re.compile(
    r"\b(?:treated|(?:subsequent|further|additional|other)\s+(?:treatments?|therap(?:y|ies))"
    r"|including|such as|e\.g\.|alternative|recommended|tried)\b[^.;]{0,40}$",
    re.I,
)
"""A procedure named as a treatment of the reaction or in a list ("subsequent treatments
including acupuncture", "herbal medicine and acupuncture for lymphadenopathy" after
"including"): not this patient's exposure."""


def needle_words(text: str) -> list[tuple[int, int]]:
    """Spans of the needle procedure words of ``text`` not named as a treatment."""
    return [
        (m.start(), m.end())
        for m in NEEDLE.finditer(text)
        if not _TREATMENT_BEFORE.search(text[: m.start()])
    ]


def is_needle_procedure(name: str) -> bool:
    """A product name that names a needle procedure."""
    return bool(NEEDLE.search(name))
