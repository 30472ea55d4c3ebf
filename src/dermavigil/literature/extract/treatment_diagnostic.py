"""A procedure done to make the diagnosis, not to treat (``docs/annotation.md``: a
biopsy, an excision for histology or an aspiration for culture is diagnostic)."""

from __future__ import annotations

import re

_ANALYSES = (
    r"histolog|histopatholog|patholog|cultur|microbiolog|diagnos|analys|examination|biopsy"
    r"|microscop"
)
_DRAINED_FOR = re.compile(rf"[\w ]{{0,30}}?\bfor (?:the )?(?:{_ANALYSES})", re.I)
"""A drainage done for an analysis ("drained for culture"): a drainage empties the
collection, so a sample of it sent on ("incision and drainage were performed and pus was
sent for culture") leaves it a treatment; only "diagnostic" or its own purpose makes it
diagnostic."""
_FOR_DIAGNOSIS = re.compile(
    rf"\b(?:diagnostic|(?:sent|submitted|processed|taken|obtained) for|for (?:the )?(?:{_ANALYSES})"
    r"|\band (?:then )?cul-?\s?tured|(?<=aspiration )yielded\b)",
    re.I,
)
_PROCEDURE = re.compile(r"excis|drain|aspirat", re.I)
"""Procedures that can be diagnostic; a removal or a debridement treats whatever the tissue
is sent for afterwards."""


def diagnostic(text: str, start: int, end: int) -> bool:
    """A procedure done to make the diagnosis, not to treat ("one nodule was excised and
    sent for histopathology", "a diagnostic punch biopsy was performed and gelatinous
    material was drained", "aspirated for culture", "Aspiration yielded sterile pus": a
    sample, where a drainage that yielded pus emptied the abscess): its clause says so."""
    if not _PROCEDURE.search(text, start, end):
        return False
    clause_start = max(text.rfind(c, 0, start) for c in ".;") + 1
    ends = [i for i in (text.find(c, end) for c in ".;") if i >= 0]
    clause_end = min(ends, default=len(text))
    if re.search(r"drain", text[start:end], re.I):
        return bool(
            re.search(r"\bdiagnostic\b", text[clause_start:clause_end], re.I)
            or _DRAINED_FOR.match(text, end, clause_end)
        )
    return bool(_FOR_DIAGNOSIS.search(text, clause_start, clause_end))
