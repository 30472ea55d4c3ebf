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
the clinician is told to have done ("we injected hyaluronidase"). The names of
one sentence are matched by :mod:`.treatment_matches`, with the names listed beside them
(:mod:`.treatment_conjuncts`) and a listed suspect the case tells only after the reaction,
as a treatment (:mod:`.treatment_late`); a diagnostic procedure is told by
:mod:`.treatment_diagnostic`; this module reads the sentences, their cues and the facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.dates import Duration, TimeUnit
from dermavigil.domain.routes import Route
from dermavigil.literature.extract import treatment_cues as cues
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.numbers import number_value
from dermavigil.literature.extract.roles import recommends, statement_about_no_one, told_in_past
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.treatment_combined import specific_names
from dermavigil.literature.extract.treatment_conjuncts import listed_with, listed_with_suspect
from dermavigil.literature.extract.treatment_diagnostic import diagnostic
from dermavigil.literature.extract.treatment_exposure import (
    drug_key,
    given_before,
    names_the_exposure,
    title_causes,
)
from dermavigil.literature.extract.treatment_indication import for_another_condition
from dermavigil.literature.extract.treatment_late import late_suspects
from dermavigil.literature.extract.treatment_matches import Match
from dermavigil.literature.extract.treatment_names import CANONICAL, PROCEDURE_VERBS, TREATMENT
from dermavigil.literature.extract.treatment_not_given import not_given

__all__ = ["TREATMENT", "TreatmentFact", "find_treatments"]


@dataclass
class TreatmentFact:
    """A treatment with its evidence spans (keys: drug, route, duration, response)."""

    drug: str
    route: Route | None = None
    duration: Duration | None = None
    response: str | None = None
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


_PROCEDURE_NOUNS = frozenset(name for _, name in PROCEDURE_VERBS)
"""The nouns of the procedures told by their verb ("removed": removal)."""


def _named_again(drug: str, found: dict[str, TreatmentFact], by_verb: bool = False) -> bool:
    """The name adds only a qualifier that is not a route to a treatment already found
    ("recombinant tissue plasminogen activator" after the title's "tissue plasminogen
    activator"): the same treatment, whose longer name replaces the first. "Oral
    corticosteroids" after "corticosteroids" is another course. A procedure told ``by_verb``
    ("only one rod was removed") whose noun a name already found holds ("implant removal")
    is that procedure told again."""
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
        if by_verb and len(words) == 1 and words[0] in _PROCEDURE_NOUNS and words[0] in known:
            return True  # "only one rod was removed" after "implant removal": told again
    return False


def _underwent_before(sentence: Sentence, start: int, end: int, first_reaction: int) -> bool:
    """A procedure a person underwent (:data:`.treatment_cues.UNDERWENT`) in a sentence
    before the first reaction's, or in its sentence when it was planned ("electively
    admitted for parathyroidectomy") or the reaction began after it ("underwent a
    tumorectomy ... and experienced anaphylaxis"); never one done "for treatment of" it
    ("underwent excision for treatment of a granuloma") or after a diagnosis ("compartment
    syndrome was diagnosed, and the patient underwent fasciotomy")."""
    before, after = sentence.text[:start], sentence.text[end:]
    underwent = cues.UNDERWENT.search(before)
    if (
        not underwent
        or not 0 < sentence.index <= first_reaction
        or cues.FOR_TREATING.match(after)
        or cues.DIAGNOSED.search(before, 0, underwent.start())
    ):
        return False
    return (
        sentence.index < first_reaction
        or bool(cues.REACTION_AFTER.match(after))
        or bool(cues.PLANNED.search(underwent.group(0)))
    )


def _unread(sentence: Sentence, exposed: int, first_reaction: int, history: bool) -> bool:
    """A sentence the narrative's cues leave unread: before the exposure's sentence with no
    word of a reaction (it treated the underlying disease or was the patient's history:
    "Anticoagulation was initiated with warfarin" before "She was bridged with enoxaparin"),
    when it comes before the first reaction's sentence too or is told as the ``history`` (it
    tells none of the case's reactions, and the narrative tells a reaction after the exposure:
    a reaction is treated after the exposure that caused it, so what a sentence before that
    exposure names, unless it tells a reaction as a summary does - "a case of necrosis ...
    treated with hyaluronidase" -, is history; a narrative that tells the exposure only after
    the reaction - "the patient then disclosed an injection" - tells its treatment before), a
    generic statement in the present ("... often requires surgical treatment"), or one with no
    treatment cue and no procedure told by its verb ("he was intubated" is its own cue). A
    report's statement of its own case (:data:`.treatment_cues.REPORTED`) is read all the
    same, for its procedures."""
    return (
        (
            0 < sentence.index < exposed
            and ((first_reaction > 0 and sentence.index < first_reaction) or history)
            and not _OF_A_REACTION.search(sentence.text)
        )
        or bool(cues.GENERIC_PRESENT.search(sentence.text) and not told_in_past(sentence.text))
        or (
            not cues.CUE.search(sentence.text)
            and not any(pattern.search(sentence.text) for pattern, _ in PROCEDURE_VERBS)
        )
    )


def _done_for_the_case(text: str, start: int) -> bool:
    """The procedure at ``start`` is predicated of the case the report states: in a relative
    clause on it ("a case of ... hematoma, which requires surgical treatment"), possessed by
    it ("a case of ... syndrome and its surgical treatment") or the report's own object ("a
    case report of surgical excision of the paraffinoma")."""
    reported = cues.REPORTED.search(text)
    return bool(reported) and bool(cues.CASE_TIE.search(text, reported.start(), start))


