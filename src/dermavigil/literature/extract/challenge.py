"""Dechallenge and rechallenge (E2B G.k.9.i.4; Naranjo questions 3 and 4).

*Rechallenge*: a sentence that re-administers the product ("the residual
product was injected into the upper arm", "re-injection", "rechallenge",
"re-exposure") followed, in it or in the next sentence, by recurrence
("similar lesions also appeared", "recurred", "reappeared") or its absence
("no recurrence", "was tolerated"). The site and route of the re-exposure
come from the re-administration sentence.
A recurrence told with the repeated exposure in one phrase is a rechallenge that recurred
(docs/annotation.md, the r7xx and w0xx decisions: a reaction "after each dose", "at each
injection" recurred): "occurred with each subsequent insertion", "recurrent blepharitis 4
days after every injection", "repeatedly developed lupus-like reactions at the injection
sites"; and so is a recurrence told right before its re-exposure ("regressed after the
discontinuation but recurred after re-administration").
*Dechallenge*: stopping the product ("discontinued", "withdrawn", "no
further injections") with improvement (or not) in the same or next sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.routes import Route
from dermavigil.domain.vocab import DechallengeResult, RechallengeResult
from dermavigil.literature.extract.outcome import OutcomeFacts
from dermavigil.literature.extract.routes import route_mentions
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.sites import find_sites

Span = tuple[int, int]

_READMIN = re.compile(
    r"\b(?:(?:residual|remaining|leftover|rest of the|same)\s+(?:\w+\s+)?(?:product|vial|solution"
    r"|material|filler|toxin|batch)\b.{0,60}?\b(?:inject|administ|appli|re-?inject)\w*"
    r"|re-?challeng\w*|re-?inject\w*|re-?administ\w*|re-?expos\w*|re-?introduc\w*"
    r"|(?:a |the )?(?:second|subsequent) (?:(?!course\b|of\b)[\w-]+ ){0,2}?\w*(?:injection"
    r"|session|treatment|dose|therapy)s?|(?:a |the )?repeat(?:ed)? (?:injection|session|treatment"
    r"|dose)s?"
    r"|another (?:trial|course|dose|injection|session|vaccination)s?(?: of)?"
    r"|continu(?:ed|ing) (?:to (?:administer|receive|inject|use|take)|on|with) (?!the same dose\b)"
    r"(?:\w+ ){0,3}?(?:injections?|doses?|treatment|therapy|\w+mab|\w+ept)"
    r"|continu(?:ed|ing) (?:using|to use|to inject|to receive)\s+[\w-]+"
    r"|(?:the )?continued (?:use|administration|injections?) of\s+[\w-]+)",
    re.I,
)
_RECUR = re.compile(
    r"\b(?:similar (?:lesions?|reactions?|symptoms?|findings)|recurr\w*|reappear\w*|recrudesc\w*"
    r"|relaps\w*|flared|flares?|flare-ups?|again (?:developed|appeared|occurred))\b",
    re.I,
)
_NO_RECUR = re.compile(
    r"\b(?:no (?:recurrence|reaction|further reaction|relapse)|did not recur|without (?:recurrence|"
    r"any reaction|reaction)|was (?:well )?tolerated|uneventful(?:ly)?"
    r"|no (?:new|further|more|other) (?:lesions?|nodules?|reactions?|symptoms) (?:had )?"
    r"(?:appeared|developed|occurred|emerged|were (?:seen|noted|observed))"
    r"|no lesions? (?:had )?(?:appeared|developed|occurred)|without (?:any )?further worsening"
    r"|without (?:any |apparent |further )?(?:complications?|adverse (?:effects?|events?"
    r"|reactions?)|side effects?|problems?)|with no (?:adverse|side) (?:effects?|events?"
    r"|reactions?)|(?:were|was) (?:\w+ )?(?:well )?tolerated|tolerat(?:ing|es|ed) (?:it|them"
    r"|the \w+|\w+) (?:\w+ )?well)\b",
    re.I,
)
"""'received the second dose of the same vaccine uneventfully', 'underwent another trial of
injections without recurrence', 'kept on continuing to receive X, and no new lesions
developed', 'the continued administration of X, without any further worsening', 'received
heparin intravenously ... without apparent complications', '... was well tolerated': the
product given again and tolerated."""
_STOP = re.compile(
    r"\b(?:discontinu\w*|withdrawn|withdrawal of|stopped|ceased|cessation of|stopping"
    r"|withdrawing|suspended|suspension of|interrupted|interruption of|(?:was|were) held"
    r"|no further (?:injections?|sessions?|treatments?)|removal of|was removed"
    r"|dissolved with hyaluronidase)\b",
    re.I,
)
_BETTER = re.compile(
    r"\b(?:improv\w*|resol\w*|subsid\w*|disappear\w*|regress\w*|heal(?:ed|ing|s)?|recover\w*"
    r"|cleared|faded|remitted|abated)\b",
    re.I,
)
_NOT_BETTER = re.compile(
    r"\b(?:persist\w*|no improvement|did not improve|worsen\w*|progress\w*)\b", re.I
)


_EACH_DOSE = re.compile(
    r"\b(?:after|with|following|at|upon|on) (?:taking |receiving |getting )?(?:each|every)"
    r" (?:(?:new|subsequent|later|further"
    r"|following|repeated|next) )?(?:[\w-]+ ){0,2}?(?:injections?|doses?|insertions?"
    r"|administrations?|sessions?|treatments?|applications?|infusions?|exposures?|vaccinations?)"
    r"\b|\brepeatedly (?:developed|experienced|had|presented|noticed|showed)\b",
    re.I,
)
"""A reaction told as coming back with each exposure (:mod:`.challenge` docstring)."""
_RECURRENT_WITH = re.compile(
    r"(?<!\bno )(?<!\bnot )\brecurr(?:ent|ing)\s+(?:[\w-]+\s+){0,4}?(?:(?:associated with"
    r"|induced by|caused by|due to|secondary to|related to|after|following)\s"
    r"|(?:reactions?|allergy|hypersensitivity)\s+to\s)",
    re.I,
)
"""A recurrent reaction told with the exposure it came back with, in one phrase ("recurrent
panniculitis associated with X injections", "a recurring injection site reaction to X",
"recurrent nodules induced by X"): the reaction came back on re-exposure, a rechallenge that
recurred (docs/annotation.md, the r7xx and w0xx decisions). A recurrent sign named without
its exposure ("recurrent swelling and headache") says nothing of one."""
_OCCURS = re.compile(
    r"\b(?:occurr\w*|appear\w*|develop\w*|recurr\w*|noticed|experienc\w*|flare\w*|reactions?"
    r"|same|similar|again|new|observ\w*|noted)\b",
    re.I,
)
"""The sentence tells a sign that came (not a technique used "with each injection")."""
_RECUR_BEFORE = re.compile(
    r"\b(?:recurr\w*|reappear\w*|relaps\w*|flared(?: up)?)\s+(?:\w+\s+){0,2}?(?:after|on|upon"
    r"|with|following)\s+(?:the\s+|its\s+)?$",
    re.I,
)
"""'but recurred after re-administration': the recurrence told before its re-exposure."""
_HISTORY = re.compile(r"[^.;]{0,80}?\b(?:prior|before|earlier|ago|previously)\b", re.I)


@dataclass
class ChallengeFacts:
    """Dechallenge and rechallenge as the text tells them, with evidence spans."""

    rechallenge_done: bool | None = None
    rechallenge_result: RechallengeResult | None = None
    rechallenge_site: str | None = None
    rechallenge_route: Route | None = None
    rechallenge_text: str | None = None
    rechallenge_sentences: set[int] = field(default_factory=set)
    dechallenge_done: bool | None = None
    dechallenge_result: DechallengeResult | None = None
    dechallenge_text: str | None = None
    recurrent_only: bool = False
    """The rechallenge is read only from a recurrent reaction told with its exposure."""
    spans: dict[str, list[Span]] = field(default_factory=dict)


def _span(sentence: Sentence, match: re.Match[str]) -> Span:
    return sentence.start + match.start(), sentence.start + match.end()


def _each_dose(patient: list[Sentence], facts: ChallengeFacts, title: Sentence | None) -> None:
    """A recurrence told with each exposure (:data:`_EACH_DOSE`), or a recurrent reaction
    told with its exposure (:data:`_RECURRENT_WITH`, in the case or the title that names
    it): recurred. Only the first kind sets its sentence apart as a rechallenge sentence; a
    recurrent reaction's sentence still tells the reaction."""
    for sentence in [*patient, *([title] if title is not None else [])]:
        each_dose = None if sentence is title else _EACH_DOSE.search(sentence.text)
        found = each_dose or _RECURRENT_WITH.search(sentence.text)
        if found and _OCCURS.search(sentence.text) and not _NO_RECUR.search(sentence.text):
            facts.recurrent_only = each_dose is None
            facts.rechallenge_done = True
            facts.rechallenge_result = RechallengeResult.recurred
            if each_dose is not None:
                facts.rechallenge_sentences.add(sentence.index)
            facts.spans["rechallenge.done"] = [_span(sentence, found)]
            facts.spans["rechallenge.result"] = [_span(sentence, found)]
            facts.rechallenge_text = sentence.text
            return


