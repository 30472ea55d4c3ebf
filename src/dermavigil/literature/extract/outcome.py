"""Outcome, sequelae and seriousness of the reaction as the text states them.

Outcome (E2B E.i.7) from the last patient sentence with an outcome cue:
"leaving / resolved with / residual X" -> recovered with sequelae (X kept
verbatim as a sequela); "resolved completely / fully recovered" ->
recovered; "improved / improvement" -> recovering; "persisted / permanent"
-> not recovered; "died" -> fatal. The subject tells which reactions it
covers: "the lesions" means the visible lesions, anything else all of them.
Seriousness criteria (ICH E2A) are only taken when stated: death,
life-threatening, hospitalisation, permanent disability.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dermavigil.domain.vocab import Outcome, SeriousnessCriterion
from dermavigil.literature.extract.negation import Assertion, assertion
from dermavigil.literature.extract.sentences import Sentence

Span = tuple[int, int]

_SEQUELA = re.compile(
    r"\b(?:leaving(?: behind)?|left(?: behind)?(?=\s+(?:an?|some|mild|persistent)\b)"
    r"|resolution with|with residual|residual"
    r"|led to an?(?= (?:aesthetic|cosmetic) sequel)"
    r"|(?:healed|resolved|recovered) (?:\w+ |(?:over|within|in|after) (?:[\w-]+ ){0,2}"
    r"(?:days?|weeks?|months?|years?) )?"
    r"with(?! (?:an? )?(?:acceptable|good|excellent"
    r"|satisfactory|no|out)\b))"
    r"\s+(?:an?\s+|some\s+|mild\s+|persistent\s+)?(?!(?:filler|product|material|hyaluronic"
    r"|substance|toxin|drug|vaccine)\b)(?P<seq>[a-z][a-z -]{2,60}?)(?=[.,;]|\s+(?:and|at"
    r"|on|that|which|after)\b|$)",
    re.I,
)
_OUTCOMES: tuple[tuple[Outcome, re.Pattern[str]], ...] = (
    (
        Outcome.fatal,
        re.compile(r"\b(?:died|(?<!risk of )death|(?<!potentially )fatal|passed away)\b", re.I),
    ),
    (
        Outcome.not_recovered,
        re.compile(
            r"\b(?:persist(?!ent\b)\w*|(?:was|were|is|are|remained) persistent"
            r"|persistent(?= (?:at|after|despite|for|until|over)\b)|permanent\w*"
            r"|did not (?:resolve|improve)|no improvement|no (?:significant |further )?(?:effect"
            r"|response|benefit) (?:was|were) (?:observed|seen|noted)"
            r"|remained unchanged|irreversible|not (?:been )?restored|still (?:present|visible"
            r"|sever\w*)|did not show any (?:alleviation|improvement))\b",
            re.I,
        ),
    ),
    (
        Outcome.recovered,
        re.compile(
            r"\b(?:(?:completely|fully|entirely|totally) (?:resolved|recovered|healed|"
            r"disappeared|regressed)|complete (?:\w+ )?(?:resolution|recovery|healing)|(?:resolved|"
            r"regressed) (?:completely|fully|entirely|without sequelae)|recovered|resolved"
            r"|healed|disappeared|faded(?! partially| slightly| somewhat)|vanished|settled"
            r"(?= (?:completely|fully|within|over|after|in|on|with)\b)|cleared"
            r"(?= (?:completely|fully|entirely|without|within|over|after|in)\b)"
            r"|(?:excellent|full|complete|successful|satisfactory) "
            r"(?:resolution|outcome|recovery)|withdrew|to resolve"
            r"|(?:healed|resolved) uneventfully"
            r"|return(?:ed|ing)? to (?:pain-free|normal|full|baseline) (?:function|activit\w+|use)"
            r"|(?:was|were|has been|have been) successfully (?:treated|managed)"
            r"|successful (?:\w+ and )?resolution"
            r"|(?:regained|had|has|with) (?:an? )?(?:normal|full) (?:range of (?:\w+ )?"
            r"(?:motion|movements?)|function|vision|sensation)"
            r"|(?<!partially )(?<!gradually )(?<!slowly )(?<!partly )(?:subsided|regressed)"
            r"(?! partially| partly| slightly| somewhat| gradually))\b",
            re.I,
        ),
    ),
    (
        Outcome.recovering,
        re.compile(
            r"\b(?:improv\w*|resolving|healing|subsid\w*|regress\w*|partial (?:resolution"
            r"|response)|relieve\w*|(?:dramatic\w*|good|marked) response|continued to shrink"
            r"|evolved favou?rably|favou?rable (?:evolution|course))\b",
            re.I,
        ),
    ),
)
_SERIOUS: tuple[tuple[SeriousnessCriterion, re.Pattern[str]], ...] = (
    (
        SeriousnessCriterion.death,
        re.compile(
            r"\b(?:died|death of the patient|(?<!potentially )fatal (?:outcome|reaction|case)"
            r"|cause of death|first death|was declared dead|passed away|(?<!risk of )death)\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.life_threatening,
        re.compile(
            r"\b(?:(?<!potentially )life[- ]threatening|intubat\w+|ventilat(?:ed|ory support)"
            r"|anaphyla\w+|(?:iatrogenic )?botulism|respiratory (?:distress|failure|arrest)"
            r"|cardiac arrest|septic shock|necroti[sz]ing fasciitis|compartment syndrome|coma"
            r"|convulsions?)\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.hospitalisation,
        re.compile(
            r"\b(?:hospitali[sz](?:ed|ation)|admitted(?! to (?:an? |the |our )?(?:\w+ )?outpatient)"
            r"|admission|hospital stay|inpatient"
            r"|intensive care|ICU)\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.disability,
        re.compile(
            r"\b(?:blind(?:ness)?(?!-)|(?:vision|visual) loss|loss of (?:vision|sight)"
            r"|lost (?:all )?sight"
            r"|vision (?:was )?not restored|paraly\w+|paresis|hemiparesis|amputat\w+"
            r"|loss of the (?:affected )?(?:toe|finger|limb)|disfigur\w+|permanent (?:\w+ )?"
            r"(?:deficit|damage|disability|paralysis|loss)|motor deficit|transection of the spinal"
            r"|transverse myelitis)\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.medically_important,
        re.compile(
            r"\b(?:debridement|debrided|excision|excised|skin graft\w*|grafting|fasciotomy"
            r"|surgical (?:drainage|intervention|removal|excision|exploration|management)"
            r"|underwent (?:\w+ )?surgery|\d+ operations|operated on|incision|serious"
            r" (?:complication|adverse (?:event|reaction))s?"
            r"|(?:lesion|mass|swelling|nodule|granuloma|node|collection|abscess|cyst)s?"
            r" (?:was|were) (?:then )?(?:surgically |completely )?(?:removed|resected)"
            r"|remov(?:ed|ing|al of) (?:the |it )?(?:\w+ ){0,2}surgically|resection)\b",
            re.I,
        ),
    ),
)


_PARTIAL = re.compile(
    r"\b(?:almost|nearly|near|partial(?:ly)?|partly|incomplete(?:ly)?)\s+(?:complete\s+)?"
    r"(?:resolution|recovery|healing|resolved|healed|disappear\w*|regress\w*|remission)\b"
    r"|\bonly (?:an? |some )?(?:\S+ ){0,5}?(?:remained|was left|were left)\b",
    re.I,
)
"""'almost complete resolution', 'only a small area of eschar remained': recovering, not
recovered."""
_LASTING = re.compile(
    r"(?:\b(?:the|his|her|a|an) |^)(?P<seq>[a-z][a-z -]{2,60}?) (?:was|were|is|are|remained)"
    r" (?:considered |deemed |judged )?permanent\b"
    r"|\b(?:late |permanent |residual )?sequelae (?:included|were|was|consisted of|comprised)\s+"
    r"(?P<seq2>[a-z][a-z -]{2,60}?)(?=[.,;]|\s+(?:and|at|on|that|which|after)\b|$)",
    re.I,
)
"""A deficit said to be permanent, or the sequelae listed: recovered with sequelae (the
annotation convention: a permanent deficit is a sequela; "not restored" is not recovered)."""
_SUMMARY = re.compile(
    r"\b(?:we (?:hereby )?(?:report|present|describe)|(?:this|the present) (?:case|report)"
    r"|a case of)\b",
    re.I,
)
"""A sentence that sums the case up, often with its final outcome ("We report a case of ...
with almost complete resolution"): read when the narrative states only an earlier state."""
_MODAL_BEFORE = re.compile(
    r"\b(?:can|may|might|should|would|will|to|expected to|likely to)\s+(?:\w+\s+)?$", re.I
)
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|may|should|(?:was|were) (?:thought|considered|planned|proposed"
    r"|discussed|offered|recommended|advised)|if)\b",
    re.I,
)
"""A sentence about what was only considered ("it was thought that surgical excision would not
help", "excision may be needed"): no seriousness criterion is taken from it."""
_PLUPERFECT = re.compile(r"\bhad (?:\w+ )?(?:been )?$", re.I)
"""'The eruption had persisted for months despite ...': a state before the narrative's end."""


_TREATED_AFTER = re.compile(
    r"\b(?:began|started|initiated|underwent|(?:was|were) (?:then )?(?:treated|started)"
    r"|(?:was|were) (?:surgically )?(?:removed|excised|drained|debrided)|removing|applied"
    r"|surgery was performed)\b",
    re.I,
)
"""A treatment begun after the status a sentence states: that status is no longer the last."""
_NEW_EPISODE = re.compile(
    r"\b(?:came back|returned to (?:us|our|the)|re-?presented|presented again|was referred again"
    r"|(?:was|were) seen again)\b",
    re.I,
)
"""The patient back with a new complaint after the status a sentence states (an early swelling
resolved, then a late reaction): that status is not the outcome of the reaction reported."""
_PERSISTENT = re.compile(
    r"\b(?:present(?:ed|ing|s)?|complain\w*|referred|evaluation|consult\w*|came)\b[^.;]{0,40}?"
    r"\bpersistent\b|^persistent\b",
    re.I,
)
"""'presented with persistent nodules', a title 'Persistent ... after ...': the reaction had not
resolved when the patient was seen, and the text states no later status."""


@dataclass
class OutcomeFacts:
    """Outcome, sequelae, seriousness and whom they concern, with spans."""

    outcome: Outcome | None = None
    sequelae: list[str] = field(default_factory=list)
    lesions_only: bool = False
    seriousness: list[SeriousnessCriterion] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)


