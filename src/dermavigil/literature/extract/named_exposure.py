"""Disease names that are part of the name of what was given: a vaccine named by its diseases.

A vaccine, toxoid or immune globulin is named by the diseases it protects against:
"diphtheria-tetanus-pertussis-polio-Hib vaccine", "measles, mumps and rubella (MMR)
vaccine", "a vaccine against rabies", "pertussis and poliomyelitis (DTaP-IPV)". A disease
name inside such a name is the product's, never a reaction of the patient (the
pharmacovigilance reader's rule; ``docs/annotation.md``, ``reactions``). The list of
diseases before the vaccine word is read as a coordination of short noun phrases (commas,
"and", "or", hyphens, slashes), with no verb, article or preposition inside it, so that
"she had measles and then received a vaccine" keeps its measles. The vaccine
abbreviations are the standard ones of the US CDC's vaccine abbreviation list (DTaP,
Tdap, IPV, MMR, Hib, HPV, PCV, PPSV, BCG, ...).
"""

from __future__ import annotations

import re
from functools import cache

_NOT_IN_A_NAME = (
    r"(?!(?:the|a|an|was|were|is|are|be|been|had|has|have|received|receiving|given|got|after"
    r"|following|before|then|with|in|on|at|to|from|his|her|their|this|that|which|who|due"
    r"|developed|presented)\b)"
)
_ITEM = rf"{_NOT_IN_A_NAME}[A-Za-z][\w'-]*(?:\s+{_NOT_IN_A_NAME}[A-Za-z][\w'-]*){{0,2}}"
_SEPARATOR = r"(?:\s*(?:,|/|&|\+)\s*(?:and\s+|or\s+)?|\s*[-\u2010\u2013]\s*|\s+(?:and|or)\s+)"
_ABBREVIATION = (
    r"(?:DTa?P|Tdap|Td|DT|IPV|OPV|MMRV?|BCG|Hib|HPV\d*|PCV\d*|PPSV\d*|Hep ?[AB]|HBV|VZV|RZV|ZVL"
    r"|MenACWY|MenB|TBE|JE|YF)"
)
_PRODUCT_WORD = (
    r"(?:vaccin\w*|toxoids?|immuni[sz]ations?|immunoglobulins?|immune globulins?|antitoxins?"
    r"|antiserum|antisera|boosters?|(?:post-?exposure )?prophylaxis)"
)


@cache
def _name_goes_on() -> re.Pattern[str]:
    """After the disease: more diseases, then the vaccine word or a vaccine abbreviation in
    brackets. Compiled on first use, as :func:`_name_began` (only a text that names a disease
    a vaccine is named after needs them)."""
    return re.compile(
        rf"(?:{_SEPARATOR}{_ITEM})*(?-i:\s+[A-Z0-9]{{1,2}}(?![\w-]))?"
        rf"(?:\s*\(\s*[A-Z][\w/-]{{0,15}}\s*\)\s*|[\s\u2010\u2013-]+){_PRODUCT_WORD}\b"
        rf"|(?:{_SEPARATOR}{_ITEM})*\s*\(\s*{_ABBREVIATION}(?![A-Za-z])",
        re.I,
    )


@cache
def _name_began() -> re.Pattern[str]:
    """Before the disease: "a vaccine against", "immunization against measles, mumps and"."""
    return re.compile(
        rf"\b(?:{_PRODUCT_WORD}|vaccinated|immuni[sz]ed|protects?|protection)\s+(?:against|for)"
        rf"\s+(?:(?:{_ITEM}){_SEPARATOR})*$",
        re.I,
    )


def in_exposure_name(text: str, start: int, end: int) -> bool:
    """The disease named at ``text[start:end]`` is part of the name of a vaccine (or toxoid,
    immune globulin) the text gives: the product's name, not a reaction."""
    return bool(
        _name_goes_on().match(text, end) or _name_began().search(text[max(0, start - 120) : start])
    )
