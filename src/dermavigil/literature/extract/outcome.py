"""Outcome and sequelae of the reaction as the text states them (E2B E.i.7).

The outcome is the **last status stated** about the patient: sentences are read
from the last one back, and within a sentence the status told last wins ("the
swelling persisted for two weeks and then resolved": recovered; "although the
erythema improved, the pain did not resolve": not recovered). Statuses:

- *recovered with sequelae*: a lasting change the reaction left — a sequela word
  (scar, atrophy, pigmentation, deformity, deficit, ...) after a cue ("leaving",
  "healed with", "residual", "resulting in"), told after an end of the reaction
  ("resolved, but scarring developed"), or said to remain or be permanent;
- *recovering*: improvement short of complete — a degree ("significantly",
  "markedly", "partial", "almost complete"), or the reaction's own lesions
  remaining ("though residual nodules remained"), or a course of improvement;
  a pace ("gradually subsided") is not a degree;
- *recovered*: complete or unqualified resolution ("resolved", "remitted", "total
  resolution", "discharged in good general condition", "the outcome was good"), or
  the patient free of it at a follow-up ("no recurrence", "remained asymptomatic");
- *not recovered*: persistence, "still present", improvement negated ("did not
  improve", "without any improvement");
- *fatal*: death, whenever stated of the patient (not what a class of reactions can do:
  "a rare and sometimes fatal complication").

A status in a sentence set before the case ("seven months ago ... healed"), or
only possible ("may heal leaving a scar"), is not the outcome; a pluperfect one
("had persisted") only when nothing later is stated. The subject tells which
reactions it covers: "the lesions" means the visible lesions, anything else all.
The status one sentence states is read by :mod:`.outcome_sentence`, whether it is the
reaction's by :mod:`.outcome_subject`, what ends a status before the narrative's end by
:mod:`.outcome_superseded`, seriousness by :mod:`.seriousness`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dermavigil.domain.vocab import Outcome, SeriousnessCriterion
from dermavigil.literature.extract.outcome_sentence import (
    FEELING_OF,
    KIND_BEFORE,
    present,
    sentence_status,
)
from dermavigil.literature.extract.outcome_subject import told_of_other
from dermavigil.literature.extract.outcome_superseded import superseded
from dermavigil.literature.extract.outcome_transient import transient_status
from dermavigil.literature.extract.outcome_words import OUTCOMES, StatusMention
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.seriousness import find_seriousness
from dermavigil.literature.extract.seriousness_codes import reaction_criteria
from dermavigil.literature.extract.seriousness_history import history_sentences
from dermavigil.literature.extract.stated_nothing import definitions, index_terms

Span = tuple[int, int]

_SUMMARY = re.compile(
    r"\b(?:we (?:hereby )?(?:report|present|describe|discuss)|(?:this|the present) (?:case"
    r"|report|article|paper|letter)|a case of)\b"
    r"|\b(?:an?|one|our|the) (?:[\w-]+ ){0,2}?case(?: report| history)?\b(?:(?!\bcases\b)"
    r"[^.;]){0,80}?\b(?:is|was) (?:here )?(?:presented|reported|described)\b",
    re.I,
)
"""A sentence that sums the case up, often with its final outcome ("We report a case of ...
with almost complete resolution", and in the passive "an unusual case is described ...
that persisted despite three courses"): read when the narrative states only an earlier state. Cases
of the literature ("cases have been reported") are no summary of this one."""
_PLUPERFECT = re.compile(
    r"\bhad (?:(?!(?:an?|the|no|some|any|his|her|their|its|this|that|these|those|only|one"
    r"|two|\d+)\b)\w+ )?(?:been )?$",
    re.I,
)
"""'The eruption had persisted for months despite ...': a state before the narrative's end."""
_PARTICIPLE = re.compile(
    r"(?:\w+(?:ed|en|wn|ly)|shrunk|gone|begun|become|left|almost|nearly|not|still|never"
    r"|already|then|since|also|just|now|to)\b",
    re.I,
)
"""The pluperfect is "had" with a past participle ("had resolved", "had almost cleared"); "had"
before a noun phrase ("had an amputation", "had residual lesions", "had complete resolution")
is the past of "have", a state told at the narrative's time (Quirk et al. 1985, 4.22)."""
_TIMED_AFTER = re.compile(
    r"^\s+(?:\w+ly\s+)?(?:after|within|by)\s+(?:about\s+)?(?:\d+|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|twelve|several|a few)[\s-]+(?:hours?|days?|weeks?|months?|years?)\b",
    re.I,
)
"""'The lesion had almost cleared after 4 weeks': a pluperfect timed right after it is the
state at that time, not one before the narrative's end."""
_TIMED = re.compile(
    r"\b(?:by|at|within)\s+(?:the\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|twelve|several|a few)[\s-]+(?:hours?|days?|weeks?|months?|years?)\b(?:[\s-]+(?:after|post"
    r"|following|later|follow-?up)\b)?|\b(?:by|at) (?:the |her |his )?(?:[\w-]+ )?(?:follow-?up"
    r"|discharge)\b",
    re.I,
)
"""'By 21 days after her injection, she had resumed normal activity', 'The patient had healed
at two months after the injection': a pluperfect timed from the exposure or at a follow-up is
the state at that time, not one before the narrative's end."""
_BEFORE_CASE = re.compile(
    r"\b(?:ago|earlier|previously)\b|^\W*(?:before|prior to) (?:the |her |his |this )?"
    r"(?:surgery|procedure|operation|injections?|treatment|vaccination|admission)\b"
    r"|\b(?:medical|past|personal|previous|family) history (?:included|includes|of|was|is"
    r"|revealed|showed)\b",
    re.I,
)
"""'Seven months ago she was vaccinated ... and the site healed', 'a similar event in the same
buttock a year earlier that had resolved', 'Before surgery, she complained of ... but her
symptoms had improved', 'her medical history included eczema, which was in remission': history
before the case (the medical history is what the patient had before it, ICH E2B D.7)."""
_LASTING = re.compile(r"(?:irreversibl|permanent)\w*", re.I)
"""'Irreversible Blindness Following ...': a title that tells a lasting state."""
_PERSISTENT = re.compile(
    r"\b(?:present(?:ed|ing|s)?|complain\w*|referred|evaluation|consult\w*|came)\b[^.;]{0,40}?"
    r"\bpersistent\b|^persistent\b",
    re.I,
)
"""'presented with persistent nodules', a title 'Persistent ... after ...': the reaction had not
resolved when the patient was seen, and the text states no later status."""
_HEDGED = re.compile(
    r"\b(?:sometimes|even|potentially|possibly|occasionally|often|rarely|frequently|can|may"
    r"|could|might|risk (?:of|for)|no)(?: be| lead to| result in| become)?\s+(?:\w+ )?$",
    re.I,
)
"""'a debilitating and sometimes fatal complication', 'can lead to fatal complications', 'a
higher risk for fatal anaphylaxis': what a reaction class can do, not this patient's death
(as is a present-tense description of a kind, :data:`.outcome_sentence.KIND_BEFORE`)."""


_DISCHARGED = re.compile(r"\b(?:was|were) (?:\w+ )?discharged\b(?! against)", re.I)
"""'He was discharged after sixteen days of hospitalization': a discharge with no end status
stated is recovering (docs/annotation.md, the v0xx decisions), read only when the narrative
states no other status."""


@dataclass
class OutcomeFacts:
    """Outcome, sequelae, seriousness and whom they concern, with spans."""

    outcome: Outcome | None = None
    sequelae: list[str] = field(default_factory=list)
    lesions_only: bool = False
    seriousness: list[SeriousnessCriterion] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)


