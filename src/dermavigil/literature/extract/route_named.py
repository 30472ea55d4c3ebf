"""A drug named with the route it was given by: the route it is prescribed for.

docs/annotation.md (``approved``): "a drug for intramuscular use given
intramuscularly" is approved true. :func:`named_with_route` finds the drug's
name and the route the case used written together ("subcutaneous glatiramer
acetate", "IM injection of diclofenac") or within one clause with an
administration word ("an injection of X into the deltoid muscle").
"""

from __future__ import annotations

import re

from dermavigil.domain.routes import Route
from dermavigil.literature.extract.route_words import ADMIN, route_of, route_pattern
from dermavigil.literature.extract.routes import RouteFacts, text_of
from dermavigil.literature.extract.sentences import Sentence

_DRUG_ROUTE = re.compile(
    r"\b(?P<route>intra-?muscular|sub-?cutaneous|intra-?venous|intra-?dermal|IMI?|SC)\s+"
    r"(?:\([^)]{0,10}\)\s+)?(?:injections?\s+of\s+|administration\s+of\s+|dose\s+of\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<name>[\w-]+)",
    re.I,
)
_ROUTE_ABBREV = {"im": Route.intramuscular, "imi": Route.intramuscular, "sc": Route.subcutaneous}


def named_with_route(facts: RouteFacts, name: str, sentences: list[Sentence]) -> bool:
    """Whether the text names the drug with the route the case used ("subcutaneous
    glatiramer acetate", "IM injection of diclofenac", "diclofenac sodium as an intramuscular
    injection"): a prescribed drug named with its route was given by the route it is made
    for, which fills ``facts.approved`` with its evidence."""
    heads = [w[:5] for w in re.findall(r"[a-z]{4,}", name.lower())]
    for sentence in sentences:
        for found in _DRUG_ROUTE.finditer(sentence.text):
            word = found.group("route")
            route = _ROUTE_ABBREV.get(word.lower()) or route_of(word)
            # the name may follow a dose ("subcutaneous injection of 40mg of glatiramer")
            phrase = sentence.text[found.start() : found.end() + 40].lower()
            if route and route == facts.used and any(h in phrase for h in heads):
                facts.approved = [route]
                facts.approved_verbatim = found.group(0)
                facts.approved_spans.append(
                    (sentence.start + found.start(), sentence.start + found.end())
                )
                return True
    span = _named_near_route(facts, heads, sentences)
    if span is not None and facts.used is not None:
        facts.approved = [facts.used]
        facts.approved_verbatim = text_of(sentences, span)
        facts.approved_spans.append(span)
        return True
    return False


_NEAR = 60
"""How far (characters, within one clause) a drug's name and the route it was given by may
stand apart: "diclofenac sodium as an intramuscular injection", "Copaxone (glatiramer
acetate) thrice weekly subcutaneous injections", "an injection of X into the deltoid muscle"."""
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|whereas|while|although|instead)\b", re.I)


def _named_near_route(
    facts: RouteFacts, heads: list[str], sentences: list[Sentence]
) -> tuple[int, int] | None:
    """Where the text names the drug and, in the same clause and with an administration
    word, the route the case says it was given by (either order): a prescribed drug given
    by that route is given by the route it is made for. ``None`` when no sentence does."""
    if facts.used is None or not heads:
        return None
    pattern = route_pattern(facts.used)
    abbrevs = [a for a, r in _ROUTE_ABBREV.items() if r is facts.used]
    abbrev = re.compile(rf"\b(?-i:{'|'.join(a.upper() for a in abbrevs)})\b") if abbrevs else None
    for sentence in sentences:
        text = sentence.text
        lower = text.lower()
        found = list(pattern.finditer(text)) + (list(abbrev.finditer(text)) if abbrev else [])
        for match in found:
            start, end = max(0, match.start() - _NEAR), min(len(text), match.end() + _NEAR)
            for head in heads:
                for place in re.finditer(rf"\b{re.escape(head)}", lower[start:end]):
                    a, b = sorted((start + place.start(), match.start()))
                    between = text[a : max(b, match.end())]
                    lo = min(start + place.start(), match.start())
                    hi = max(match.end(), start + place.end())
                    # "an injection of X into the deltoid muscle", "X as an IM injection"
                    if _CLAUSE_BREAK.search(between) or not ADMIN.search(
                        text[max(0, lo - 20) : hi + 15]
                    ):
                        continue
                    return sentence.start + lo, sentence.start + hi
    return None


_BOUND = re.compile(
    r"\b(?P<route>intra-?muscular|sub-?cutaneous|intra-?venous|intra-?dermal|intra-?lesional"
    r"|(?-i:IMI?|SC|IV))\s+(?:(?:injections?|administrations?|doses?|infusions?)\s+of\s+)?"
    r"(?:(?:an?|the)\s+)?(?P<name>[\w-]+)",
    re.I,
)
"""A route word bound to the name after it ("subcutaneous interferon beta-1b injection",
"intramuscular injection of vitamin K1", "intralesional triamcinolone"): the route the named
product is given by, wherever the text says it."""


def bound_route(facts: RouteFacts, name: str, sentences: list[Sentence]) -> None:
    """When the case sentences state no route, the route word the text binds to the suspect's
    own name (:data:`_BOUND`), in any sentence, is the route it was given by: a drug is named
    with its route in a title, a background or a conclusion that speaks of this product
    ("adverse effect of subcutaneous X injection", "after intramuscular injection of X";
    docs/annotation.md keeps such a route for the suspect, r554, b121), not of a treatment,
    whose name differs. Fills ``facts.used`` and its evidence."""
    heads = {w for w in re.findall(r"[a-z0-9]{4,}", name.lower())}
    if facts.used is not None or not heads:
        return
    for sentence in sentences:
        for found in _BOUND.finditer(sentence.text):
            word = found.group("name").lower()
            route = _ROUTE_ABBREV.get(found.group("route").lower()) or route_of(
                found.group("route")
            )
            if (
                route is None
                or len(word) < 4
                or not any(word.startswith(h) or h.startswith(word) for h in heads)
            ):
                continue
            facts.used = route
            facts.used_spans = [(sentence.start + found.start(), sentence.start + found.end())]
            return
