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
    r"|(?:healed|resolved|recovered) (?:\w+ )?with(?! (?:an? )?(?:acceptable|good|excellent"
    r"|satisfactory|no|out)\b))"
    r"\s+(?:an?\s+|some\s+|mild\s+|persistent\s+)?(?P<seq>[a-z][a-z -]{2,60}?)(?=[.,;]|\s+(?:and|at"
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
            r"\b(?:persist\w*|permanent\w*|did not (?:resolve|improve)|no improvement"
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
            r"|healed|disappeared|(?:excellent|full|complete|successful|satisfactory) "
            r"(?:resolution|outcome|recovery)|withdrew|to resolve"
            r"|(?:healed|resolved) uneventfully)\b",
            re.I,
        ),
    ),
    (
        Outcome.recovering,
        re.compile(
            r"\b(?:improv\w*|resolving|healing|subsid\w*|regress\w*|partial (?:resolution"
            r"|response)|relieve\w*|(?:dramatic\w*|good|marked) response|continued to shrink)\b",
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
            r"\b(?:hospitali[sz](?:ed|ation)|admitted|admission|hospital stay|inpatient"
            r"|intensive care|ICU)\b",
            re.I,
        ),
    ),
    (
        SeriousnessCriterion.disability,
        re.compile(
            r"\b(?:blind(?:ness)?|(?:vision|visual) loss|loss of (?:vision|sight)"
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
            r" (?:complication|adverse (?:event|reaction))s?)\b",
            re.I,
        ),
    ),
)


@dataclass
class OutcomeFacts:
    """Outcome, sequelae, seriousness and whom they concern, with spans."""

    outcome: Outcome | None = None
    sequelae: list[str] = field(default_factory=list)
    lesions_only: bool = False
    seriousness: list[SeriousnessCriterion] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)


def _present(sentence: Sentence, match: re.Match[str]) -> bool:
    return assertion(sentence.text, match.start(), match.end()) is Assertion.present


def find_outcome(patient: list[Sentence], first_reaction: int) -> OutcomeFacts:
    """Outcome facts from patient sentences after the first reaction sentence."""
    facts = OutcomeFacts()
    later = [s for s in patient if s.index > first_reaction]
    for sentence in reversed(later):
        sequela = _SEQUELA.search(sentence.text)
        outcome = None
        if sequela and _present(sentence, sequela):
            outcome = Outcome.recovered_with_sequelae
            facts.sequelae.append(sequela.group("seq").strip())
            facts.spans["sequelae"] = [
                (sentence.start + sequela.start("seq"), sentence.start + sequela.end("seq"))
            ]
            span = sequela.span()
        else:
            for candidate, pattern in _OUTCOMES:
                match = pattern.search(sentence.text)
                if match and _present(sentence, match):
                    outcome, span = candidate, match.span()
                    break
        if outcome is not None:
            facts.outcome = outcome
            facts.spans["outcome"] = [(sentence.start + span[0], sentence.start + span[1])]
            facts.lesions_only = bool(
                re.search(r"\b(?:the|these|all) lesions?\b", sentence.text, re.I)
            )
            break
    for sentence in patient:
        for criterion, pattern in _SERIOUS:
            match = pattern.search(sentence.text)
            if match and _present(sentence, match) and criterion not in facts.seriousness:
                facts.seriousness.append(criterion)
                facts.spans.setdefault("seriousness", []).append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
    return facts