def _pluperfect(text: str, status: StatusMention) -> bool:
    """Whether ``status`` is told in the pluperfect (:data:`_PLUPERFECT`, :data:`_PARTICIPLE`)
    and not timed right after (:data:`_TIMED_AFTER`)."""
    before = _PLUPERFECT.search(text[: status.span[0]])
    if before is None:
        return False
    after_had = before.start() + 4  # the word right after "had": an adverb, "been" or the status
    return _PARTICIPLE.match(text, after_had) is not None and not _TIMED_AFTER.match(
        text[status.span[1] :]
    )


def _keep(facts: OutcomeFacts, sentence: Sentence, status: StatusMention) -> None:
    facts.outcome = status.outcome
    start = sentence.start
    facts.spans["outcome"] = [(start + status.span[0], start + status.span[1])]
    facts.lesions_only = bool(re.search(r"\b(?:the|these|all) lesions?\b", sentence.text, re.I))
    facts.sequelae = []
    facts.spans.pop("sequelae", None)
    if status.sequela:
        facts.sequelae = [sentence.text[a:b].strip() for a, b in status.sequela]
        facts.spans["sequelae"] = [(start + a, start + b) for a, b in status.sequela]


def _persistent(facts: OutcomeFacts, sentences: list[Sentence]) -> None:
    for sentence in sentences:
        match = _PERSISTENT.search(sentence.text)
        if match and present(sentence, *match.span()):
            _keep(facts, sentence, StatusMention(Outcome.not_recovered, 3, match.span()))
            return