_CLAUSE = re.compile(
    r"(?:,|;|\band\b|\bbut\b|\bwhile\b)\s+(?=(?:the|his|her|all|its|their)\b)", re.I
)
"""A clause boundary before a new subject ("no new lesions appeared and the existing lesion
continued to shrink"): a negation before it does not reach the outcome after it."""


def _present(sentence: Sentence, match: re.Match[str]) -> bool:
    cuts = [m.end() for m in _CLAUSE.finditer(sentence.text, 0, match.start())]
    begin = cuts[-1] if cuts else 0
    clause = sentence.text[begin:]
    status = assertion(clause, match.start() - begin, match.end() - begin)
    return status is Assertion.present


_MODAL_AFTER = re.compile(r"^[^.;,]{0,80}?\b(?:can|may|might|should|could|would)\b", re.I)
"""'improved training of staff may decrease its occurrence': a possibility, not a status."""


def _stated(sentence: Sentence, match: re.Match[str] | None) -> bool:
    """Asserted and not a possibility ("can improve", "is expected to resolve")."""
    if match is None or not _present(sentence, match):
        return False
    return not (
        _MODAL_BEFORE.search(sentence.text[: match.start()])
        or _MODAL_AFTER.match(sentence.text[match.end() :])
    )


def _sentence_outcome(
    sentence: Sentence,
) -> tuple[Outcome, tuple[int, int], re.Match[str] | None] | None:
    """The outcome a sentence states: (outcome, span, sequela match or None)."""
    for pattern in (_SEQUELA, _LASTING):
        sequela = pattern.search(sentence.text)
        if _stated(sentence, sequela):
            assert sequela is not None
            return Outcome.recovered_with_sequelae, sequela.span(), sequela
    partial = _PARTIAL.search(sentence.text)
    if _stated(sentence, partial):
        assert partial is not None
        return Outcome.recovering, partial.span(), None
    for candidate, pattern in _OUTCOMES:
        match = pattern.search(sentence.text)
        if _stated(sentence, match):
            assert match is not None
            return candidate, match.span(), None
    return None


