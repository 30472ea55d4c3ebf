"""Treatments given for the reaction: drug or procedure, route, duration, response.

The names of :mod:`.treatment_names` (a lexicon of treatments of injection
complications, procedures told by their verb) and the FAERS-lexicon drugs that
are not the suspect, found in patient sentences that carry a treatment cue
("treated with", "was administered", "received", "prescribed", "managed
with"). The route is the route word just before the drug ("oral
prednisolone"); the duration is "for (a duration of) N days/weeks". A
procedure done for the diagnosis ("excised and sent for histopathology",
"aspirated and cultured", "a diagnostic punch biopsy ... material was
drained") is not a treatment (``docs/annotation.md``); a procedure told by
its verb ("the abscess was then drained", "massaged") is, and so is what
the clinician is told to have done ("we injected hyaluronidase").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import ProductCategory
from dermavigil.literature.extract import treatment_cues as cues
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.numbers import number_value
from dermavigil.literature.extract.roles import statement_about_no_one, told_in_past
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.suspect_roles import treated_with, treats_complication
from dermavigil.literature.extract.treatment_combined import combined, specific_names
from dermavigil.literature.extract.treatment_context import not_for_the_reaction
from dermavigil.literature.extract.treatment_exposure import names_the_exposure, title_causes
from dermavigil.literature.extract.treatment_names import (
    CANONICAL,
    CLASS_TREATMENT,
    PROCEDURE_VERBS,
    REMOVAL,
    TREATMENT,
    joined_names,
    procedure_name,
    treatment_phrases,
)
from dermavigil.literature.extract.treatment_switch import replaces_the_suspect
from dermavigil.terminology.drug_variants import ETHANOL, SKIN_TEST_ANTIGENS
from dermavigil.terminology.drugs import drug_names, find_drugs
from dermavigil.terminology.products import categorize, find_products


@dataclass(frozen=True)
class _Match:
    """A treatment name in a sentence (the part of ``re.Match`` the loop reads)."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return self.text

    @classmethod
    def all(
        cls, text: str, suspects: frozenset[str], spans: tuple[tuple[int, int], ...] = ()
    ) -> list[_Match]:
        return [cls(*m) for m in _matches(text, suspects, spans)]


@dataclass
class TreatmentFact:
    """A treatment with its evidence spans (keys: drug, route, duration, response)."""

    drug: str
    route: Route | None = None
    duration: Duration | None = None
    response: str | None = None
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def _same_words(a: str, b: str) -> bool:
    """'penicillin g benzathine' names 'benzathine penicillin': the same words, or all of a
    name of two or more words within the other ('vitamin c' is not 'vitamin k1')."""
    x, y = set(re.findall(r"[a-z0-9]{2,}", a.lower())), set(re.findall(r"[a-z0-9]{2,}", b.lower()))
    if not x or not y:
        return False
    return x == y or (len(x) >= 2 and x <= y) or (len(y) >= 2 and y <= x)


def _overlaps(start: int, end: int, spans) -> bool:
    return any(start < b and a < end for a, b, *_ in spans)


_PAIR = re.compile(r"(?<![\w-])([A-Za-z]{4,})[-/]([A-Za-z]{4,})(?![\w-])")
"""Two lexicon drugs written as one hyphenated or slashed word: a combination
("ampicillin-sulbactam", "piperacillin/tazobactam")."""
_NOT_A_FAMILY = (ProductCategory.other, ProductCategory.drug)
"""Categories of a name that is not an aesthetic product family named again."""