_NEW_CLAUSE = re.compile(
    r"(?:,\s*|\s)(?:and|but|so|thus|therefore)\s+(?=(?:the (?:patient|wom[ae]n|m[ae]n|girl|boy"
    r"|child)|she|he|they|we|her|his)\b)",
    re.I,
)


def _negated(text: str, start: int, end: int) -> bool:
    """A negation of the mention in its own clause: a clause coordinated with a new subject
    ("the lesion was not amenable to reperfusion and the patient required amputation") ends
    the scope of a negation before it (a NegEx trigger's scope stops at the clause boundary,
    Chapman et al., "A simple algorithm for identifying negated findings and diseases in
    discharge summaries", J Biomed Inform 34, 2001)."""
    cut = [m.end() for m in _NEW_CLAUSE.finditer(text, 0, start)]
    at = cut[-1] if cut else 0
    return assertion(text[at:], start - at, end - at) is Assertion.negated


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


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
    reaction_spans: tuple[tuple[int, int], ...] = (),
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
    first treatment") names no treatment of this patient, nor does a name told with an
    indication that is another condition than the case's reactions (``reaction_spans``,
    absolute offsets: :mod:`.treatment_indication`). A drug listed with the suspect in one
    coordination, before the first reaction or in the exposure's sentence, was given with it
    (:func:`.treatment_conjuncts.listed_with_suspect`). A lexicon drug given before the
    reaction is the exposure or a drug the patient took, also where a later sentence with a
    treatment cue names it again (:func:`.treatment_exposure.given_before`).
    """
    found: dict[str, TreatmentFact] = {}
    routes_of: dict[str, str | None] = {}
    exposed = exposure.index if exposure else 0
    causes = title_causes(patient[0].text) if patient and patient[0].section == "title" else []
    before: set[str] = set()  # the drugs given before the reaction
    reacted_after = exposure is not None and any(a >= exposure.start for a, _ in reaction_spans)
    for index, sentence in enumerate(patient):
        before |= given_before(
            sentence,
            first_reaction,
            [a - sentence.start for a, _ in reaction_spans if sentence.start <= a < sentence.end],
        )
        title_cue = cues.TITLE_CUE.search(sentence.text)
        title_before = cues.TITLE_BEFORE.search(sentence.text)
        if sentence.section == "title":
            if not title_cue and not title_before:
                continue
        elif (
            statement_about_no_one(sentence)
            or cues.GENERAL.search(sentence.text)
            or cues.MESH.search(sentence.text)
        ):
            continue
        told = [
            (a - sentence.start, b - sentence.start)
            for a, b in reaction_spans
            if sentence.start <= a < sentence.end
        ]
        by_report = sentence.section != "title" and _unread(
            sentence, exposed, first_reaction, not told and reacted_after
        )
        if by_report and (not cues.REPORTED.search(sentence.text) or recommends(sentence)):
            continue
        local = tuple(
            (a - sentence.start, b - sentence.start)
            for a, b in suspect_spans
            if sentence.start <= a < sentence.end
        )
        named = local + tuple(
            m.span()
            for name in suspects
            if len(name) > 3
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence.text, re.I)
        )  # the suspect's mentions in this sentence, by its span or its name
        matches = Match.all(sentence.text, suspects, local)
        matches += late_suspects(sentence, patient, suspects, first_reaction, matches, exposed)
        matches += [
            m
            for m in listed_with(sentence.text, matches)
            if not any(a < m.end() and m.start() < b for a, b in local)
            and not any(len(s) > 3 and s in m.group(0).lower() for s in suspects)
        ]
        for match in sorted(matches, key=Match.start):
            if _negated(sentence.text, match.start(), match.end()):
                continue
            if diagnostic(sentence.text, match.start(), match.end()) or not_given(
                sentence.text, match.start(), match.end()
            ):
                continue
            if (
                sentence.index < first_reaction
                or sentence.index == exposed
                or (sentence.index == first_reaction and all(match.end() <= a for a, _ in told))
            ) and listed_with_suspect(sentence.text, match.start(), match.end(), named):
                continue  # "treated with enoxaparin, aspirin and clopidogrel" before the
                # reaction: given with the suspect
            if for_another_condition(sentence.text, match.start(), match.end(), told):
                continue  # "treated for psoriasis with methotrexate"
            if sentence.section == "title" and (
                (title_cue and match.start() < title_cue.end())
                if not title_before
                else match.start() > title_before.start()
            ):
                continue  # a title names the treatment after its "with", or before "in the
                # management of"
            drug = match.group(0).strip()
            drug = CANONICAL.get(drug.lower(), drug)
            if by_report and (
                not cues.PROCEDURE_NAME.search(drug)
                or cues.SETTING_AFTER.search(sentence.text[: match.start()])
                or not _done_for_the_case(sentence.text, match.start())
            ):
                continue  # a report's statement of its case names its surgery (not one it
                # followed); its drugs are the patient's regimen more often than a treatment
            if names_the_exposure(drug, causes) and not title_cue:
                continue
            if drug_key(drug) in before and not TREATMENT.fullmatch(drug):
                continue  # a drug given before the reaction, named again
            if (
                0 < sentence.index < first_reaction
                and not TREATMENT.fullmatch(drug)
                and not cues.FRAMED.search(sentence.text[: match.start()])
                and not any(
                    a < match.start() < b for a, b in _spans(cues.RECOVERED_AFTER, sentence.text)
                )
            ):
                continue
            if _underwent_before(sentence, match.start(), match.end(), first_reaction):
                continue  # the surgery the suspect was given for or in, before the reaction
            route_match = cues.ROUTE_BEFORE.search(sentence.text[: match.start()])
            key = drug_key(drug)
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
            elif _named_again(
                drug, found, sentence.text[match.start() : match.end()].lower() != drug.lower()
            ):
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
