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
from typing import TYPE_CHECKING

from dermavigil.domain.vocab import Route
from dermavigil.literature.extract.products import exposed_class
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.treatment import TREATMENT

if TYPE_CHECKING:
    from dermavigil.catalogue.model import Entry

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


_GENERAL_SECTIONS = frozenset(
    {"background", "introduction", "discussion", "conclusion", "conclusions"}
)


def general(sentence: Sentence) -> bool:
    """A sentence of a section about the topic, not the case ("Background", "Conclusions
    and importance")."""
    words = (sentence.section or "").split()
    return bool(words) and words[0] in _GENERAL_SECTIONS


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
        if general(sentence):
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


_ERROR = (
    r"(?:erroneous|incorrect|wrong|improper|inappropriate|inaccurate|inadvertent|accidental"
    r"|unintended|unintentional|faulty|misplaced)(?:ly)?"
)
_ROUTE_ADJ = (
    r"(?:intra-?dermal|sub-?cutaneous|intra-?muscular|intra-?venous|intra-?arterial"
    r"|intra-?vascular|peri-?arterial)\w*"
)
_TECHNIQUE = (
    r"(?:inject\w*|administ\w*|given|placed|placement|performed|technique|site|depth|route"
    r"|delivery|applied)"
)
_WRONG = re.compile(
    rf"\b{_ERROR}\s+(?:[\w-]+\s+){{0,3}}?(?:{_ROUTE_ADJ}|{_TECHNIQUE})\b"
    r"|\b(?:inject\w*|administ\w*|given|placed|performed|delivered)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:erroneous|incorrect|wrong|improper|inappropriate|inaccurate|inadvertent|accidental)ly"
    r"|too (?:superficial|shallow|deep)\w*|by (?:ignorance|negligence|mistake))\b"
    r"|\btoo (?:superficial|shallow)(?:ly)?\b|\bwrong route\b|\bintended use\b"
    r"|\bintra-?(?:vascular|arterial)(?:ly)? (?:injections?|injected|administration|embol\w+)\b"
    r"|\b(?:inject\w*|administ\w*|given|delivered)\s+(?:\w+\s+)?(?:intra-?(?:arterial|vascular)ly"
    r"|into (?:an?|the) (?:[\w-]+ )?arter(?:y|ies))\b"
    rf"|\binstead of\s+(?:into\s+)?(?:the\s+|a\s+)?(?:{_ROUTE_ADJ}|muscle|vein|dermis|deep\b)"
    rf"|\b{_ROUTE_ADJ}\s+rather than\b",
    re.I,
)
"""A wrong, unintended or misplaced administration stated in the text: an error word before
a route or a technique word ("inaccurate intradermal injections", "inappropriate site of
administration", "improper intramuscular injection technique"), an injection "too
superficial", a route given "instead of" another, a product injected into an artery."""
_HEDGED = re.compile(
    r"\b(?:may|might|could|can|possibl[ey]|thought|believed|hypothes\w*"
    r"|suggest\w*|proposed|postulated|mechanisms?|pathogenesis|should|avoid\w*|prevent\w*"
    r"|risk|usually|commonly|generally)\b",
    re.I,
)
"""A wrong route only wondered about or stated in general ("could be inadvertently
administered", "the mechanism is an inadvertent intra-arterial injection"): not this case's."""
_CORRECT = re.compile(
    r"\b(?:standard|correct|proper|appropriate|recommended)(?:ly)?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:site|technique|depth|landmarks?|angle)\b",
    re.I,
)
"""A correct technique stated for this patient ("vaccinated in the standard site", "with the
proper technique"): the product was given by the route it is made for."""
_SKIN_USE = re.compile(
    r"\bfor (?:exclusive(?:ly)?\s+|external\s+|only\s+)?(?:topical|cutaneous|external) use\b"
    r"|\b(?:topical|cosmetic|skin[- ]?care)\b"
    r"|\b(?:serums?|creams?|lotions?|ointments?|moisturi[sz]ers?|ampoules?|essences?|toners?)\b",
    re.I,
)
"""Words of a product's name or label that make it a product for the skin surface."""
_NOT_MEDICAL = re.compile(
    r"\b(?:industrial|non-?medical(?:[- ]grade)?|hardware|automotive)\b", re.I
)
"""A material the text calls industrial or non-medical: not made to be injected."""
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
    the text for this case (not wondered about, not a background sentence), or
    a material named as industrial, marks the use off-label (its words are the
    evidence); the product catalogue's labelled routes for the suspect's name
    and category (:func:`dermavigil.catalogue.resolve`); a name or label that
    makes the product one for the skin surface (a serum, a cream, "for topical
    use"), so that injecting or needling it in is a wrong route; a correct
    technique stated for the route used; a drug, vaccine or allergen extract
    named with its route ("subcutaneous glatiramer acetate", "IM injection of
    diclofenac") and no wrong-route statement is taken as given by the route it
    is prescribed for. Returns where the label came from.
    """
    stated = [s for s in sentences if not general(s) and not _HEDGED.search(s.text)]
    for sentence in stated:
        for match in _WRONG.finditer(sentence.text):
            facts.wrong_spans.append((sentence.start + match.start(), sentence.start + match.end()))
    if name and _NOT_MEDICAL.search(name):
        facts.wrong_spans.extend(name_spans or [])
    if facts.approved or not name:
        return None
    entry = _catalogued(name, category, facts.used)
    if entry is not None and entry.routes:
        facts.approved = list(entry.routes)
        facts.approved_verbatim = f"catalogue: {entry.name}"
        facts.approved_spans = list(name_spans or [])
        facts.not_for_injection()
        return f"catalogue entry {entry.id}"
    if _for_skin(facts, name, name_spans or [], sentences):
        return "a product for the skin surface"
    if category == "other" and not facts.wrong_spans:
        # a cosmetic (serum, moisturiser, skin preparation) needled or micro-injected into the
        # skin is given by a route it is not made for
        for sentence in sentences:
            for match in _NEEDLED.finditer(sentence.text):
                facts.wrong_spans.append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
    if facts.wrong_spans:
        return None
    correct = _correct_technique(facts, stated)
    if correct or category not in {"drug", "vaccine", "allergen_immunotherapy"}:
        return correct
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


def _catalogued(name: str, category: str | None, used: Route | None) -> Entry | None:
    """The catalogue entry of the suspect: its name resolved (with the route used), kept
    only when of the suspect's category; else the one entry of that category among the
    name's look-alikes ("hyaluronic acid" of an HA filler case is the filler family, not
    the eye drops)."""
    from dermavigil.catalogue import default_catalogue, resolve

    match = resolve(name, used) or resolve(name)
    if match is not None and (category is None or match.entry.category.value == category):
        return match.entry
    _, found = default_catalogue().candidates(name)
    same = [e for e in found if e.category.value == category]
    return same[0] if len(same) == 1 else None


def _for_skin(
    facts: RouteFacts, name: str, name_spans: list[tuple[int, int]], sentences: list[Sentence]
) -> bool:
    """A product whose name says it is for the skin surface ("vitamin C serum", "topical
    skin preparation") or that the text says is "for topical use" is labelled topical: an
    injection or needling of it is a wrong route (:meth:`RouteFacts.not_for_injection`)."""
    spans = list(name_spans) if _SKIN_USE.search(name) else []
    verbatim = name
    for sentence in sentences:
        label = _SKIN_USE.search(sentence.text)
        if label and label.group(0).lower().startswith("for "):
            spans.append((sentence.start + label.start(), sentence.start + label.end()))
            verbatim = label.group(0)
    if not spans:
        return False
    facts.approved = [Route.topical, Route.cutaneous]
    facts.approved_verbatim = verbatim
    facts.approved_spans = spans
    facts.wrong_spans.extend(s for s in facts.injected_spans if s not in facts.wrong_spans)
    if not facts.injected_spans:
        for sentence in sentences:
            for match in _NEEDLED.finditer(sentence.text):
                facts.wrong_spans.append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
    return True


def _correct_technique(facts: RouteFacts, stated: list[Sentence]) -> str | None:
    """The route used is the labelled one when the text says the technique was correct."""
    if facts.used is None:
        return None
    for sentence in stated:
        match = _CORRECT.search(sentence.text)
        if match and _ADMIN.search(sentence.text):
            facts.approved = [facts.used]
            facts.approved_verbatim = match.group(0)
            facts.approved_spans = [(sentence.start + match.start(), sentence.start + match.end())]
            return "a correct technique stated"
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


_TREATED = re.compile(
    r"\b(?:treated|treatment|therapy|managed|started|initiated|prescribed|switched)\s+"
    r"(?:with|on|to)\s+(?:an?\s+|the\s+)?$",
    re.I,
)
"""Just before a route word: what follows was given for the reaction ("started on an oral
anti-inflammatory drug"); an oral or topical route there is a treatment's, not the injected
suspect's."""


_NOT_USED = re.compile(r"\b(?:instead of|rather than)\s+(?:into\s+)?(?:the\s+)?$", re.I)
"""Just before a route word: the route that was meant, not the one used ("intradermally,
instead of subcutaneously")."""


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
                (treatment and not exposed_class(sentence.text, treatment.start()))
                or _LESION_NEXT.match(sentence.text, match.end())
                or (route in _NOT_INJECTED and _TREATED.search(sentence.text[: match.start()]))
                or _NOT_USED.search(sentence.text[: match.start()])
            ):
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