def _matches(
    text: str, suspects: frozenset[str], suspect_spans: tuple[tuple[int, int], ...] = ()
) -> list[tuple[int, int, str]]:
    """Treatment-lexicon matches, product families given for the reaction ("successfully
    treated with platelet-rich plasma"), then FAERS-lexicon drugs that are not the suspect.

    ``suspect_spans`` are the suspect product's mentions in this text: a name on or right
    after one (its brand in brackets, "triamcinolone acetonide (Kenacort)") is the suspect;
    a family of a suspect is never a treatment.
    """
    exposed = {categorize(s) for s in suspects}
    found = [(m.start(), m.end(), m.group(0)) for m in TREATMENT.finditer(text)]
    found += [
        (m.start(), m.end(), m.group(0))
        for m in CLASS_TREATMENT.finditer(text)
        if not _overlaps(m.start(), m.end(), found)
    ]
    for start, end, name in joined_names(text):
        if not _overlaps(start, end, found):
            found.append((start, end, name))
    for start, end, name in treatment_phrases(text):
        exposure = any(len(s) > 3 and s in name.lower() for s in suspects)
        if _overlaps(start, end, found):
            continue
        if REMOVAL.search(name) or (not exposure and categorize(name) in _NOT_A_FAMILY):
            found.append((start, end, name))  # not "continued glatiramer acetate therapy"
    for pattern, name in PROCEDURE_VERBS:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), procedure_name(match.group(0), name)))
    for match in cues.COORDINATED.finditer(text):
        second = TREATMENT.match(text, match.end())
        if second:
            head = re.sub(rf"^(?:{cues.ROUTE_WORD})\s+", "", second.group(0), flags=re.I)
            found.append((match.start(), second.end(), f"{match.group('first')} {head}"))
    for match in cues.SHARED_HEAD.finditer(text):
        for part in ("first", "second"):
            start, end = match.span(part)
            if not _overlaps(start, end, found):
                found.append((start, end, f"{match.group(part)} {match.group('head')}"))
    for family in find_products(text):
        if (
            family.category not in _NOT_A_FAMILY
            and family.category not in exposed
            and not _overlaps(family.start, family.end, found)
            and (
                treated_with(text[: family.start], text[family.end :])
                or treats_complication(text[family.end :])
            )
        ):
            found.append((family.start, family.end, family.text))
    for pair in _PAIR.finditer(text):
        if (
            all(w.lower() in drug_names() for w in pair.groups())
            and all(categorize(w) in _NOT_A_FAMILY for w in pair.groups())
            and not _overlaps(pair.start(), pair.end(), found)
        ):
            found.append((pair.start(), pair.end(), pair.group(0)))
    for drug in find_drugs(text):
        if _overlaps(drug.start, drug.end, found) or drug.name in SKIN_TEST_ANTIGENS | ETHANOL:
            # a skin-test antigen is given to test, and ethanol injected ablates or scleroses
            # a lesion: neither treats a reaction
            continue
        if any(drug.name in s or s in drug.name or _same_words(drug.name, s) for s in suspects):
            continue
        if categorize(drug.text) not in _NOT_A_FAMILY:
            continue  # an aesthetic product family named again, not a treatment
        found.append((drug.start, drug.end, drug.text))
    kept = []
    for start, end, name in sorted(found):
        if _overlaps(start, end, [(a, b) for a, b in suspect_spans]) and not (
            REMOVAL.search(name) and not any(a <= start and end <= b for a, b in suspect_spans)
        ):
            continue  # the suspect, not "PAAG evacuation", the removal of the suspect
        if any(name.lower() in s for s in suspects if len(name) > 5):
            continue
        if re.search(r"\(\s*(?:\w+[\u2010\u2011-])?$", text[:start]) and (
            any(0 <= start - b <= 3 for _, b in suspect_spans)
            or any(
                len(s) > 5 and s in text[max(0, start - 15 - len(s)) : start].lower()
                for s in suspects
            )
        ):
            continue  # "medroxyprogesterone (Depo-Provera)": the suspect's brand
        if cues.NOT_GIVEN_BEFORE.search(text[max(0, start - 80) : start]):
            continue
        if cues.INGREDIENT_BEFORE.search(text[max(0, start - 50) : start]):
            continue
        if cues.APPROACH.fullmatch(name) and cues.BY_WAY_OF.search(text[:start][-60:]):
            continue  # "excised through a subcoronal incision", "fat obtained via liposuction"
        if not_for_the_reaction(text, start, end) or replaces_the_suspect(
            text, start, end, suspects
        ):
            continue
        kept.append((start, end, name))
    return combined(text, kept)


