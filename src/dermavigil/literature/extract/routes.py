"""Routes: the route used for the suspect product and the route it is labelled for.

*Route used*: route words next to an administration word ("intradermal
injection", "injected subcutaneously", "using an intradermal method") in
sentences about the patient; the most frequent route wins, ties to the
first. *Labelled route*: "available / approved / labelled / indicated /
intended / sold / marketed for <route> use|administration|application",
searched in every sentence (labels are background facts). A statement that a
route "has not been approved" or an "unapproved"/"off-label" use marks the
use off-label without inventing an approved route.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from dermavigil.domain.vocab import Route
from dermavigil.literature.extract.products import exposed_class
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.treatment import TREATMENT

ROUTE_WORDS: tuple[tuple[Route, str], ...] = (
    (Route.intradermal, r"intra-?dermal(?:ly)?|(?<!sub)dermal injections?|into the dermis"),
    (Route.subdermal, r"sub-?dermal(?:ly)?"),
    (
        Route.subcutaneous,
        r"sub-?cutaneous(?:ly)?|s\.c\.|into the subcutaneous (?:fat|tissue)|(?-i:SC|SQ|SCIT)",
    ),
    (
        Route.intramuscular,
        r"intra-?muscular(?:ly)?|i\.m\.|into (?:the |both |each )?(?:[\w-]+ ){0,2}muscles?"
        r"|(?-i:IMI?)",
    ),
    (Route.intra_arterial, r"intra-?arterial(?:ly)?|into an? (?:artery|arterial)"),
    (Route.intravenous, r"intra-?venous(?:ly)?|i\.v\.|into a vein"),
    (
        Route.intralesional,
        r"intra-?lesional(?:ly)?|into (?:the|each|a) (?:cyst|lesion|nodule|keloid|tumou?r)s?",
    ),
    (Route.intra_articular, r"intra-?articular(?:ly)?"),
    (Route.topical, r"topical(?:ly)?|applied (?:to|on) the skin"),
    (Route.cutaneous, r"cutaneous(?= (?:use|application))|on the skin surface"),
    (Route.transdermal, r"transdermal(?:ly)?|micro-?needling"),
    (Route.oral, r"oral(?:ly)?|by mouth"),
)
_COMPILED = tuple((r, re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I)) for r, p in ROUTE_WORDS)
_ADMIN = re.compile(
    r"\b(?:inject\w*|administ\w*|method|route|given|delivered|infiltrat\w*|applied|application"
    r"|doses?|received|shots?|vaccinated|immuni[sz]ed|(?-i:IMI))\b",
    re.I,
)
_PROCEDURE = re.compile(
    r"\b(?:was|were) (?:\w+ )?(?:inserted|injected|administered|given|delivered|infiltrated"
    r"|placed|introduced)\b|\b(?:needle|cannula) was\b",
    re.I,
)
_NOT_CASE = re.compile(
    r"\b(?:should|must|recommend\w*|can|may|could|is|are|commonly|usually|generally)\b", re.I
)


def route_sentences(
    sentences: list[Sentence], case_part: list[Sentence], title: Sentence | None
) -> list[Sentence]:
    """Where the route used is read: the case sentences, the title, and the procedure's
    sentences ("a 30-gauge needle was inserted into the subcutaneous tissue") that the
    patient filter misses, in text order (advice and general statements left out)."""
    chosen = {s.index for s in case_part}
    if title is not None:
        chosen.add(title.index)
    for sentence in sentences:
        if sentence.section in {
            "background",
            "introduction",
            "discussion",
            "conclusion",
            "conclusions",
        }:
            continue
        if _PROCEDURE.search(sentence.text) and not _NOT_CASE.search(sentence.text):
            chosen.add(sentence.index)
    return [s for s in sentences if s.index in chosen]


_LESION_NEXT = re.compile(
    r"\s+(?:nodules?|papules?|abscess\w*|granulomas?|fat|tissue|emphysema|hemorrhage|haemorrhage"
    r"|lumps?|plaques?|swelling|edema|oedema|layer)\b",
    re.I,
)
_LABEL = re.compile(
    r"\b(?:available|approved|label+ed|indicated|intended|sold|marketed|licensed|authori[sz]ed"
    r"|designed|formulated|cleared)\s+(?:only\s+)?(?:for|as)\s+(?:an?\s+)?(?:(?:\w+\s+){0,2})?"
    r"(?P<route>[\w-]+)\s+(?:use|administration|application|injection|route|products?)",
    re.I,
)
_UNAPPROVED = re.compile(
    r"\b(?:not (?:been )?(?:approved|licensed|authori[sz]ed|indicated)|unapproved|off-label|"
    r"unlicensed|not intended for)\b",
    re.I,
)


_WRONG = re.compile(
    r"\b(?:(?:erroneous|incorrect|wrong|improper|inadvertent|accidental)(?:ly)?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:intra-?dermal\w*|sub-?cutaneous\w*|intra-?muscular\w*|intra-?venous\w*|intra-?arterial\w*"
    r"|intravascular\w*|inject\w*|administ\w*|given|placed|performed)"
    r"|(?:inject\w*|administ\w*|given|placed|performed)\s+(?:[\w-]+\s+){0,3}?(?:erroneous(?:ly)?"
    r"|incorrect(?:ly)?|wrong(?:ly)?|too superficial(?:ly)?|by ignorance|by negligence|by mistake)"
    r"|too superficial(?:ly)?|wrong route|misplaced (?:\w+ )?injections?|intended use"
    r"|intra-?(?:vascular|arterial)(?:ly)? (?:injections?|injected|administration|embol\w+)"
    r"|self-?injected"
    r"|instead of (?:into )?(?:the |a )?(?:muscle|vein|dermis|subcutaneous \w+|deep \w+)"
    r"|(?:intra-?dermal(?:ly)?|sub-?cutaneous(?:ly)?|intra-?venous(?:ly)?)\s+rather than)\b",
    re.I,
)
_DRUG_ROUTE = re.compile(
    r"\b(?P<route>intra-?muscular|sub-?cutaneous|intra-?venous|intra-?dermal|IMI?|SC)\s+"
    r"(?:\([^)]{0,10}\)\s+)?(?:injections?\s+of\s+|administration\s+of\s+|dose\s+of\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<name>[\w-]+)",
    re.I,
)
_NEEDLED = re.compile(r"\bmicro-?(?:needl\w*|inject\w*)|\bderma-?(?:roller|pen|stamp)\b", re.I)
_NOT_INJECTED = frozenset({Route.topical, Route.cutaneous, Route.transdermal, Route.oral})
_INJECTED = re.compile(r"\b(?:self-)?(?:micro)?inject(?:ed|ions?)\b|\bneedled in\b", re.I)
_ROUTE_ABBREV = {"im": Route.intramuscular, "imi": Route.intramuscular, "sc": Route.subcutaneous}


def complete_label(
    facts: RouteFacts,
    name: str | None,
    category: str | None,
    sentences: list[Sentence],
    name_spans: list[tuple[int, int]] | None = None,
) -> str | None:
    """Fill the labelled route when the text does not state it; the source as a sentence.

    In order: a wrong, unintended or too superficial administration stated in
    the text marks the use off-label (its words are the evidence); the
    product catalogue's labelled routes for the suspect's name
    (:func:`dermavigil.catalogue.resolve`); a drug, vaccine or allergen
    extract named with its route ("subcutaneous glatiramer acetate", "IM
    injection of diclofenac") and no wrong-route statement is taken as given
    by the route it is prescribed for. Returns where the label came from.
    """
    for sentence in sentences:
        for match in _WRONG.finditer(sentence.text):
            facts.wrong_spans.append((sentence.start + match.start(), sentence.start + match.end()))
    if facts.approved or not name:
        return None
    from dermavigil.catalogue import resolve

    match = resolve(name, facts.used) or resolve(name)
    if match is not None and match.entry.routes:
        facts.approved = list(match.entry.routes)
        facts.approved_verbatim = f"catalogue: {match.entry.name}"
        facts.approved_spans = list(name_spans or [])
        facts.not_for_injection()
        return f"catalogue entry {match.entry.id}"
    if category == "other" and not facts.wrong_spans:
        # a cosmetic (serum, moisturiser, skin preparation) needled or micro-injected into the
        # skin is given by a route it is not made for
        for sentence in sentences:
            for match in _NEEDLED.finditer(sentence.text):
                facts.wrong_spans.append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
    if facts.wrong_spans or category not in {"drug", "vaccine", "allergen_immunotherapy"}:
        return None
    if category == "allergen_immunotherapy" and facts.used is Route.subcutaneous:
        facts.approved = [Route.subcutaneous]
        facts.approved_verbatim = "allergen extracts for immunotherapy: subcutaneous injection"
        facts.approved_spans = list(facts.used_spans)
        return "allergen immunotherapy extracts are labelled for subcutaneous injection"
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
                return "route named with the product"
    span = _named_near_route(facts, heads, sentences)
    if span is not None and facts.used is not None:
        facts.approved = [facts.used]
        facts.approved_verbatim = text_of(sentences, span)
        facts.approved_spans.append(span)
        return "route named with the product"
    return None


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
    pattern = dict(_COMPILED)[facts.used]
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
                    if _CLAUSE_BREAK.search(between) or not _ADMIN.search(
                        text[max(0, lo - 20) : hi + 15]
                    ):
                        continue
                    return sentence.start + lo, sentence.start + hi
    return None


def text_of(sentences: list[Sentence], span: tuple[int, int]) -> str:
    """The words of ``span`` (text offsets) from the sentence that holds it."""
    for sentence in sentences:
        if sentence.start <= span[0] and span[1] <= sentence.start + len(sentence.text):
            return sentence.text[span[0] - sentence.start : span[1] - sentence.start]
    return ""


def route_of(word: str) -> Route | None:
    """The route a route word names (``"intradermally"`` -> intradermal)."""
    for route, pattern in _COMPILED:
        if pattern.fullmatch(word.strip()):
            return route
    return None


@dataclass
class RouteFacts:
    """Route used, labelled routes and off-label cues, each with evidence spans."""

    used: Route | None = None
    used_verbatim: str | None = None
    used_spans: list[tuple[int, int]] = field(default_factory=list)
    approved: list[Route] = field(default_factory=list)
    approved_verbatim: str | None = None
    approved_spans: list[tuple[int, int]] = field(default_factory=list)
    unapproved_spans: list[tuple[int, int]] = field(default_factory=list)

    wrong_spans: list[tuple[int, int]] = field(default_factory=list)
    injected_spans: list[tuple[int, int]] = field(default_factory=list)

    def not_for_injection(self) -> None:
        """A product labelled only for the skin surface or the mouth that the case says was
        injected (or needled in) was given by a route it is not made for: the injection
        words are the evidence of the wrong route."""
        if self.approved and not self.used and set(self.approved) <= _NOT_INJECTED:
            self.wrong_spans.extend(s for s in self.injected_spans if s not in self.wrong_spans)

    @property
    def off_label(self) -> bool:
        """Used by a route it is not labelled for, stated as unapproved, or given wrongly."""
        if self.used and self.approved and self.used not in self.approved:
            return True
        return bool(self.wrong_spans) or (bool(self.unapproved_spans) and self.used is not None)


def route_mentions(sentence: Sentence) -> list[tuple[Route, int, int]]:
    """Administration routes named in a sentence with an administration word.

    Route words inside a label statement, qualifying a treatment drug
    ("oral prednisolone") or describing a lesion ("subcutaneous nodules")
    are not routes of the suspect product.
    """
    if not _ADMIN.search(sentence.text):
        return []
    label_spans = [m.span() for m in _LABEL.finditer(sentence.text)]
    found = []
    for route, pattern in _COMPILED:
        for match in pattern.finditer(sentence.text):
            if any(a <= match.start() < b for a, b in label_spans):
                continue
            treatment = TREATMENT.match(sentence.text, match.end() + 1)
            if (
                treatment and not exposed_class(sentence.text, treatment.start())
            ) or _LESION_NEXT.match(sentence.text, match.end()):
                continue
            found.append((route, sentence.start + match.start(), sentence.start + match.end()))
    return found


def find_routes(sentences: list[Sentence], patient: list[Sentence]) -> RouteFacts:
    """Route facts of a report: used (patient sentences), labelled (all sentences)."""
    facts = RouteFacts()
    counts: Counter[Route] = Counter()
    first: dict[Route, tuple[int, int]] = {}
    for sentence in patient:
        for route, start, end in route_mentions(sentence):
            counts[route] += 1
            first.setdefault(route, (start, end))
    if counts:
        best = max(counts, key=lambda r: (counts[r], -first[r][0]))
        facts.used = best
        facts.used_spans = [
            (s, e) for sentence in patient for r, s, e in route_mentions(sentence) if r is best
        ]
    for sentence in sentences:
        for match in _LABEL.finditer(sentence.text):
            route = route_of(match.group("route"))
            if route and route not in facts.approved:
                facts.approved.append(route)
                facts.approved_verbatim = facts.approved_verbatim or match.group(0)
                facts.approved_spans.append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
        for match in _UNAPPROVED.finditer(sentence.text):
            facts.unapproved_spans.append(
                (sentence.start + match.start(), sentence.start + match.end())
            )
    for sentence in patient:
        for match in _INJECTED.finditer(sentence.text):
            facts.injected_spans.append(
                (sentence.start + match.start(), sentence.start + match.end())
            )
    facts.not_for_injection()
    return facts