def _superseded(facts: OutcomeFacts, sentence: Sentence, later: list[Sentence]) -> None:
    """A new episode, or a treatment begun after 'persisted', told after the status
    ``sentence`` states, and nothing said since (:func:`.outcome_superseded.superseded`):
    the outcome is unknown."""
    told_at = facts.spans["outcome"][0][1] - sentence.start if facts.spans.get("outcome") else 0
    if superseded(facts.outcome, told_at, sentence, later):
        facts.outcome, facts.sequelae, facts.spans = None, [], {}


def summaries(sentences: list[Sentence], told: list[Sentence]) -> list[Sentence]:
    """The sentences outside the case sentences ``told`` that sum the case up ("This article
    presents the case of ... which required multiple debridements", "This case highlights the
    successful management of ..."): an introduction or a methods sentence about this case,
    which the section filter leaves out; the title is read on its own."""
    inside = {s.index for s in told}
    return [
        s
        for s in sentences
        if s.index not in inside and s.section != "title" and _SUMMARY.search(s.text)
    ]


def _last_status(
    facts: OutcomeFacts,
    patient: list[Sentence],
    first_reaction: int,
    title: Sentence | None = None,
    summed: Sequence[Sentence] = (),
    indications: Sequence[str] = (),
) -> None:
    later = [s for s in patient if s.index >= first_reaction]
    earlier: tuple[Sentence, StatusMention] | None = None
    for sentence in reversed(later):
        status = sentence_status(sentence)
        if status is None or _BEFORE_CASE.search(sentence.text, 0, status.span[0]):
            continue
        if told_of_other(sentence.text, status, indications):
            continue
        if _pluperfect(sentence.text, status) and not _TIMED.search(sentence.text):
            earlier = earlier or (sentence, status)
            continue  # a pluperfect state yields to any outcome told in the narrative
        _keep(facts, sentence, status)
        _superseded(facts, sentence, later)
        return
    summary = [s for s in patient if s.index < first_reaction or _SUMMARY.search(s.text)]
    summary = sorted([*summary, *summed], key=lambda s: s.index)
    for sentence in reversed(summary):
        status = sentence_status(sentence) if _SUMMARY.search(sentence.text) else None
        if status is not None and not _pluperfect(sentence.text, status):
            _keep(facts, sentence, status)
            return
    told = sentence_status(title) if title is not None else None
    if earlier is not None:
        _keep(facts, *earlier)
        _superseded(facts, earlier[0], later)
    elif told is not None and (
        told.outcome is not Outcome.not_recovered
        or _LASTING.match(title.text, told.span[0]) is not None
    ):
        # "Curing the Blues: Resolution of the Tyndall Effect Through Removal of ...",
        # "Irreversible Blindness Following ...": the title tells how the case ended when the
        # narrative does not (a "persistent" sign in a title is the state at presentation)
        _keep(facts, title, told)
    else:
        _persistent(facts, patient)


def first_told(sentences: Sequence[Sentence], spans: Iterable[Span], first: int) -> int:
    """The first sentence the narrative's statuses are read from: ``first`` (where a reaction
    was first named after the title; 0 when every one was first named in the opening
    sentence, then all are read), or an earlier sentence after the title that tells any of
    the reactions again (at any of their mentions' ``spans``): "skin necrosis" named in the
    title and told in the case is told there, not where a discussion first names another
    reaction (docs/annotation.md, outcome: the last stated status)."""
    if first <= 0:
        return first
    starts = sorted(a for a, _ in spans)
    told = [
        s.index
        for s in sentences
        if 0 < s.index < first
        and s.section != "title"
        and any(s.start <= a < s.end for a in starts)
    ]
    return min(told, default=first)