def _rechallenge(patient: list[Sentence], facts: ChallengeFacts) -> None:
    """The first re-administration told with its result; when none is, the first told."""
    first: ChallengeFacts | None = None
    for i, sentence in enumerate(patient):
        readmin = _READMIN.search(sentence.text)
        if not readmin:
            continue
        found = _readministered(patient, i, sentence, readmin)
        if found.rechallenge_result is not None:
            first = found
            break
        first = first or found
    if first is not None:
        facts.rechallenge_done = first.rechallenge_done
        facts.rechallenge_result = first.rechallenge_result
        facts.rechallenge_site = first.rechallenge_site
        facts.rechallenge_route = first.rechallenge_route
        facts.rechallenge_text = first.rechallenge_text
        facts.rechallenge_sentences |= first.rechallenge_sentences
        facts.spans.update(first.spans)


def _readministered(
    patient: list[Sentence], i: int, sentence: Sentence, readmin: re.Match[str]
) -> ChallengeFacts:
    """What one re-administration sentence tells: the recurrence before it ("but recurred
    after re-administration"), or the result in its rest or in the next sentence."""
    facts = ChallengeFacts(rechallenge_done=True)
    facts.rechallenge_sentences.add(sentence.index)
    facts.spans["rechallenge.done"] = [_span(sentence, readmin)]
    before = _RECUR_BEFORE.search(sentence.text, max(0, readmin.start() - 40), readmin.start())
    if before:
        facts.rechallenge_result = RechallengeResult.recurred
        facts.spans["rechallenge.result"] = [_span(sentence, before)]
        facts.rechallenge_text = sentence.text
        return facts
    sites = find_sites(sentence.text)
    if sites:
        site, start, end = sites[0]
        facts.rechallenge_site = site
        facts.spans["rechallenge.site"] = [(sentence.start + start, sentence.start + end)]
    routes = route_mentions(sentence)
    if routes:
        facts.rechallenge_route = routes[0][0]
        facts.spans["rechallenge.route"] = [routes[0][1:]]
    texts = [sentence.text]
    for later in patient[i : i + 2]:
        tail = later.text[readmin.end() :] if later is sentence else later.text
        offset = later.start + (readmin.end() if later is sentence else 0)
        no = _NO_RECUR.search(tail)
        yes = _RECUR.search(tail)
        if yes and _HISTORY.match(tail, yes.end()):
            yes = None  # "had a similar reaction to adalimumab 2 weeks prior": a history
        hit = no or yes
        if hit:
            facts.rechallenge_result = (
                RechallengeResult.did_not_recur if no else RechallengeResult.recurred
            )
            facts.spans["rechallenge.result"] = [(offset + hit.start(), offset + hit.end())]
            facts.rechallenge_sentences.add(later.index)
            if later is not sentence:
                clause = re.split(r",\s+and\s+|;", later.text)[0].rstrip(".")
                texts.append(clause + ".")
            break
    facts.rechallenge_text = " ".join(texts)
    return facts