_FOR_DIAGNOSIS = re.compile(
    r"\b(?:diagnostic|(?:sent|submitted|processed|taken|obtained) for|for (?:the )?"
    r"(?:histolog|histopatholog|patholog|cultur|microbiolog|diagnos|analys|examination|biopsy"
    r"|microscop)|\band (?:then )?cul-?\s?tured)",
    re.I,
)
_PROCEDURE = re.compile(r"excis|drain|aspirat", re.I)
"""Procedures that can be diagnostic; a removal or a debridement treats whatever the tissue
is sent for afterwards."""


def _diagnostic(text: str, start: int, end: int) -> bool:
    """A procedure done to make the diagnosis, not to treat ("one nodule was excised and
    sent for histopathology", "a diagnostic punch biopsy was performed and gelatinous
    material was drained", "aspirated for culture"): its clause says so."""
    if not _PROCEDURE.search(text, start, end):
        return False
    clause_start = max(text.rfind(c, 0, start) for c in ".;") + 1
    ends = [i for i in (text.find(c, end) for c in ".;") if i >= 0]
    return bool(_FOR_DIAGNOSIS.search(text, clause_start, min(ends, default=len(text))))


def _named_again(drug: str, found: dict[str, TreatmentFact]) -> bool:
    """The name adds only a qualifier that is not a route to a treatment already found
    ("recombinant tissue plasminogen activator" after the title's "tissue plasminogen
    activator"): the same treatment, whose longer name replaces the first. "Oral
    corticosteroids" after "corticosteroids" is another course."""
    words = drug.lower().split()
    for fact in found.values():
        known = fact.drug.lower().split()
        extra = [w for w in words if w not in known]
        if (
            len(words) > len(known)
            and all(w in words for w in known)
            and extra
            and not any(cues.ROUTES.get(w) or w in ("systemic", "local") for w in extra)
        ):
            fact.drug = drug
            return True
        if 1 < len(words) < len(known) and all(w in known for w in words):
            return True  # "hyperbaric therapy" after "hyperbaric oxygen therapy"
    return False


_OF_A_REACTION = re.compile(
    r"\b(?:complications?|lesions?|reactions?|adverse|side[ -]effects?|improv\w*|resol\w*"
    r"|heal\w*|subsid\w*|regress\w*|relie\w*)\b",
    re.I,
)


