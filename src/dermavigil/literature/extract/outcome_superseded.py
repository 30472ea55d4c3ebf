"""What ends the status a sentence states before the narrative's end, for :mod:`.outcome`.

The outcome is the last status stated (docs/annotation.md, outcome); a status is no longer
the last when the narrative goes on past it: a new episode told in its own sentence or
after it ("resolved within 48 h; then four days later she had the same symptoms"), the
suspect given again with the sign back, the patient seeking care or seen again while the
reaction was still there, the state at presentation told as having worsened, or a
treatment begun after a persistence. :func:`superseded` says whether one of these follows.
"""

from __future__ import annotations

import re

from dermavigil.domain.vocab import Outcome
from dermavigil.literature.extract.sentences import Sentence

_TREATED_AFTER = re.compile(
    r"\b(?:began|started|initiated|underwent|(?:was|were) (?:then )?(?:treated|started)"
    r"|(?:was|were) (?:surgically )?(?:removed|excised|drained|debrided)|removing|applied"
    r"|(?:we|he|she|they|surgeons?|clinicians?|physicians?) (?:then )?(?:removed|excised|drained)"
    r"|surgery was performed|(?:treatments?|therap(?:y|ies)) (?:was|were) (?:\w+ )?(?:conducted"
    r"|administered|given))\b",
    re.I,
)
"""A treatment begun after the status a sentence states, told in the passive or the active
voice ("the nodule was excised", "we then drained the collection"): that status is no
longer the last."""
_SEEN_AFTER = re.compile(
    r"\b(?:presented|was (?:then )?referred|consulted|(?:was )?transferred|in transfer|came to"
    r"|visited|prescribed|was given|were given|received|was started on|was switched"
    r"|(?:physical|clinical|dermatologic\w*) examination (?:revealed|showed|demonstrated)"
    # the same told by the verb's noun: "at presentation", "a consultation was obtained"
    r"|(?:at|on|upon) (?:(?:her|his|the|initial|first) )?(?:presentation|admission|arrival)"
    r"|(?:consultation|referral) (?:was|were) (?:then )?(?:obtained|requested|sought|arranged"
    r"|made))\b",
    re.I,
)
"""The patient seen elsewhere or given a new treatment after an interim status ('oral
clindamycin provided some improvement' ... 'she then consulted another practitioner who
prescribed ...'), told by the verb or by its noun ('did not improve, so a consultation was
obtained', 'but did not improve. At presentation, ...': a verb's nominalisation names the
same event): the status was not the last one."""
_RELAPSE = re.compile(
    r"\b(?:then|later|again)\b[^.;]{0,60}?\b(?:developed|exhibited|experienced|appeared"
    r"|recurred|reappeared|returned|presented)\b|\b(?:recurred|reappeared|relapsed)\b",
    re.I,
)
"""A new episode told after the status in its own sentence."""
_INTRODUCED = re.compile(r"\b\d+[- ](?:year|month|week|day)s?[- ]old\b|\baged \d+", re.I)
"""The patient introduced (again): a full text retelling the case its abstract summed up."""
_NEW_EPISODE = re.compile(
    r"\b(?:came back|returned to (?:us|our|the)|re-?presented|presented again|was referred again"
    r"|(?:was|were) seen again|(?:similar|second|new|further|another) (?:[\w-]+ ){0,3}?"
    r"(?:episode|attack) (?:occurred|developed|appeared|followed|ensued))\b",
    re.I,
)
"""The patient back with a new complaint after the status a sentence states (an early swelling
resolved, then a late reaction), or a new episode told ("a similar but more intense episode
occurred"): that status is not the outcome of the reaction reported."""
_REINTRODUCED = re.compile(
    r"\b(?:re-?introduc\w*|re-?challeng\w*|re-?exposed|re-?exposure|re-?started|restarted"
    r"|resumed)\b",
    re.I,
)
_SIGN_AGAIN = re.compile(r"\b(?:appeared|developed|recurred|reappeared|occurred|returned)\b", re.I)
"""'an attempt was made to reintroduce apomorphine ... within 2 weeks a crop of necrotic ulcers
appeared': a recurrence on re-exposure told last leaves no outcome (docs/annotation.md, the
v0xx decisions)."""
_HAD_BEFORE = re.compile(r"\bhad (?:\w+ )?$", re.I)
_SOUGHT = re.compile(r"\b(?:seek|sought|decided to (?:seek|consult|visit|come|return))\b", re.I)
_WORSE = re.compile(r"\b(?:worsened|deteriorated)\s*$", re.I)
_AT_PRESENTATION = re.compile(
    r"\b(?:(?:at|on|upon) (?:presentation|admission|arrival)|presented|was admitted)\b", re.I
)


def superseded(
    outcome: Outcome | None, told_at: int, sentence: Sentence, later: list[Sentence]
) -> bool:
    """Whether a new episode, or a treatment begun after 'persisted', is told after the
    ``outcome`` that ``sentence`` states (ending at ``told_at`` in it), among the ``later``
    sentences of the narrative: then the outcome is unknown."""
    after = [s for s in later if s.index > sentence.index]
    if _RELAPSE.search(sentence.text, max(0, told_at)):
        # "resolved within 48 h; and then four days later, she exhibited the same symptoms"
        return True
    if any(
        _REINTRODUCED.search(s.text) and any(_SIGN_AGAIN.search(t.text) for t in after[i : i + 2])
        for i, s in enumerate(after)
    ):
        return True
    retold = next((i for i, s in enumerate(after) if _INTRODUCED.search(s.text)), len(after))
    interim = outcome in (Outcome.not_recovered, Outcome.recovering)
    told = sentence.text[max(0, told_at) :]
    if interim and (_SEEN_AFTER.search(told) or _SOUGHT.search(told)):
        # "Her vision did not improve regardless, so she decided to seek treatment at our
        # center": the state that brought her, not the last one
        return True
    before = sentence.text[: max(0, told_at)]
    if _WORSE.search(before[-40:]) and _AT_PRESENTATION.search(before):
        # "At presentation, the swelling had worsened", "presented with pain ..., which
        # progressively worsened over the last 3 days": the state when she was seen
        return True
    return (
        any(_NEW_EPISODE.search(s.text) for s in after)
        or (outcome is Outcome.not_recovered and any(_TREATED_AFTER.search(s.text) for s in after))
        or (interim and any(_seen_later(s.text) for s in after[:retold]))
    )


def _seen_later(text: str) -> bool:
    """The patient seen or treated again (:data:`_SEEN_AFTER`), told in the past, not in the
    pluperfect: "the patient had received the first dose ... at 15 months" tells the history
    before the case, not a later visit (Quirk et al. 1985, 4.22: the pluperfect's past in the
    past)."""
    return any(not _HAD_BEFORE.search(text, 0, m.start()) for m in _SEEN_AFTER.finditer(text))
