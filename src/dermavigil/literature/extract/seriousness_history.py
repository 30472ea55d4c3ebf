"""Which case sentences tell the illness the suspect was given in, before the exposure.

ICH E2A (II.B) asks whether the adverse event caused the death, the danger, the stay or the
disability. A case narrative often opens with the illness the patient had when the suspect was
given: "A 54-year-old man presented to the emergency department after a cardiac arrest. In the
ED, he received a loading dose of ...", "A woman with atrial fibrillation presented with an
embolic stroke. She was bridged with ... injections". A criterion told there is the illness's
or the indication's, not the reaction's (docs/annotation.md: an admission for the indication
or an unrelated illness is not serious; pre-existing conditions are no reactions). The same
test already dates an admission (:func:`.admission.admitted_before`); here it covers every
criterion. The exposure told as an earlier event ("she had received ...", "two days before",
"a history of injections") dates nothing: the narrative then starts at the reaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dermavigil.literature.extract.admission import EARLIER
from dermavigil.literature.extract.exposure_verbs import GIVEN
from dermavigil.literature.extract.routes import presents_case
from dermavigil.literature.extract.sentences import Sentence

_GIVEN = re.compile(
    r"\b(?:received|receiving|underwent|(?:was|were) (?:\w+ )?(?:started|initiated"
    rf"|commenced|begun|bridged|treated|{GIVEN}))\b",
    re.I,
)
"""The exposure told as it happens ("He received a loading dose of ...", "She was being bridged
with ... injections"); a sentence that names the suspect otherwise ("Treatment with X was
suspended") tells no exposure the narrative is ordered by."""


def given_sentence(
    sentences: Sequence[Sentence], exposure: Sentence | None, named: Sequence[int]
) -> Sentence | None:
    """The first of ``sentences`` from ``exposure`` (the first case sentence naming the
    suspect, :func:`.admission.exposure_sentence`) on that names a suspect (at one of the
    positions ``named``) and tells it given (:data:`_GIVEN`): "On arrival, his phenytoin level
    was low." names it, "In the ED, the patient received a loading dose of phenytoin" gives
    it."""
    if exposure is None:
        return None
    return next(
        (
            s
            for s in sentences
            if s.index >= exposure.index
            and s.section != "title"
            and any(s.start <= at < s.end for at in named)
            and _GIVEN.search(s.text)
        ),
        None,
    )


def history_sentences(sentences: Sequence[Sentence], exposure: Sentence | None) -> frozenset[int]:
    """The indexes of the case ``sentences`` told before ``exposure`` (the first case sentence
    that tells the suspect given, :func:`given_sentence`), when it is told in the narrative's
    order, not as earlier; the title and a sentence presenting the case ("We report a case of
    ...") sum the case up and are left out."""
    if exposure is None or EARLIER.search(exposure.text) or not _GIVEN.search(exposure.text):
        return frozenset()
    return frozenset(
        s.index
        for s in sentences
        if s.index < exposure.index and s.section != "title" and not presents_case(s.text)
    )