def find_outcome(
    patient: list[Sentence],
    first_reaction: int,
    serious_from: list[Sentence] | None = None,
    reactions: Iterable[tuple[Iterable[str], list[Span]]] = (),
    title: Sentence | None = None,
    exposure: Sentence | None = None,
    summed: Sequence[Sentence] = (),
    indications: Sequence[str] = (),
    given: Sentence | None = None,
) -> OutcomeFacts:
    """Outcome facts from case sentences from the first reaction sentence on.

    Seriousness is read from ``serious_from`` (the patient sentences) when given, and from
    the HPO codes of ``reactions`` (each its codes and evidence spans), see
    :func:`.seriousness.reaction_criteria`; ``exposure`` (the first case sentence naming the
    suspect) dates an admission, see :func:`.seriousness.find_seriousness`; ``summed`` (the
    sentences outside the case that sum it up, :func:`summaries`) give the outcome when the
    narrative states none, and seriousness criteria; ``indications``
    (:func:`.outcome_subject.indication_heads`)
    tell which statuses are the indication's; ``given`` (the first case sentence that tells the
    suspect given, :func:`.seriousness_history.given_sentence`) ends the illness it was given
    in, whose criteria are none of the reaction's (:func:`.seriousness_history.history_sentences`).
    """
    facts = OutcomeFacts()
    # "An event is serious when ...: death, ...", "Keywords: ...; amputation": no status
    defined = definitions(patient) | index_terms(patient)
    patient = [s for s in patient if s.index not in defined]
    _last_status(facts, patient, first_reaction, title, summed, indications)
    for sentence in patient:
        match = next(
            (
                m
                for m in OUTCOMES[0][1].finditer(sentence.text)
                if not _HEDGED.search(sentence.text[max(0, m.start() - 30) : m.start()])
                and not FEELING_OF.search(sentence.text[max(0, m.start() - 30) : m.start()])
                and not KIND_BEFORE.search(sentence.text[: m.start()])
            ),
            None,
        )
        if match and present(sentence, *match.span()) and facts.outcome is not Outcome.fatal:
            _keep(
                facts, sentence, StatusMention(Outcome.fatal, 2, match.span())
            )  # death is the last status
            break
    resolved = (
        facts.spans["outcome"][0][1]
        if facts.outcome in (Outcome.recovered, Outcome.recovering, Outcome.recovered_with_sequelae)
        else None
    )
    serious_from = sorted(
        [*(patient if serious_from is None else serious_from), *summed], key=lambda s: s.index
    )
    reactions = [(list(codes), spans) for codes, spans in reactions]
    told = [span for _, spans in reactions for span in spans]
    history = history_sentences(patient, given)
    criteria, spans = find_seriousness(
        serious_from,
        first_reaction,
        resolved,
        exposure,
        told,
        history,
    )
    before = [(s.start, s.end) for s in patient if s.index in history]
    # a reaction told only in the illness the suspect was given in is no criterion
    reactions = [
        (codes, kept)
        for codes, spans in reactions
        if (kept := [p for p in spans if not any(a <= p[0] < b for a, b in before)])
    ]
    facts.seriousness = criteria
    if spans:
        facts.spans["seriousness"] = spans
    for criterion, found in reaction_criteria(reactions):
        if criterion not in facts.seriousness:
            facts.seriousness.append(criterion)
            facts.spans.setdefault("seriousness", []).extend(found)
    if facts.outcome is Outcome.fatal and SeriousnessCriterion.death not in facts.seriousness:
        # "a case ... that turned out to be fatal": the fatal outcome is the death criterion
        facts.seriousness.insert(0, SeriousnessCriterion.death)
        facts.spans.setdefault("seriousness", []).extend(facts.spans.get("outcome", []))
    # read after seriousness: a discharge is no resolution an operation is tied to
    narrative = [s for s in patient if s.index >= first_reaction]
    if facts.outcome is None and not any(sentence_status(s) for s in narrative):
        short = transient_status(
            sorted([*patient, *summed], key=lambda s: s.index), [spans for _, spans in reactions]
        )
        if short is not None:  # "a transient facial nerve palsy": recovered
            _keep(facts, *short)
            return facts
        for sentence in reversed(narrative):
            found = _DISCHARGED.search(sentence.text)
            if found and present(sentence, *found.span()):
                _keep(facts, sentence, StatusMention(Outcome.recovering, 5, found.span()))
                seriousness = facts.spans.get("seriousness")
                _superseded(facts, sentence, narrative)  # "came back for a review" after it
                if seriousness:
                    facts.spans["seriousness"] = seriousness
                break
    return facts
