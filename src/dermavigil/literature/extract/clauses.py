"""The parts of a case sentence that name no reaction: test results and outcomes.

A test's result ("the biopsy showed granulomas") is a finding, not a
reaction, and what an outcome leaves ("healed leaving a scar") is a sequela
of the outcome; :func:`clauses` blanks both out of the sentence (same
length, so offsets stay) and keeps the diagnosis a test concludes with
("... consistent with foreign body granuloma").
"""

from __future__ import annotations

import re

from dermavigil.literature.extract.sentences import Sentence

_FINDING_CLAUSE = re.compile(
    r"\b(?:(?:skin |punch |incisional |excisional )?biopsy|histopatholog\w*|histolog\w*|"
    r"patholog\w*|ultrasound|ultrasonography|MRI|magnetic resonance|CT scan|culture|stain(?:s|ing)?"
    r"|HPE)\b",
    re.I,
)
_DIAGNOSED_BY = re.compile(r"\bdiagnosed\s+(?:by|on|with|using)\s+(?:an?\s+|the\s+)?$", re.I)
_OUTCOME_CLAUSE = re.compile(
    r"\b(?:leaving|left (?:behind|an?|with)\b|(?:resolved|healed|healing)(?: \w+ly)? with"
    r"|healed (?:\w+ly )?to leave|resolution with|residual"
    r"|with (?:residual|resultant))\b",
    re.I,
)
_DIAGNOSIS_OF_TEST = re.compile(
    r"\b(?:consistent with|compatible with|diagnostic of|in keeping with|confirm(?:ed|ing) the"
    r" diagnosis of)\s+",
    re.I,
)
"""What a test's result is read as: the report's diagnosis ("... giant cells surrounding cystic
spaces consistent with foreign body granuloma")."""


_RESULT_VERB = re.compile(
    r"\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|disclosed|confirmed|identified"
    r"|found|included|showing|revealing|demonstrating|consistent with|compatible with|positive for"
    r"|grew|yielded|consisted|composed|shown|proven|proved|presented|exhibited|displayed"
    r"|contained)\b|:\s",
    re.I,
)
"""A test's result follows: "the biopsy showed ...". A test only named ("management involved
wound care, biopsy, and cultures with antibiotics to control superadded infection") opens no
finding clause."""


def clauses(sentence: Sentence) -> str:
    """The sentence text with finding and outcome clauses blanked (same length); the
    diagnosis a finding clause concludes with stays."""
    text = sentence.text
    for pattern in (_FINDING_CLAUSE, _OUTCOME_CLAUSE):
        match = pattern.search(text)
        if match and pattern is _FINDING_CLAUSE and _DIAGNOSED_BY.search(text[: match.start()]):
            continue  # "was diagnosed by MRI with subdeltoid bursitis": the diagnosis follows
        if match and pattern is _FINDING_CLAUSE and not _RESULT_VERB.search(text, match.end()):
            continue
        if match:
            diagnosis = None
            if pattern is _FINDING_CLAUSE:
                diagnosis = _DIAGNOSIS_OF_TEST.search(text, match.end())
            keep = diagnosis.end() if diagnosis else len(text)
            text = text[: match.start()] + " " * (keep - match.start()) + text[keep:]
    return text