def _keep(
    facts: OutcomeFacts,
    sentence: Sentence,
    outcome: Outcome,
    span: tuple[int, int],
    sequela: re.Match[str] | None,
) -> None:
    facts.outcome = outcome
    facts.spans["outcome"] = [(sentence.start + span[0], sentence.start + span[1])]
    facts.lesions_only = bool(re.search(r"\b(?:the|these|all) lesions?\b", sentence.text, re.I))
    if sequela is not None:
        group = "seq" if sequela.groupdict().get("seq") else "seq2"
        if sequela.group(group):
            facts.sequelae = [sequela.group(group).strip()]
            facts.spans["sequelae"] = [
                (sentence.start + sequela.start(group), sentence.start + sequela.end(group))
            ]


def _persistent(facts: OutcomeFacts, sentences: list[Sentence]) -> None:
    for sentence in sentences:
        match = _PERSISTENT.search(sentence.text)
        if match and _present(sentence, match):
            _keep(facts, sentence, Outcome.not_recovered, match.span(), None)
            return


def _superseded(facts: OutcomeFacts, sentence: Sentence, later: list[Sentence]) -> None:
    """A new episode, or a treatment begun after 'persisted', told after the status
    ``sentence`` states, and nothing said since: the outcome is unknown."""
    after = [s for s in later if s.index > sentence.index]
    if any(_NEW_EPISODE.search(s.text) for s in after) or (
        facts.outcome is Outcome.not_recovered and any(_TREATED_AFTER.search(s.text) for s in after)
    ):
        facts.outcome, facts.sequelae, facts.spans = None, [], {}