def find_treatments(
    patient: list[Sentence],
    suspects: frozenset[str] = frozenset(),
    suspect_spans: tuple[tuple[int, int], ...] = (),
    first_reaction: int = 0,
    exposure: Sentence | None = None,
) -> list[TreatmentFact]:
    """Treatments named in case sentences with a treatment cue, negations dropped.

    ``suspects`` (lower-case product names) and the text at ``suspect_spans``
    (the suspect's mentions, absolute offsets) are never treatments. A drug known only
    from the drug lexicon, named in a sentence before the first reaction
    (``first_reaction``, a sentence index), is what the patient was given or was taking
    before the reaction (the exposure, a concomitant medication), not a treatment of it,
    unless a treatment frame ("treated with") introduces it: a treatment aimed at the
    reaction is told after the reaction. Any treatment named before both the first reaction
    and the sentence that tells the ``exposure`` (:func:`.admission.exposure_sentence`), in a
    sentence that speaks of no reaction, complication or recovery, treated the underlying
    disease (the w0xx round's class). A statement in the present about no one
    (:func:`.roles.statement_about_no_one`: "Systemic corticosteroids are considered the
    first treatment") names no treatment of this patient.
    """
    found: dict[str, TreatmentFact] = {}
    routes_of: dict[str, str | None] = {}
    exposed = exposure.index if exposure else 0
    causes = title_causes(patient[0].text) if patient and patient[0].section == "title" else []
    for index, sentence in enumerate(patient):
        if (
            0 < sentence.index < exposed
            and first_reaction > 0
            and sentence.index < first_reaction
            and not _OF_A_REACTION.search(sentence.text)
        ):
            continue
        title_cue = cues.TITLE_CUE.search(sentence.text)
        title_before = cues.TITLE_BEFORE.search(sentence.text)
        if sentence.section == "title":
            if not title_cue and not title_before:
                continue
        elif (
            statement_about_no_one(sentence)
            or cues.GENERAL.search(sentence.text)
            or cues.MESH.search(sentence.text)
            or (cues.GENERIC_PRESENT.search(sentence.text) and not told_in_past(sentence.text))
        ):
            continue
        elif not cues.CUE.search(sentence.text) and not any(
            pattern.search(sentence.text) for pattern, _ in PROCEDURE_VERBS
        ):
            continue  # a procedure told by its verb is its own cue ("he was intubated")
        local = tuple(
            (a - sentence.start, b - sentence.start)
            for a, b in suspect_spans
            if sentence.start <= a < sentence.end
        )
        for match in _Match.all(sentence.text, suspects, local):
            if assertion(sentence.text, match.start(), match.end()) is Assertion.negated:
                continue
            if _diagnostic(sentence.text, match.start(), match.end()):
                continue
            if sentence.section == "title" and (
                (title_cue and match.start() < title_cue.end())
                if not title_before
                else match.start() > title_before.start()
            ):
                continue  # a title names the treatment after its "with", or before "in the
                # management of"
            drug = match.group(0).strip()
            drug = CANONICAL.get(drug.lower(), drug)
            if names_the_exposure(drug, causes) and not title_cue:
                continue
            if (
                0 < sentence.index < first_reaction
                and not TREATMENT.fullmatch(drug)
                and not cues.FRAMED.search(sentence.text[: match.start()])
            ):
                continue
            route_match = cues.ROUTE_BEFORE.search(sentence.text[: match.start()])
            key = re.sub(r"[\s\u2010\u2011-]+", "", drug.lower()).removesuffix("s")
            route_word = (
                route_match.group(1).lower()
                if route_match and route_match.end() == match.start()
                else None
            )
            if key in found:
                # the same class by another route is another course ("topical antibiotics
                # (...), systemic antibiotics (...)"); else the same treatment named again
                if not (route_word and routes_of.get(key) and routes_of[key] != route_word):
                    continue
                key, drug = f"{route_word} {key}", f"{route_word} {drug}"
                if key in found:
                    continue
            elif _named_again(drug, found):
                continue
            routes_of[key] = route_word
            at = sentence.start
            fact = TreatmentFact(
                drug=drug, spans={"drug": [(at + match.start(), at + match.end())]}
            )
            if route_match and route_match.end() == match.start():
                fact.route = cues.ROUTES.get(route_match.group(1).lower())
                if fact.route:
                    fact.spans["route"] = [(at + route_match.start(1), at + route_match.end(1))]
            duration = cues.DURATION.search(sentence.text, match.end())
            value = number_value(duration.group("n")) if duration else None
            if duration and value is not None:
                fact.duration = Duration(value=value, unit=TimeUnit(duration.group("unit").lower()))
                fact.spans["duration"] = [(at + duration.start(), at + duration.end())]
            for later in patient[index : index + 2]:
                response = cues.RESPONSE.search(later.text)
                if response and later is not sentence:
                    lead = cues.LEAD.match(later.text)
                    begin = lead.end() if lead else 0
                    fact.response = later.text[begin:].rstrip(". ")
                    fact.spans["response"] = [(later.start + begin, later.end)]
                    break
                if response:
                    fact.response = response.group(0)
                    fact.spans["response"] = [
                        (later.start + response.start(), later.start + response.end())
                    ]
                    break
            found[key] = fact
    keep = specific_names([fact.drug for fact in found.values()])
    return [fact for fact, kept in zip(found.values(), keep, strict=True) if kept]
