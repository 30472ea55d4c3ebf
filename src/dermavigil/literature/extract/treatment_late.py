"""A drug the product finder also listed, told only after the reaction, in a treatment role.

The product finder lists every injected or applied drug it sees, so a drug given for the
reaction ("she was administered glycyrrhizin, calcium and vitamin C", "after topical
applications of a growth factor gel and minoxidil the wound healed") can stand among the
suspects and the treatment matcher then drops it. Two readings of the text's order and
grammar give its role back:

- **Order of telling.** A case report narrates in time order (Labov and Waletzky, "Narrative
  analysis", 1967: the narrative clause): the suspect is named where the exposure is told,
  at or before the reaction; a drug whose first mention in the case comes after the first
  reaction's sentence was not the exposure that caused it.
- **Role in its sentence.** The name is introduced by a treatment frame ("treated with",
  "administered", "after ... the wound healed": :data:`.treatment_cues.FRAMED`,
  :data:`.treatment_cues.RECOVERED_AFTER`), or it is a conjunct of a list whose other
  members are treatments (conjuncts of one coordination share their semantic role: Quirk et
  al., *A Comprehensive Grammar of the English Language*, 1985, 13.1).

A sentence that tells the exposure again ("re-exposure", "again", "rechallenge") is a
rechallenge, never a treatment (docs/annotation.md).
"""

from __future__ import annotations

import re

from dermavigil.literature.extract import treatment_cues as cues
from dermavigil.literature.extract.sentences import Sentence
from dermavigil.literature.extract.treatment_matches import Match

_AGAIN = re.compile(
    r"\b(?:again|re-?(?:challeng|expos|administ|introduc|inject|start)\w*|resum\w*|recurr\w*"
    r"|rechalleng\w*|discontinu\w*|continu\w*|stopp\w*|withdrawn|withheld|ceased|switched)\b",
    re.I,
)
"""The exposure told again (a rechallenge) or stopped (a dechallenge): not a treatment."""
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*|\+\s*)", re.I)
"""Between two conjuncts of a list: a comma, "and", "or", a slash or a plus."""


def _mentioned_by(name: str, sentences: list[Sentence], last: int) -> bool:
    """``name`` is told in a sentence whose index is below ``last`` (the title counts)."""
    pattern = re.compile(rf"\b{re.escape(name)}\b", re.I)
    return any(
        (s.section == "title" or s.index < last) and pattern.search(s.text) for s in sentences
    )


def _framed(text: str, start: int) -> bool:
    return bool(cues.FRAMED.search(text[:start])) or any(
        m.start() < start < m.end() for m in cues.RECOVERED_AFTER.finditer(text)
    )


def _coordinated(text: str, match: Match, kept: list[Match]) -> bool:
    """A conjunct beside a treatment of the same list (up to two words between: a dose or a
    route, "2% minoxidil", "topical gel")."""
    for other in kept:
        if other.end() <= match.start():
            gap = text[other.end() : match.start()]
        elif match.end() <= other.start():
            gap = text[match.end() : other.start()]
        else:
            continue
        head = _LIST_GAP.match(gap)
        if head and len(gap[head.end() :].split()) <= 2 and not re.search(r"[.;:()]", gap):
            return True
    return False


def late_suspects(
    sentence: Sentence,
    patient: list[Sentence],
    suspects: frozenset[str],
    first_reaction: int,
    kept: list[Match],
    exposed: int = 0,
) -> list[Match]:
    """Matches in ``sentence`` that name one of the ``suspects`` told in no earlier sentence,
    in a sentence after the first reaction's (a sentence index, ``first_reaction`` > 0) and
    the exposure's (``exposed``), framed as a treatment or listed with the treatments
    ``kept`` in the sentence; none when the sentence tells the exposure again or stopped."""
    if (
        not suspects
        or not 0 < max(first_reaction, exposed) < sentence.index
        or _AGAIN.search(sentence.text)
    ):
        return []
    found = []
    for match in Match.all(sentence.text, frozenset()):
        name = match.group(0).lower()
        named = [s for s in suspects if name == s or (len(s) > 3 and s in name)]
        if (
            not named
            or any(k.start() < match.end() and match.start() < k.end() for k in kept)
            or any(_mentioned_by(s, patient, sentence.index) for s in named)
        ):
            continue
        if _framed(sentence.text, match.start()) or _coordinated(sentence.text, match, kept):
            found.append(match)
    return found