def find_outcome(
    patient: list[Sentence], first_reaction: int, serious_from: list[Sentence] | None = None
) -> OutcomeFacts:
    """Outcome facts from case sentences from the first reaction sentence on.

    Seriousness is read from ``serious_from`` (the patient sentences) when given.
    """
    facts = OutcomeFacts()
    later = [s for s in patient if s.index >= first_reaction]
    earlier: tuple[Sentence, Outcome, tuple[int, int], re.Match[str] | None] | None = None
    for sentence in reversed(later):
        found = _sentence_outcome(sentence)
        if found is None:
            continue
        outcome, span, sequela = found
        if _PLUPERFECT.search(sentence.text[: span[0]]):
            earlier = earlier or (sentence, outcome, span, sequela)
            continue  # a pluperfect state yields to any outcome told in the narrative
        _keep(facts, sentence, outcome, span, sequela)
        _superseded(facts, sentence, later)
        break
    else:
        summary = [s for s in patient if s.index < first_reaction or _SUMMARY.search(s.text)]
        for sentence in reversed(summary):
            found = _sentence_outcome(sentence) if _SUMMARY.search(sentence.text) else None
            if found is not None and not _PLUPERFECT.search(sentence.text[: found[1][0]]):
                _keep(facts, sentence, found[0], found[1], found[2])
                break
        else:
            if earlier is not None:
                _keep(facts, *earlier)
                _superseded(facts, earlier[0], later)
            else:
                _persistent(facts, patient)
    for sentence in patient:
        match = _OUTCOMES[0][1].search(sentence.text)
        if match and _present(sentence, match) and facts.outcome is not Outcome.fatal:
            _keep(facts, sentence, Outcome.fatal, match.span(), None)  # death is the last status
            break
    for sentence in patient if serious_from is None else serious_from:
        for criterion, pattern in _SERIOUS:
            match = pattern.search(sentence.text)
            if (
                match
                and _present(sentence, match)
                and not _HYPOTHETICAL.search(
                    sentence.text[max(0, match.start() - 60) : match.start()]
                )
                and criterion not in facts.seriousness
            ):
                facts.seriousness.append(criterion)
                facts.spans.setdefault("seriousness", []).append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
    if facts.outcome is Outcome.fatal and SeriousnessCriterion.death not in facts.seriousness:
        # "a case ... that turned out to be fatal": the fatal outcome is the death criterion
        facts.seriousness.insert(0, SeriousnessCriterion.death)
        facts.spans.setdefault("seriousness", []).extend(facts.spans.get("outcome", []))
    return facts
