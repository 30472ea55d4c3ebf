"""Routes: the route used for the suspect product and the route it is labelled for.

*Route used*: route words next to an administration word ("intradermal
injection", "injected subcutaneously", "using an intradermal method") in
sentences about the patient; the most frequent route wins, ties to one told
next to a suspect's name, then to the first. *Labelled route*: "available /
approved / labelled / indicated / intended / sold / marketed for <route>
use|administration|application",
searched in every sentence (labels are background facts). A statement that a
route "has not been approved" or an "unapproved"/"off-label" use marks the
use off-label without inventing an approved route.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from dermavigil.domain.routes import Route
from dermavigil.literature.extract.class_exposure import exposed_class
from dermavigil.literature.extract.route_context import (
    drug_next,
    names_product,
    suspect_near,
    suspect_next,
)
from dermavigil.literature.extract.route_words import ADMIN, COMPILED, route_of
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.suspect_roles import given_as_exposure, told_improving
from dermavigil.literature.extract.treatment_names import TREATMENT

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


_THIS_CASE = re.compile(r"\b(?:this|our|the present) (?:case|patient)\b", re.I)


def general(sentence: Sentence) -> bool:
    """A sentence of a section about the topic, not the case ("Background", "Conclusions
    and importance"), unless it speaks of this case ("This case describes ... a male patient
    who ... self-administered injectable silicone")."""
    words = (sentence.section or "").split()
    return bool(words) and words[0] in _GENERAL_SECTIONS and not _THIS_CASE.search(sentence.text)


_PRESENTED = re.compile(
    r"\b(?:we (?:hereby |are )?|(?:this|the present) (?:article|report|paper) )(?:report|present"
    r"|describ|experienc)(?:e?s|ing|e|ed)?\b[^.;]{0,60}\b(?:cases?|patients?|man|woman|boy"
    r"|girl|child|infant)\b",
    re.I,
)
"""The sentence that presents this case ("We present an unusual case of dysphagia arising from
injection into the orbicularis oculi muscle", "we are reporting", "we experienced two cases"):
it tells the route used."""


def presents_case(text: str) -> bool:
    """Whether a sentence presents this case ("We report a case of ...", "This article
    describes a 55-year-old man ...")."""
    return bool(_PRESENTED.search(text))


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
        if (
            _PROCEDURE.search(sentence.text) and not _NOT_CASE.search(sentence.text)
        ) or _PRESENTED.search(sentence.text):
            chosen.add(sentence.index)
    return [s for s in sentences if s.index in chosen]


_LESION_NEXT = re.compile(
    r"\s+(?:nodules?|papules?|abscess\w*|granulomas?|fat|tissue|emphysema|hemorrhage|haemorrhage"
    r"|lumps?|plaques?|swelling|edema|oedema|layer|ha?ematomas?|empyema)\b",
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


_NOT_INJECTED = frozenset({Route.topical, Route.cutaneous, Route.transdermal, Route.oral})
_INJECTED = re.compile(r"\b(?:self-)?(?:micro)?inject(?:ed|ing|ions?)\b|\bneedled in\b", re.I)


def text_of(sentences: list[Sentence], span: tuple[int, int]) -> str:
    """The words of ``span`` (text offsets) from the sentence that holds it."""
    for sentence in sentences:
        if sentence.start <= span[0] and span[1] <= sentence.start + len(sentence.text):
            return sentence.text[span[0] - sentence.start : span[1] - sentence.start]
    return ""


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

    def clear(self) -> None:
        """No route, label or off-label cue (a product placed by no route of administration)."""
        self.__init__()  # type: ignore[misc]

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


_INSTITUTION = re.compile(
    r"\b(?:Department|Dept\.?|Division|Section|Service|Unit|Institute|Faculty|School|Society"
    r"|Academy|College|Association|Journal|Clinic|Center|Centre|Laboratory) (?i:of|for)\s+"
    r"(?:[A-Za-z-]+(?:\s*,\s*|\s+(?:and|&)\s+|\s+)){0,4}$"
)
"""Just before a route word: the name of a department or journal ("Department of Oral and
Maxillofacial Surgery"), no route of the case."""


def route_mentions(
    sentence: Sentence, suspects: frozenset[str] = frozenset(), medicine: bool = True
) -> list[tuple[Route, int, int]]:
    """Administration routes named in a sentence with an administration word.

    Route words inside a label statement, qualifying a treatment drug
    ("oral prednisolone") or describing a lesion ("subcutaneous nodules")
    are not routes of the suspect product. With no administration word in the
    sentence, only a route word before a product name counts, and not after a treatment
    cue unless that name is a suspect's (``suspects``, lower case: "the thrombosis was
    treated with subcutaneous dalteparin", then the dalteparin is stopped for the reaction).
    When the suspect is no medicine (``medicine`` false: a filler, a fat graft), a route
    word right before a drug's name is that drug's ("intravenous cefazolin was given"), unless
    the name is a suspect's ("intra-articular hyaluronic acid injections").
    """
    admin = ADMIN.search(sentence.text)
    label_spans = [m.span() for m in _LABEL.finditer(sentence.text)]
    found = []
    for route, pattern in COMPILED:
        for match in pattern.finditer(sentence.text):
            if any(a <= match.start() < b for a, b in label_spans):
                continue
            treatment = TREATMENT.match(sentence.text, match.end() + 1)
            if (
                treatment
                and route not in _NOT_INJECTED
                and given_as_exposure(
                    sentence.text[: match.start()], sentence.text[treatment.end() :]
                )
                and not told_improving(sentence.text[: match.start()])
            ):
                treatment = None  # "after IV clindamycin injection": the suspect, not a treatment
            if (
                (treatment and not exposed_class(sentence.text, treatment.start()))
                or _LESION_NEXT.match(sentence.text, match.end())
                or (route in _NOT_INJECTED and _TREATED.search(sentence.text[: match.start()]))
                or _NOT_USED.search(sentence.text[: match.start()])
                or _INSTITUTION.search(sentence.text, max(0, match.start() - 80), match.start())
                or not (admin or names_product(sentence.text, match.end()))
                or (
                    not admin
                    and _TREATED.search(sentence.text[: match.start()])
                    and not suspect_next(sentence.text, match.end(), suspects)
                )
                or (
                    not medicine
                    and drug_next(sentence.text, match.end())
                    and not suspect_next(sentence.text, match.end(), suspects)
                )
            ):
                continue
            found.append((route, sentence.start + match.start(), sentence.start + match.end()))
    return found


def find_routes(
    sentences: list[Sentence],
    patient: list[Sentence],
    suspects: frozenset[str] = frozenset(),
    medicine: bool = True,
) -> RouteFacts:
    """Route facts of a report: used (patient sentences), labelled (all sentences)."""
    facts = RouteFacts()
    counts: Counter[Route] = Counter()
    first: dict[Route, tuple[int, int]] = {}
    near: set[Route] = set()
    for sentence in patient:
        for route, start, end in route_mentions(sentence, suspects, medicine):
            counts[route] += 1
            first.setdefault(route, (start, end))
            a, b = start - sentence.start, end - sentence.start
            if suspect_near(sentence.text, a, b, suspects):
                near.add(route)
    if counts:
        # of routes told as often, one told next to a suspect's name wins over one told apart
        best = max(counts, key=lambda r: (counts[r], r in near, -first[r][0]))
        facts.used = best
        facts.used_spans = [
            (s, e)
            for sentence in patient
            for r, s, e in route_mentions(sentence, suspects, medicine)
            if r is best
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


def into_an_artery(facts: RouteFacts, name: str | None) -> None:
    """A product the case gave into an artery (route used intra-arterial) that its FDA
    labelling does not list for that route was given by a route it is not made for
    (docs/annotation.md: accidental intra-arterial injection of a drug is approved false):
    the route words are the evidence."""
    from dermavigil.terminology.labelled_routes import labelled_for

    if facts.used is not Route.intra_arterial or (
        name and labelled_for(name, Route.intra_arterial)
    ):
        return
    facts.wrong_spans.extend(s for s in facts.used_spans if s not in facts.wrong_spans)


_ORAL_FORM = re.compile(r"\b(?:tablets?|pills?|capsules?|caplets?)\b", re.I)
_CRUSHED = re.compile(
    r"\bcrushed\b|\b(?:of|from|with)\s+(?:\w+\s+)?(?:enteral|oral)\s+(?:narcotics?|opioids?"
    r"|medications?)\b",
    re.I,
)


def oral_form(facts: RouteFacts, name: str | None, sentences: list[Sentence]) -> None:
    """A tablet, pill or capsule (crushed and) injected is a medicine made to be swallowed
    given by injection ("injected crushed tablets of X", "injecting a solution made from
    crushed enteral narcotics", "injection of enteral narcotics"; not an oral medication only
    named near it, "when oral medication fails"): the injection words are the evidence of the
    wrong route."""
    if not name or not facts.injected_spans:
        return
    named = bool(_ORAL_FORM.search(name))
    for sentence in sentences:
        for start, end in facts.injected_spans:
            if sentence.start <= start < sentence.start + len(sentence.text):
                after = sentence.text[end - sentence.start : end - sentence.start + 80]
                named = named or bool(_ORAL_FORM.search(after) and name.lower() in after.lower())
                # "injecting herself with crushed oxycodone": a solid oral form dissolved
                named = named or bool(_CRUSHED.search(after))
    if named:
        facts.wrong_spans.extend(s for s in facts.injected_spans if s not in facts.wrong_spans)