_KEPT_ON = re.compile(r"\b(?:without|no|not|never)\s+(?:\w+\s+)?$", re.I)
"""A stop denied ("without discontinuation of", "was not stopped"): the product was kept."""


def _dechallenge(patient: list[Sentence], facts: ChallengeFacts) -> None:
    for i, sentence in enumerate(patient):
        stop = _STOP.search(sentence.text)
        if not stop or _KEPT_ON.search(sentence.text[: stop.start()]):
            continue
        for later in patient[i : i + 2]:
            better, worse = _BETTER.search(later.text), _NOT_BETTER.search(later.text)
            if better or worse:
                facts.dechallenge_done = True
                facts.dechallenge_result = (
                    DechallengeResult.not_improved
                    if worse and not better
                    else DechallengeResult.improved
                )
                facts.dechallenge_text = sentence.text
                facts.spans["dechallenge.done"] = [_span(sentence, stop)]
                return


def find_challenges(patient: list[Sentence], title: Sentence | None = None) -> ChallengeFacts:
    """Rechallenge and dechallenge facts from the patient sentences (and the case report's
    ``title``, for a recurrent reaction it names with its exposure)."""
    facts = ChallengeFacts()
    _rechallenge(patient, facts)
    if facts.rechallenge_result is None:
        _each_dose(patient, facts, title)
    _dechallenge(patient, facts)
    return facts


def deposit_recurrence(challenge: ChallengeFacts, medicine: bool) -> None:
    """Drop a rechallenge read only from a recurrent reaction told with its exposure when the
    suspect is no medicine given in doses (``medicine`` false: a filler, an oil, an implant):
    a material deposited once stays in the tissue, and its reaction recurs with no new dose
    (nodules coming back for years after one silicone session), which says nothing of a
    re-exposure."""
    if challenge.recurrent_only and not medicine:
        challenge.rechallenge_done = None
        challenge.rechallenge_result = None
        challenge.rechallenge_text = None
        challenge.recurrent_only = False
        for key in ("rechallenge.done", "rechallenge.result"):
            challenge.spans.pop(key, None)


def recurrence_last(challenge: ChallengeFacts, outcome: OutcomeFacts) -> None:
    """Drop an outcome told before a recurrence on re-exposure: when the recurrence is the
    last event the text tells ("resolved with topical steroids. The same eruption occurred
    with each subsequent insertion"), the reaction's last status is not stated
    (docs/annotation.md, the w0xx decisions: a recurrence on re-exposure as the last event
    gives null)."""
    recurred = challenge.spans.get("rechallenge.result")
    told = outcome.spans.get("outcome")
    if (
        challenge.rechallenge_result is RechallengeResult.recurred
        and recurred
        and told
        and outcome.outcome is not None
        and recurred[0][0] > told[-1][1]
    ):
        outcome.outcome = None
        outcome.sequelae = []
        for key in ("outcome", "sequelae"):
            outcome.spans.pop(key, None)
